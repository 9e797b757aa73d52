package python

// The methods Python's bytes has and Starlark's lacks, installed by
// strmethods.go.

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// recvBytes and recvStr are a bytes method's receiver without a copy:
// the slice must never be written.
func recvBytes(b *starlark.Builtin) []byte { return bytesView(b.Receiver().(starlark.Bytes)) }
func recvStr(b *starlark.Builtin) string   { return string(b.Receiver().(starlark.Bytes)) }

// bytesArg reads an argument that must be bytes, with Python's message.
// The slice must never be written.
func bytesArg(v starlark.Value) ([]byte, error) {
	if b, ok := asBytes(v); ok {
		return bytesView(b), nil
	}
	return nil, pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(v))
}

func bytesDecode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if p := recvStr(b); len(args) == 0 && len(kwargs) == 0 && utf8.ValidString(p) {
		return starlark.String(p), nil // valid UTF-8 decodes to itself: shared
	}
	encoding, errs := "utf-8", "strict"
	if err := starlark.UnpackArgs("decode", args, kwargs, "encoding?", &encoding, "errors?", &errs); err != nil {
		return nil, err
	}
	s, err := decodeBytes(recvBytes(b), encoding, errs)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func bytesHex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sep starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("hex", args, kwargs, 0, &sep); err != nil {
		return nil, err
	}
	h := hex.EncodeToString(recvBytes(b))
	s := ""
	switch x := sep.(type) {
	case starlark.NoneType:
		return starlark.String(h), nil
	case starlark.String:
		s = string(x)
	case starlark.Bytes:
		s = string(x)
	default:
		return nil, pyErrorf("TypeError", "sep must be str or bytes.")
	}
	if len(s) != 1 {
		return nil, pyErrorf("ValueError", "sep must be length 1.")
	}
	var parts []string
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return starlark.String(strings.Join(parts, s)), nil
}

func bytesStartsEnds(starts bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		p := recvStr(b)
		var cands []starlark.Value
		if t, ok := x.(starlark.Tuple); ok {
			cands = t
		} else if _, ok := asBytes(x); ok {
			cands = []starlark.Value{x}
		} else {
			return nil, pyErrorf("TypeError", "%s first arg must be bytes or a tuple of bytes, not %s", b.Name(), pyTypeName(x))
		}
		for _, c := range cands {
			q, err := bytesArg(c)
			if err != nil {
				return nil, err
			}
			if starts && strings.HasPrefix(p, string(q)) || !starts && strings.HasSuffix(p, string(q)) {
				return starlark.True, nil
			}
		}
		return starlark.False, nil
	}
}

// needleArg reads a bytes needle or an int byte value.
func needleArg(v starlark.Value) (string, error) {
	if isPyInt(v) {
		n, err := intArg(v)
		if err != nil || n < 0 || n > 255 {
			return "", pyErrorf("ValueError", "byte must be in range(0, 256)")
		}
		return string([]byte{byte(n)}), nil
	}
	if b, ok := asBytes(v); ok {
		return string(b), nil
	}
	return "", pyErrorf("TypeError", "argument should be integer or bytes-like object, not '%s'", pyTypeName(v))
}

// sliceBounds clamps optional start/end arguments as Python does.
func sliceBounds(n int, start, end starlark.Value) (int, int, error) {
	lo, hi := 0, n
	if start != nil && start != starlark.None {
		v, err := intArg(start)
		if err != nil {
			return 0, 0, err
		}
		lo = v
	}
	if end != nil && end != starlark.None {
		v, err := intArg(end)
		if err != nil {
			return 0, 0, err
		}
		hi = v
	}
	clamp := func(i int) int {
		if i < 0 {
			i += n
		}
		if i < 0 {
			return 0
		}
		if i > n {
			return n
		}
		return i
	}
	return clamp(lo), clamp(hi), nil
}

// searchArgs reads (sub[, start[, end]]) for find, index, count and
// their right-hand twins: the receiver, the needle and the bounds.
func searchArgs(name string, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (p, needle string, lo, hi int, err error) {
	var x, start, end starlark.Value
	if err = starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x, &start, &end); err != nil {
		return
	}
	if needle, err = needleArg(x); err != nil {
		return
	}
	p = recvStr(b)
	lo, hi, err = sliceBounds(len(p), start, end)
	return
}

