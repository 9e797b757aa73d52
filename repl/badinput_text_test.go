package repl

// textBadInputs are text, bytes and struct calls gone wrong, where the
// fast paths are (borrowed arguments, receivers read without a copy,
// 64-bit ints formatted and packed without big.Int, cached struct
// formats, properties found without an MRO walk), each checked against
// python3 like the rest.
var textBadInputs = []badInput{
	{"bytes.find of an int past a byte", "", "b'abc'.find(300)", "ValueError: byte must be in range(0, 256)", ""},
	{"bytes.split by empty bytes", "", "b'abc'.split(b'')", "ValueError: empty separator", ""},
	{"%x of a str", "", "'%x' % 'a'", "TypeError: %x format: an integer is required, not str", ""},
	{"%d of None", "", "'%d' % None", "TypeError: %d format: a real number is required, not NoneType", ""},
	{"struct H of a negative", "import struct", "struct.pack('!H', -1)", "struct.error: argument out of range", ""},
	{"struct I one past its range", "import struct", "struct.pack('!I', 2**32)", "struct.error: 'I' format requires 0 <= number <= 4294967295", ""},
	{"struct q of a float", "import struct", "struct.pack('!q', 1.5)", "struct.error: required argument is not an integer", ""},
	{"struct unpack of too few bytes", "import struct", "struct.unpack('!I', b'abc')", "struct.error: unpack requires a buffer of 4 bytes", ""},
	{"struct format cached, then a bad count", "import struct\nstruct.pack('!I', 1)", "struct.pack('!I', 1, 2)", "struct.error: pack expected 1 items for packing (got 2)", ""},
	{"split with a str maxsplit", "", "'a b'.split(maxsplit='x')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"decode with an unknown codec", "", "b'x'.decode('nope')", "LookupError: unknown encoding: nope", ""},
	{"decode of invalid UTF-8", "", "b'\\xff'.decode()", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", ""},
	{"encode to ASCII of a non-ASCII str", "", "'\\xe9'.encode('ascii')", "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)", ""},
	{"an unhashable key tested against a dict", "", "[1] in {'a': 1}", "TypeError: unhashable type: 'list'", ""},
	{"an int tested against a str", "", "1 in 'ab'", "TypeError: 'in <string>' requires string as left operand, not int", ""},
	{"a list repeated to a billion items", "", "x = ['0'] * 10**9", "MemoryError", "CPython tries to build the 8 GB list; a repeat here holds at most 2**26 items (maxElems), as a list built from a range does, since one cannot be stopped while it copies"},
	{"a tuple repeated past the limit", "", "(1, 2) * (2**25 + 1)", "MemoryError", "CPython builds the tuple; a repeat here holds at most 2**26 items (maxElems)"},
	{"property added to a base without a setter", "class B: pass\nclass C(B): pass\nc = C()\nc.v = 1\nB.v = property(lambda self: 2)", "c.v = 3", "AttributeError: property of 'C' object has no setter", ""},
}

func init() { badInputs = append(badInputs, textBadInputs...) }
