package python

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"sync"

	"go.starlark.net/starlark"
)

// newStructModule is the struct module: values to bytes and back, by a
// format. Formats: an optional byte order (@ native with alignment, =
// native order without, < little-endian, > and ! big-endian/network),
// then items x c b B ? h H i I l L q Q n N P e f d s p, each with an
// optional count ("4s" is a 4-byte string, "2H" two shorts).
func newStructModule() pyModule {
	return table{name: "struct", doc: "Binary data: struct.pack('!HI', 1, 2) lays numbers out as the bytes a protocol header holds, struct.unpack reads them back. Struct(fmt) keeps a parsed format.", rows: []row{
		{name: "pack", fn: structPack, sig: "struct.pack(fmt, v1, v2, ...) -> bytes", doc: "Lay values out as bytes: struct.pack('!HI', 1, 2) is a big-endian 2-byte then 4-byte integer, the usual way to build binary headers.", borrows: true},
		{name: "pack_into", fn: structPackInto, sig: "struct.pack_into(fmt, buffer, offset, v1, v2, ...)", doc: "Pack into a writable buffer (bytearray, memoryview, array, ctypes buffer) at offset, changing it in place.", mutates: true, borrows: true},
		{name: "unpack", fn: structUnpack, sig: "struct.unpack(fmt, buffer) -> tuple", doc: "Read values back out of exactly calcsize(fmt) bytes.", borrows: true},
		{name: "unpack_from", fn: structUnpackFrom, sig: "struct.unpack_from(fmt, buffer, offset=0) -> tuple", doc: "Like unpack(), starting at offset and ignoring any bytes after the format.", borrows: true},
		{name: "iter_unpack", fn: structIterUnpack, sig: "struct.iter_unpack(fmt, buffer) -> iterator", doc: "Unpack a buffer of back-to-back records, one tuple per calcsize(fmt) bytes: for x, y in struct.iter_unpack('!HH', data)."},
		{name: "calcsize", fn: structCalcsize, sig: "struct.calcsize(fmt) -> int", doc: "How many bytes the format packs into. Formats start with a byte order (! network, < little, > big, @ native with padding).", borrows: true},
		{name: "Struct", value: typeStruct, sig: "struct.Struct(fmt)", doc: "A compiled format: s = struct.Struct('!HI'); s.pack(1, 2), s.unpack(data), s.size, s.format, and pack_into/unpack_from/iter_unpack."},
		{name: "error", value: exceptionClasses["struct.error"], sig: "struct.error", doc: "Raised for a bad format, a wrong count of values, a value out of range or a buffer of the wrong size."},
	}}.module()
}

func structError(msg string) *PyError { return &PyError{Class: "struct.error", Msg: msg} }

var errStructTooLong = structError("total struct size too long")

// structItem is one format character with its count and offset.
type structItem struct {
	c      byte
	count  int // repeat count; for s and p the string size
	size   int // bytes per value
	offset int
}

type structFormat struct {
	native bool // '@': native sizes and alignment
	big    bool
	items  []structItem
	size   int
}

// nativeSizes are x86-64 Linux sizes; standard sizes differ for l, L.
var nativeSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'P': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
var standardSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}

func formatArg(v starlark.Value) (string, error) {
	switch f := v.(type) {
	case starlark.String:
		return string(f), nil
	case starlark.Bytes:
		return string(f), nil
	}
	return "", pyErrorf("TypeError", "Struct() argument 1 must be a str or bytes object, not %s", pyTypeName(v))
}

// structFormatArg reads and parses the format argument of pack, unpack,
// unpack_from and calcsize.
func structFormatArg(v starlark.Value) (*structFormat, error) {
	f, err := formatArg(v)
	if err != nil {
		return nil, err
	}
	return cachedStructFormat(f)
}

// structCache keeps the parsed formats of recent calls, as CPython's
// struct module does: struct.unpack("!I", header) in a loop parses its
// format once. A parsed format is never changed after parsing.
var structCache struct {
	sync.Mutex
	m map[string]*structFormat
}

const structCacheSize = 100

func cachedStructFormat(f string) (*structFormat, error) {
	structCache.Lock()
	sf := structCache.m[f]
	structCache.Unlock()
	if sf != nil {
		return sf, nil
	}
	sf, err := parseStructFormat(f)
	if err != nil || len(f) > 256 { // a long format is not kept alive
		return sf, err
	}
	structCache.Lock()
	if len(structCache.m) >= structCacheSize || structCache.m == nil {
		structCache.m = make(map[string]*structFormat, structCacheSize)
	}
	structCache.m[f] = sf
	structCache.Unlock()
	return sf, nil
}