func bytesFind(last, raise bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, needle, lo, hi, err := searchArgs(b.Name(), b, args, kwargs)
		if err != nil {
			return nil, err
		}
		i := -1
		if lo <= hi {
			if last {
				i = strings.LastIndex(p[lo:hi], needle)
			} else {
				i = strings.Index(p[lo:hi], needle)
			}
		}
		if i < 0 {
			if raise {
				return nil, pyErrorf("ValueError", "subsection not found")
			}
			return starlark.MakeInt(-1), nil
		}
		return starlark.MakeInt(lo + i), nil
	}
}

func bytesCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, needle, lo, hi, err := searchArgs("count", b, args, kwargs)
	if err != nil {
		return nil, err
	}
	if lo > hi {
		return starlark.MakeInt(0), nil
	}
	return starlark.MakeInt(strings.Count(p[lo:hi], needle)), nil
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func bytesSplit(fromRight bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sep, maxsplitV starlark.Value = starlark.None, starlark.MakeInt(-1)
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "sep?", &sep, "maxsplit?", &maxsplitV); err != nil {
			return nil, err
		}
		maxsplit, err := maxsplitOf(maxsplitV)
		if err != nil {
			return nil, err
		}
		p := recvStr(b)
		if sep == starlark.None {
			return starlark.BytesList(splitWhitespace(p, maxsplit, fromRight)), nil
		}
		s, err := bytesArg(sep)
		if err != nil {
			return nil, err
		}
		if len(s) == 0 {
			return nil, pyErrorf("ValueError", "empty separator")
		}
		if maxsplit < 0 {
			return starlark.BytesList(strings.Split(p, string(s))), nil
		}
		if !fromRight {
			return starlark.BytesList(strings.SplitN(p, string(s), maxsplit+1)), nil
		}
		var parts []string
		for ; maxsplit > 0; maxsplit-- {
			i := strings.LastIndex(p, string(s))
			if i < 0 {
				break
			}
			parts = append([]string{p[i+len(s):]}, parts...)
			p = p[:i]
		}
		return starlark.BytesList(append([]string{p}, parts...)), nil
	}
}

// splitWhitespace is Python's split() with no separator, on ASCII space.
func splitWhitespace(p string, maxsplit int, fromRight bool) []string {
	var fields []string
	if !fromRight {
		i := 0
		for {
			for i < len(p) && isASCIISpace(p[i]) {
				i++
			}
			if i >= len(p) {
				return fields
			}
			if maxsplit >= 0 && len(fields) == maxsplit {
				return append(fields, p[i:])
			}
			j := i
			for j < len(p) && !isASCIISpace(p[j]) {
				j++
			}
			fields = append(fields, p[i:j])
			i = j
		}
	}
	j := len(p)
	for {
		for j > 0 && isASCIISpace(p[j-1]) {
			j--
		}
		if j == 0 {
			return fields
		}
		if maxsplit >= 0 && len(fields) == maxsplit {
			return append([]string{p[:j]}, fields...)
		}
		i := j
		for i > 0 && !isASCIISpace(p[i-1]) {
			i--
		}
		fields = append([]string{p[i:j]}, fields...)
		j = i
	}
}

func bytesSplitlines(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	keep := false
	if err := starlark.UnpackArgs("splitlines", args, kwargs, "keepends?", &keep); err != nil {
		return nil, err
	}
	p := recvStr(b)
	var lines []string
	for len(p) > 0 {
		i := strings.IndexAny(p, "\r\n")
		if i < 0 {
			lines = append(lines, p)
			break
		}
		end := i + 1
		if p[i] == '\r' && end < len(p) && p[end] == '\n' {
			end++
		}
		if keep {
			lines = append(lines, p[:end])
		} else {
			lines = append(lines, p[:i])
		}
		p = p[end:]
	}
	return starlark.BytesList(lines), nil
}

func bytesStrip(left, right bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var chars starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &chars); err != nil {
			return nil, err
		}
		p := recvBytes(b)
		in := isASCIISpace
		if chars != starlark.None {
			set, err := bytesArg(chars)
			if err != nil {
				return nil, err
			}
			in = func(c byte) bool { return strings.IndexByte(string(set), c) >= 0 }
		}
		i, j := 0, len(p)
		if left {
			for i < j && in(p[i]) {
				i++
			}
		}
		if right {
			for j > i && in(p[j-1]) {
				j--
			}
		}
		return starlark.Bytes(p[i:j]), nil
	}
}

