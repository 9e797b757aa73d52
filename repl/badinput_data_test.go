package repl

// dataBadInputs is the misuse of the data modules (errno, binascii,
// struct.Struct, types, io, json, datetime, urllib.parse, traceback,
// eval, array, memoryview, ctypes), in the catalogue's form; each is
// checked against python3 like the rest.
var dataBadInputs = []badInput{
	{"os.strerror str", "import os", "os.strerror('2')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"os.strerror huge", "import os", "os.strerror(2**40)", "OverflowError: Python int too large to convert to C int", ""},
	{"os.strerror keyword", "import os", "os.strerror(code=2)", "TypeError: posix.strerror() takes no keyword arguments", ""},
	{"errno unknown name", "import errno", "errno.EWHATEVER_NOT_HERE", "AttributeError: module 'errno' has no attribute 'EWHATEVER_NOT_HERE'", ""},
	{"errorcode unknown number", "import errno", "errno.errorcode[9999]", "KeyError: 9999", ""},
	{"hexlify str", "import binascii", "binascii.hexlify('ab')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"hexlify long sep", "import binascii", "binascii.hexlify(b'ab', '--')", "ValueError: sep must be length 1.", ""},
	{"hexlify int sep", "import binascii", "binascii.hexlify(b'ab', 1)", "TypeError: object of type 'int' has no len()", ""},
	{"unhexlify odd", "import binascii", "binascii.unhexlify('abc')", "binascii.Error: Odd-length string", ""},
	{"unhexlify not hex", "import binascii", "binascii.unhexlify('zz')", "binascii.Error: Non-hexadecimal digit found", ""},
	{"unhexlify non-ASCII", "import binascii", "binascii.unhexlify('éé')", "ValueError: string argument should contain only ASCII characters", ""},
	{"unhexlify int", "import binascii", "binascii.unhexlify(12)", "TypeError: argument should be bytes, buffer or ASCII string, not 'int'", ""},
	{"crc32 str", "import binascii", "binascii.crc32('abc')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"crc32 float start", "import binascii", "binascii.crc32(b'abc', 0.5)", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"Struct bad format", "", "struct.Struct('!Y')", "struct.error: bad char in struct format", ""},
	{"Struct int format", "", "struct.Struct(3)", "TypeError: Struct() argument 1 must be a str or bytes object, not int", ""},
	{"Struct pack too few", "p = struct.Struct('!HH')", "p.pack(1)", "struct.error: pack expected 2 items for packing (got 1)", ""},
	{"Struct unpack short", "p = struct.Struct('!HH')", "p.unpack(b'ab')", "struct.error: unpack requires a buffer of 4 bytes", ""},
	{"Struct size read-only", "p = struct.Struct('!HH')", "p.size = 2", "AttributeError: attribute 'size' of '_struct.Struct' objects is not writable", ""},
	{"pack_into bytes", "", "struct.pack_into('!H', b'ab', 0, 1)", "TypeError: argument must be read-write bytes-like object, not bytes", ""},
	{"pack_into past end", "buf = bytearray(2)", "struct.pack_into('!I', buf, 0, 1)", "struct.error: pack_into requires a buffer of at least 4 bytes for packing 4 bytes at offset 0 (actual buffer size is 2)", ""},
	{"pack_into no offset", "buf = bytearray(2)", "struct.pack_into('!H', buf)", "struct.error: pack_into expected offset argument", ""},
	{"iter_unpack ragged", "", "struct.iter_unpack('!I', b'abcde')", "struct.error: iterative unpacking requires a buffer of a multiple of 4 bytes", ""},
	{"iter_unpack empty format", "", "struct.iter_unpack('', b'')", "struct.error: cannot iteratively unpack with a struct of length 0", ""},
	{"SimpleNamespace positional", "import types", "types.SimpleNamespace(1, 2)", "TypeError: no positional arguments expected", ""},
	{"SimpleNamespace missing attribute", "import types\nns = types.SimpleNamespace(a=1)", "ns.b", "AttributeError: 'types.SimpleNamespace' object has no attribute 'b'", ""},
	{"SimpleNamespace del missing", "import types\nns = types.SimpleNamespace(a=1)", "del ns.b", "AttributeError: 'types.SimpleNamespace' object has no attribute 'b'", ""},
	{"SimpleNamespace as a key", "import types", "{types.SimpleNamespace(): 1}", "TypeError: unhashable type: 'types.SimpleNamespace'", ""},
	{"SimpleNamespace ordering", "import types", "types.SimpleNamespace() < types.SimpleNamespace()", "TypeError: '<' not supported between instances of 'dict' and 'dict'", ""},
}

func init() { badInputs = append(badInputs, dataBadInputs...) }