func parseStructFormat(f string) (*structFormat, error) {
	sf := &structFormat{native: true}
	i := 0
	if f != "" {
		switch f[0] {
		case '@':
			i = 1
		case '=':
			sf.native, i = false, 1
		case '<':
			sf.native, i = false, 1
		case '>', '!':
			sf.native, sf.big, i = false, true, 1
		}
	}
	sizes := nativeSizes
	if !sf.native {
		sizes = standardSizes
	}
	off := 0
	for i < len(f) {
		c := f[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count, hasCount := 0, false
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			d := int(f[i] - '0')
			if count > (math.MaxInt64-d)/10 {
				return nil, errStructTooLong
			}
			count = count*10 + d
			hasCount = true
			i++
		}
		if i >= len(f) {
			return nil, structError("repeat count given without format specifier")
		}
		c = f[i]
		i++
		size, ok := sizes[c]
		if !ok {
			return nil, structError("bad char in struct format")
		}
		if !hasCount {
			count = 1
		}
		// Sizes are added up with overflow checks, as CPython does: a
		// format may describe more bytes than exist (calcsize answers),
		// and only pack refuses to build them.
		if sf.native && c != 'x' && c != 's' && c != 'p' && c != 'c' && size > 1 {
			if off > math.MaxInt64-size {
				return nil, errStructTooLong
			}
			off = (off + size - 1) / size * size
		}
		item := structItem{c: c, count: count, size: size, offset: off}
		add := count
		if c != 's' && c != 'p' {
			if count > math.MaxInt64/size {
				return nil, errStructTooLong
			}
			add = size * count
		}
		if off > math.MaxInt64-add {
			return nil, errStructTooLong
		}
		off += add
		sf.items = append(sf.items, item)
	}
	sf.size = off
	return sf, nil
}

// values is how many Python values the format takes or gives.
func (sf *structFormat) values() int {
	n := 0
	for _, it := range sf.items {
		switch it.c {
		case 'x':
		case 's', 'p':
			n++
		default:
			n += it.count
		}
	}
	return n
}

func structCalcsize(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("calcsize", args, kwargs)
	if err != nil {
		return nil, err
	}
	sf, err := structFormatArg(v)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(sf.size), nil
}

func structPack(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "pack() takes no keyword arguments")
	}
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "missing format argument")
	}
	sf, err := structFormatArg(args[0])
	if err != nil {
		return nil, err
	}
	return packNew(sf, "pack", args[1:])
}

// packNew packs vals into new bytes.
func packNew(sf *structFormat, fname string, vals starlark.Tuple) (starlark.Value, error) {
	if want := sf.values(); want != len(vals) {
		return nil, structError(fname + " expected " + strconv.Itoa(want) + " items for packing (got " + strconv.Itoa(len(vals)) + ")")
	}
	if sf.size > maxValueBytes {
		return nil, memoryError()
	}
	out := make([]byte, sf.size)
	if err := packValues(sf, out, vals); err != nil {
		return nil, err
	}
	return ownedBytes(out), nil
}

// packValues writes vals, whose count is right, into out (sf.size bytes).
func packValues(sf *structFormat, out []byte, vals starlark.Tuple) error {
	k := 0
	for _, it := range sf.items {
		switch it.c {
		case 'x':
			continue
		case 's', 'p':
			b, ok := vals[k].(starlark.Bytes)
			k++
			if !ok {
				return structError("argument for '" + string(it.c) + "' must be a bytes object")
			}
			dst := out[it.offset : it.offset+it.count]
			if it.c == 'p' {
				if it.count == 0 {
					continue
				}
				n := len(b)
				if n > it.count-1 {
					n = it.count - 1
				}
				dst[0] = byte(min(n, 255)) // the length byte saturates; the data does not
				copy(dst[1:], b[:n])
				continue
			}
			copy(dst, b)
			continue
		}
		for r := 0; r < it.count; r++ {
			dst := out[it.offset+r*it.size : it.offset+(r+1)*it.size]
			if err := packOne(sf, it.c, dst, vals[k]); err != nil {
				return err
			}
			k++
		}
	}
	return nil
}