func bytesReplace(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var old, new starlark.Value
	count := -1
	if err := starlark.UnpackPositionalArgs("replace", args, kwargs, 2, &old, &new, &count); err != nil {
		return nil, err
	}
	o, err := bytesArg(old)
	if err != nil {
		return nil, err
	}
	n, err := bytesArg(new)
	if err != nil {
		return nil, err
	}
	p := recvStr(b)
	if err := checkSize(replacedSize(p, string(o), string(n), count), maxValueBytes); err != nil {
		return nil, err
	}
	return starlark.Bytes(strings.Replace(p, string(o), string(n), count)), nil
}

// replacedSize is the length of s with up to count (all if < 0)
// occurrences of old replaced by new, or -1 past what an int holds.
func replacedSize(s, old, new string, count int) int64 {
	k := int64(strings.Count(s, old)) // for old == "": one more than the characters
	if count >= 0 && int64(count) < k {
		k = int64(count)
	}
	grow := int64(len(new)) - int64(len(old))
	if grow > 0 && k > (maxValueBytes*4)/grow {
		return -1
	}
	return int64(len(s)) + k*grow
}

// guardReplace makes str.replace refuse a result too large to build
// before Starlark's own replace builds it.
func guardReplace(methods map[string]*starlark.Builtin) {
	orig := methods["replace"]
	methods["replace"] = starlark.NewBorrowingBuiltin("replace", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		recv, _ := b.Receiver().(starlark.String)
		if len(args) >= 2 && len(kwargs) == 0 {
			old, ok1 := args[0].(starlark.String)
			new, ok2 := args[1].(starlark.String)
			count := -1
			if len(args) == 3 {
				if c, err := starlark.AsInt32(args[2]); err == nil {
					count = c
				}
			}
			if ok1 && ok2 {
				if err := checkSize(replacedSize(string(recv), string(old), string(new), count), maxValueBytes); err != nil {
					return nil, err
				}
			}
		}
		return starlark.CallMethod(thread, orig, recv, args, kwargs)
	})
}

// guardJoin replaces str.join with one that adds up the pieces' sizes
// before joining them, and words a bad piece as Python does.
func guardJoin(methods map[string]*starlark.Builtin) {
	methods["join"] = starlark.NewBuiltin("join", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var it starlark.Value
		if err := starlark.UnpackPositionalArgs("join", args, kwargs, 1, &it); err != nil {
			return nil, err
		}
		sep := string(b.Receiver().(starlark.String))
		joined, err := joinPieces(thread, it, sep, func(i int, x starlark.Value) (string, error) {
			if s, ok := x.(starlark.String); ok {
				return string(s), nil
			}
			return "", pyErrorf("TypeError", "sequence item %d: expected str instance, %s found", i, pyTypeName(x))
		})
		if err != nil {
			return nil, err
		}
		return starlark.String(joined), nil
	})
}

// joinPieces builds a join, refusing a result larger than maxValueBytes
// before it is built. It writes the pieces straight into the result: a
// slice of them would cost 16 bytes a piece, a gigabyte for a join of
// 64 million empty strings that makes an empty string. A list or tuple
// is measured first, so the result is allocated once.
func joinPieces(thread *starlark.Thread, it starlark.Value, sep string, piece func(int, starlark.Value) (string, error)) (string, error) {
	iterable, ok := asIterable(it).(starlark.Iterable)
	if !ok {
		return "", pyErrorf("TypeError", "can only join an iterable")
	}
	if isLazyRange(iterable) && starlark.Len(iterable) > maxElems {
		return "", memoryError()
	}
	var b strings.Builder
	add := func(total *int64, i int, x starlark.Value, write bool) error {
		p, err := piece(i, x)
		if err != nil {
			return err
		}
		*total += int64(len(p))
		if i > 0 {
			*total += int64(len(sep))
		}
		if *total > maxValueBytes {
			return memoryError()
		}
		if write {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(p)
		}
		return loopCheck(thread, i+1)
	}
	if seq, ok := iterable.(starlark.Indexable); ok {
		var total int64
		for i := 0; i < seq.Len(); i++ {
			if err := add(&total, i, seq.Index(i), false); err != nil {
				return "", err
			}
		}
		b.Grow(int(total))
		total = 0
		for i := 0; i < seq.Len(); i++ {
			if err := add(&total, i, seq.Index(i), true); err != nil {
				return "", err
			}
		}
		return b.String(), nil
	}
	iter := iterable.Iterate()
	defer iter.Done()
	var total int64
	var x starlark.Value
	for i := 0; iter.Next(&x); i++ {
		if err := add(&total, i, x, true); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func bytesMap(f func(byte) byte) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		p := recvBytes(b)
		out := make([]byte, len(p))
		for i, c := range p {
			out[i] = f(c)
		}
		return starlark.Bytes(out), nil
	}
}

func bytesIs(f func(byte) bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		p := recvBytes(b)
		if len(p) == 0 {
			return starlark.False, nil
		}
		for _, c := range p {
			if !f(c) {
				return starlark.False, nil
			}
		}
		return starlark.True, nil
	}
}

func bytesJoin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Value
	if err := starlark.UnpackPositionalArgs("join", args, kwargs, 1, &it); err != nil {
		return nil, err
	}
	sep := recvStr(b)
	joined, err := joinPieces(thread, it, sep, func(i int, x starlark.Value) (string, error) {
		if p, ok := asBytes(x); ok {
			return string(p), nil
		}
		return "", pyErrorf("TypeError", "sequence item %d: expected a bytes-like object, %s found", i, pyTypeName(x))
	})
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(joined), nil
}

func bytesPartition(last bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sep starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &sep); err != nil {
			return nil, err
		}
		s, err := bytesArg(sep)
		if err != nil {
			return nil, err
		}
		if len(s) == 0 {
			return nil, pyErrorf("ValueError", "empty separator")
		}
		p := recvStr(b)
		var i int
		if last {
			i = strings.LastIndex(p, string(s))
		} else {
			i = strings.Index(p, string(s))
		}
		if i < 0 {
			if last {
				return starlark.Tuple{starlark.Bytes(""), starlark.Bytes(""), starlark.Bytes(p)}, nil
			}
			return starlark.Tuple{starlark.Bytes(p), starlark.Bytes(""), starlark.Bytes("")}, nil
		}
		return starlark.Tuple{starlark.Bytes(p[:i]), starlark.Bytes(s), starlark.Bytes(p[i+len(s):])}, nil
	}
}

func bytesRemove(prefix bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		s, err := bytesArg(x)
		if err != nil {
			return nil, err
		}
		p := recvStr(b)
		if prefix {
			return starlark.Bytes(strings.TrimPrefix(p, string(s))), nil
		}
		return starlark.Bytes(strings.TrimSuffix(p, string(s))), nil
	}
}

func bytesPad(align byte) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var width int
		var fill starlark.Value = starlark.Bytes(" ")
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width, &fill); err != nil {
			return nil, err
		}
		if width > maxWidth {
			return nil, widthError()
		}
		f, ok := fill.(starlark.Bytes)
		if !ok || len(f) != 1 {
			return nil, pyErrorf("TypeError", "%s() argument 2 must be a byte string of length 1, not %s", b.Name(), pyTypeName(fill))
		}
		p := recvStr(b)
		if len(p) >= width {
			return starlark.Bytes(p), nil
		}
		gap := width - len(p)
		switch align {
		case '<':
			return starlark.Bytes(p + strings.Repeat(string(f), gap)), nil
		case '>':
			return starlark.Bytes(strings.Repeat(string(f), gap) + p), nil
		}
		left := gap/2 + (gap & width & 1)
		return starlark.Bytes(strings.Repeat(string(f), left) + p + strings.Repeat(string(f), gap-left)), nil
	}
}

func bytesZfill(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var width int
	if err := starlark.UnpackPositionalArgs("zfill", args, kwargs, 1, &width); err != nil {
		return nil, err
	}
	if width > maxWidth {
		return nil, widthError()
	}
	return starlark.Bytes(zfill(recvStr(b), width)), nil
}

// fromHex is bytes.fromhex.
func fromHex(s string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(s); {
		if isASCIISpace(s[i]) {
			i++
			continue
		}
		if i+1 >= len(s) || !isHexDigit(s[i]) || !isHexDigit(s[i+1]) {
			pos := i
			if i+1 < len(s) && isHexDigit(s[i]) {
				pos = i + 1
			}
			if i+1 >= len(s) && isHexDigit(s[i]) {
				pos = i + 1
			}
			return nil, pyErrorf("ValueError", "non-hexadecimal number found in fromhex() arg at position %d", pos)
		}
		v, _ := hex.DecodeString(s[i : i+2])
		out = append(out, v...)
		i += 2
	}
	return out, nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