// packOne writes one value of format character c into dst.
func packOne(sf *structFormat, c byte, dst []byte, v starlark.Value) error {
	switch c {
	case 'c':
		b, ok := v.(starlark.Bytes)
		if !ok || len(b) != 1 {
			return structError("char format requires a bytes object of length 1")
		}
		dst[0] = b[0]
		return nil
	case '?':
		if v.Truth() {
			dst[0] = 1
		}
		return nil
	case 'e', 'f', 'd':
		x, ok := toFloat(v)
		if !ok {
			return structError("required argument is not a float")
		}
		if c == 'e' {
			h, ok := toHalf(x)
			if !ok && isPyInt(v) {
				return structError("int too large to convert") // CPython's wording for an int here
			}
			if !ok {
				return pyErrorf("OverflowError", "float too large to pack with e format")
			}
			putUint(sf, dst, uint64(h))
			return nil
		}
		if c == 'f' {
			if !math.IsInf(x, 0) && !math.IsNaN(x) && math.Abs(x) > math.MaxFloat32 {
				return pyErrorf("OverflowError", "float too large to pack with f format")
			}
			putUint(sf, dst, uint64(math.Float32bits(float32(x))))
		} else {
			putUint(sf, dst, math.Float64bits(x))
		}
		return nil
	}
	signed := c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'
	bits := uint(8 * len(dst))
	if small, ok := smallIntOf(v); ok && c != 'P' && fitsBits(small, bits, signed) {
		putUint(sf, dst, uint64(small)) // in range: no big.Int bounds to build
		return nil
	}
	n, ok := bigOf(v)
	if !ok {
		return structError("required argument is not an integer")
	}
	var lo, hi *big.Int
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
	} else {
		lo = big.NewInt(0)
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	}
	if c == 'P' && n.Sign() < 0 && n.IsInt64() {
		lo = n // CPython casts a negative pointer value to unsigned
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		return structError(packRangeMessage(sf, c, n, lo, hi))
	}
	var u uint64
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	} else {
		u = n.Uint64()
	}
	putUint(sf, dst, u)
	return nil
}

// fitsBits reports whether n fits an integer field of bits bits.
func fitsBits(n int64, bits uint, signed bool) bool {
	switch {
	case signed && bits >= 64:
		return true
	case signed:
		return n >= -1<<(bits-1) && n < 1<<(bits-1)
	case n < 0:
		return false
	case bits >= 64:
		return true
	}
	return uint64(n) < 1<<bits
}

// packRangeMessage words an out-of-range integer as CPython's _struct
// does. Which of its packers runs decides the words: '@' uses the native
// ones; '<' and '=' on this little-endian machine borrow them for every
// integer code whose size matches (all but l and L); '>' and '!' use the
// big-endian ones, which share only b and B with native.
func packRangeMessage(sf *structFormat, c byte, n, lo, hi *big.Int) string {
	requires := func(what string) string {
		return what + " format requires " + lo.String() + " <= number <= " + hi.String()
	}
	fitsLong := n.IsInt64()
	fitsULong := n.Sign() >= 0 && n.IsUint64()
	native := sf.native || !sf.big && c != 'l' && c != 'L' || c == 'b' || c == 'B'
	if native {
		switch c {
		case 'b', 'B', 'h', 'H', 'i':
			if !fitsLong {
				return "argument out of range"
			}
			return requires(map[byte]string{'b': "byte", 'B': "ubyte", 'h': "short", 'H': "ushort", 'i': "'i'"}[c])
		case 'I':
			if !fitsULong {
				return "argument out of range"
			}
			return requires("'I'")
		case 'P':
			return "int too large to convert"
		}
		return "argument out of range"
	}
	switch c {
	case 'q', 'Q':
		return "int too large to convert"
	case 'H', 'I', 'L':
		if !fitsULong {
			return "argument out of range"
		}
	default:
		if !fitsLong {
			return "argument out of range"
		}
	}
	return requires("'" + string(c) + "'")
}

func putUint(sf *structFormat, dst []byte, u uint64) {
	order := binary.ByteOrder(binary.LittleEndian)
	if sf.big {
		order = binary.BigEndian
	}
	switch len(dst) {
	case 1:
		dst[0] = byte(u)
	case 2:
		order.PutUint16(dst, uint16(u))
	case 4:
		order.PutUint32(dst, uint32(u))
	case 8:
		order.PutUint64(dst, u)
	}
}

func getUint(sf *structFormat, src []byte) uint64 {
	order := binary.ByteOrder(binary.LittleEndian)
	if sf.big {
		order = binary.BigEndian
	}
	switch len(src) {
	case 1:
		return uint64(src[0])
	case 2:
		return uint64(order.Uint16(src))
	case 4:
		return uint64(order.Uint32(src))
	}
	return order.Uint64(src)
}

func unpackFormat(sf *structFormat, buf []byte) starlark.Tuple {
	var out starlark.Tuple
	for _, it := range sf.items {
		switch it.c {
		case 'x':
			continue
		case 's':
			out = append(out, starlark.Bytes(buf[it.offset:it.offset+it.count]))
			continue
		case 'p':
			if it.count == 0 {
				out = append(out, starlark.Bytes(""))
				continue
			}
			n := int(buf[it.offset])
			if n > it.count-1 {
				n = it.count - 1
			}
			out = append(out, starlark.Bytes(buf[it.offset+1:it.offset+1+n]))
			continue
		}
		for r := 0; r < it.count; r++ {
			src := buf[it.offset+r*it.size : it.offset+(r+1)*it.size]
			out = append(out, unpackOne(sf, it.c, src))
		}
	}
	return out
}

func unpackOne(sf *structFormat, c byte, src []byte) starlark.Value {
	switch c {
	case 'c':
		return starlark.Bytes(src)
	case '?':
		return starlark.Bool(src[0] != 0)
	case 'e':
		return starlark.Float(fromHalf(uint16(getUint(sf, src))))
	case 'f':
		return starlark.Float(math.Float32frombits(uint32(getUint(sf, src))))
	case 'd':
		return starlark.Float(math.Float64frombits(getUint(sf, src)))
	}
	u := getUint(sf, src)
	switch c {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		shift := 64 - 8*uint(len(src))
		return starlark.MakeInt64(int64(u<<shift) >> shift)
	}
	return starlark.MakeUint64(u)
}

func structUnpack(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "unpack() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "unpack expected 2 arguments, got %d", len(args))
	}
	sf, err := structFormatArg(args[0])
	if err != nil {
		return nil, err
	}
	return unpackExact(sf, args[1])
}

// unpackExact is unpack: the buffer must be exactly the format's size.
func unpackExact(sf *structFormat, bv starlark.Value) (starlark.Value, error) {
	buf, err := dataArg(bv)
	if err != nil {
		return nil, err
	}
	if len(buf) != sf.size {
		return nil, structError("unpack requires a buffer of " + strconv.Itoa(sf.size) + " bytes")
	}
	return unpackFormat(sf, buf), nil
}

func structUnpackFrom(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fv, bv starlark.Value
	offset := 0
	if err := starlark.UnpackArgs("unpack_from", args, kwargs, "format", &fv, "buffer", &bv, "offset?", &offset); err != nil {
		return nil, err
	}
	sf, err := structFormatArg(fv)
	if err != nil {
		return nil, err
	}
	return unpackFrom(sf, bv, offset)
}

// unpackFrom is unpack_from: the format's bytes at offset (negative
// counts from the end), with CPython's messages for a buffer too short.
func unpackFrom(sf *structFormat, bv starlark.Value, offset int) (starlark.Value, error) {
	buf, err := dataArg(bv)
	if err != nil {
		return nil, err
	}
	if offset < 0 {
		// CPython's order: a negative offset too close to the end for the
		// format, then one before the start.
		if offset > -sf.size {
			return nil, structError("not enough data to unpack " + strconv.Itoa(sf.size) + " bytes at offset " + strconv.Itoa(offset))
		}
		if offset < -len(buf) {
			return nil, structError("offset " + strconv.Itoa(offset) + " out of range for " + strconv.Itoa(len(buf)) + "-byte buffer")
		}
		offset += len(buf)
	}
	if len(buf)-offset < sf.size {
		return nil, structError("unpack_from requires a buffer of at least " + strconv.FormatUint(uint64(sf.size)+uint64(offset), 10) +
			" bytes for unpacking " + strconv.Itoa(sf.size) + " bytes at offset " + strconv.Itoa(offset) +
			" (actual buffer size is " + strconv.Itoa(len(buf)) + ")")
	}
	return unpackFormat(sf, buf[offset:offset+sf.size]), nil
}

// toHalf rounds x to IEEE 754 binary16 (nearest, ties to even); false
// when it is too large, as CPython's PyFloat_Pack2 reports.
func toHalf(x float64) (uint16, bool) {
	var sign uint16
	if math.Signbit(x) {
		sign = 0x8000
		x = -x
	}
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00, true
	case math.IsInf(x, 0):
		return sign | 0x7c00, true
	case x == 0:
		return sign, true
	}
	frac, exp := math.Frexp(x) // x = frac * 2**exp, 0.5 <= frac < 1
	e := exp - 1 + 15          // biased exponent of 1.xxx * 2**(exp-1)
	var mant float64
	if e <= 0 {
		// Subnormal: the value in units of 2**-24.
		mant = math.RoundToEven(x * (1 << 24))
		if mant >= 1024 {
			return sign | 1<<10 | uint16(mant-1024), true
		}
		return sign | uint16(mant), true
	}
	mant = math.RoundToEven((frac*2 - 1) * 1024)
	if mant == 1024 {
		mant = 0
		e++
	}
	if e >= 31 {
		return 0, false
	}
	return sign | uint16(e)<<10 | uint16(mant), true
}

// fromHalf widens an IEEE 754 binary16 value.
func fromHalf(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * m * math.Pow(2, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * (1 + m/1024) * math.Pow(2, float64(e-15))
}
