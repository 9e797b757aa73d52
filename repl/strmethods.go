package repl

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
	_ "unsafe" // for go:linkname

	"go.starlark.net/starlark"
)

// Starlark's str and bytes method tables are unexported maps; sockrepl
// adds the Python methods learners reach for (str.encode, bytes.decode,
// and the bytes versions of the str methods used to parse data) once, at
// start-up. Starlark's own str.format is replaced by Python's.

//go:linkname starlarkStringMethods go.starlark.net/starlark.stringMethods
var starlarkStringMethods map[string]*starlark.Builtin

//go:linkname starlarkBytesMethods go.starlark.net/starlark.bytesMethods
var starlarkBytesMethods map[string]*starlark.Builtin

type methodFn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func init() {
	str := map[string]methodFn{
		"encode":    strEncode,
		"format":    strFormatMethod,
		"ljust":     strPad('<'),
		"rjust":     strPad('>'),
		"center":    strPad('^'),
		"zfill":     strZfill,
		"isascii":   strIsASCII,
		"isdecimal": strIsDigitAlias,
		"isnumeric": strIsDigitAlias,
		"casefold":  strCasefold,
		"swapcase":  strSwapcase,
	}
	for name, fn := range str {
		starlarkStringMethods[name] = starlark.NewBuiltin(name, fn)
	}
	guardReplace(starlarkStringMethods)
	guardJoin(starlarkStringMethods)
	byt := map[string]methodFn{
		"decode":       bytesDecode,
		"hex":          bytesHex,
		"startswith":   bytesStartsEnds(true),
		"endswith":     bytesStartsEnds(false),
		"find":         bytesFind(false, false),
		"rfind":        bytesFind(true, false),
		"index":        bytesFind(false, true),
		"rindex":       bytesFind(true, true),
		"count":        bytesCount,
		"split":        bytesSplit(false),
		"rsplit":       bytesSplit(true),
		"splitlines":   bytesSplitlines,
		"strip":        bytesStrip(true, true),
		"lstrip":       bytesStrip(true, false),
		"rstrip":       bytesStrip(false, true),
		"replace":      bytesReplace,
		"upper":        bytesMap(asciiUpper),
		"lower":        bytesMap(asciiLower),
		"join":         bytesJoin,
		"partition":    bytesPartition(false),
		"rpartition":   bytesPartition(true),
		"removeprefix": bytesRemove(true),
		"removesuffix": bytesRemove(false),
		"isdigit":      bytesIs(func(c byte) bool { return c >= '0' && c <= '9' }),
		"isalpha":      bytesIs(func(c byte) bool { return asciiUpper(c) >= 'A' && asciiUpper(c) <= 'Z' }),
		"isspace":      bytesIs(isASCIISpace),
		"isalnum":      bytesIs(func(c byte) bool { return c >= '0' && c <= '9' || asciiUpper(c) >= 'A' && asciiUpper(c) <= 'Z' }),
		"ljust":        bytesPad('<'),
		"rjust":        bytesPad('>'),
		"center":       bytesPad('^'),
		"zfill":        bytesZfill,
	}
	for name, fn := range byt {
		starlarkBytesMethods[name] = starlark.NewBuiltin(name, fn)
	}
}

// ---- str ----

// normEncoding maps Python's spellings of the three codecs offered.
func normEncoding(enc string) (string, error) {
	e := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
	switch e {
	case "utf-8", "utf8", "u8", "utf":
		return "utf-8", nil
	case "ascii", "us-ascii", "646":
		return "ascii", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1":
		return "latin-1", nil
	}
	return "", pyErrorf("LookupError", "unknown encoding: %s", enc)
}

func checkErrors(mode string) error {
	switch mode {
	case "strict", "ignore", "replace":
		return nil
	}
	return pyErrorf("LookupError", "unknown error handler name '%s'", mode)
}

func strEncode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	encoding, errs := "utf-8", "strict"
	if err := starlark.UnpackArgs("encode", args, kwargs, "encoding?", &encoding, "errors?", &errs); err != nil {
		return nil, err
	}
	enc, err := normEncoding(encoding)
	if err != nil {
		return nil, err
	}
	s := string(b.Receiver().(starlark.String))
	if enc == "utf-8" {
		return starlark.Bytes(s), nil
	}
	limit := rune(0x80)
	if enc == "latin-1" {
		limit = 0x100
	}
	runes := []rune(s)
	out := make([]byte, 0, len(s))
	for pos := 0; pos < len(runes); pos++ {
		r := runes[pos]
		if r < limit {
			out = append(out, byte(r))
			continue
		}
		// Like Python, the handler is looked up only when needed.
		if err := checkErrors(errs); err != nil {
			return nil, err
		}
		switch errs {
		case "ignore":
		case "replace":
			out = append(out, '?')
		default:
			// The error covers the whole run of characters the codec lacks.
			end := pos
			for end+1 < len(runes) && runes[end+1] >= limit {
				end++
			}
			if end == pos {
				return nil, pyErrorf("UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)",
					enc, escapedRune(r), pos, limit)
			}
			return nil, pyErrorf("UnicodeEncodeError", "'%s' codec can't encode characters in position %d-%d: ordinal not in range(%d)",
				enc, pos, end, limit)
		}
	}
	return starlark.Bytes(out), nil
}

func strFormatMethod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s, err := strFormat(string(b.Receiver().(starlark.String)), args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func strPad(align byte) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var width int
		fill := " "
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width, &fill); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(fill) != 1 {
			return nil, pyErrorf("TypeError", "The fill character must be exactly one character long")
		}
		if width > maxWidth {
			return nil, widthError()
		}
		r, _ := utf8.DecodeRuneInString(fill)
		f := fmtSpec{fill: r, align: align, width: width}
		s := string(b.Receiver().(starlark.String))
		if align == '^' {
			return starlark.String(centerPy(s, width, fill)), nil
		}
		return starlark.String(f.pad(s, align)), nil
	}
}

// centerPy is str.center, which puts the odd extra fill on the left when
// the string length is odd (unlike format's '^').
func centerPy(s string, width int, fill string) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	marg := width - n
	left := marg/2 + (marg & width & 1)
	return strings.Repeat(fill, left) + s + strings.Repeat(fill, marg-left)
}

func strZfill(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var width int
	if err := starlark.UnpackPositionalArgs("zfill", args, kwargs, 1, &width); err != nil {
		return nil, err
	}
	if width > maxWidth {
		return nil, widthError()
	}
	return starlark.String(zfill(string(b.Receiver().(starlark.String)), width)), nil
}

func zfill(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	return sign + strings.Repeat("0", width-n) + s
}

func strIsASCII(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("isascii", args, kwargs, 0); err != nil {
		return nil, err
	}
	s := string(b.Receiver().(starlark.String))
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

func strIsDigitAlias(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, _ := b.Receiver().(starlark.String).Attr("isdigit")
	return starlark.Call(th, m, args, kwargs)
}

func strCasefold(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, _ := b.Receiver().(starlark.String).Attr("lower")
	return starlark.Call(th, m, args, kwargs)
}

func strSwapcase(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("swapcase", args, kwargs, 0); err != nil {
		return nil, err
	}
	s := []rune(string(b.Receiver().(starlark.String)))
	for i, r := range s {
		if u := []rune(strings.ToUpper(string(r))); string(u) != string(r) {
			s[i] = u[0]
		} else {
			s[i] = []rune(strings.ToLower(string(r)))[0]
		}
	}
	return starlark.String(string(s)), nil
}

// escapedRune is how codec errors show a character: always escaped.
func escapedRune(r rune) string {
	switch {
	case r <= 0xff:
		return fmt.Sprintf("\\x%02x", r)
	case r <= 0xffff:
		return fmt.Sprintf("\\u%04x", r)
	}
	return fmt.Sprintf("\\U%08x", r)
}

// ---- bytes ----

func recvBytes(b *starlark.Builtin) []byte { return []byte(b.Receiver().(starlark.Bytes)) }

// bytesArg reads an argument that must be bytes, with Python's message.
func bytesArg(v starlark.Value) ([]byte, error) {
	if b, ok := v.(starlark.Bytes); ok {
		return []byte(b), nil
	}
	return nil, pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(v))
}

// decodeBytes decodes p with a Python codec and error handler.
func decodeBytes(p []byte, encoding, errs string) (string, error) {
	enc, err := normEncoding(encoding)
	if err != nil {
		return "", err
	}
	if enc != "latin-1" && !validFor(p, enc) {
		// Like Python, the handler is looked up only when needed.
		if err := checkErrors(errs); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	switch enc {
	case "latin-1":
		for _, c := range p {
			b.WriteRune(rune(c))
		}
	case "ascii":
		for i, c := range p {
			switch {
			case c < 0x80:
				b.WriteByte(c)
			case errs == "ignore":
			case errs == "replace":
				b.WriteRune(utf8.RuneError)
			default:
				return "", pyErrorf("UnicodeDecodeError", "'ascii' codec can't decode byte %#02x in position %d: ordinal not in range(128)", c, i)
			}
		}
	default:
		for i := 0; i < len(p); {
			n, reason := utf8Seq(p[i:])
			if reason == "" {
				b.Write(p[i : i+n])
				i += n
				continue
			}
			switch errs {
			case "ignore":
			case "replace":
				b.WriteRune(utf8.RuneError)
			default:
				if n <= 1 {
					return "", pyErrorf("UnicodeDecodeError", "'utf-8' codec can't decode byte %#02x in position %d: %s", p[i], i, reason)
				}
				return "", pyErrorf("UnicodeDecodeError", "'utf-8' codec can't decode bytes in position %d-%d: %s", i, i+n-1, reason)
			}
			if n < 1 {
				n = 1
			}
			i += n
		}
	}
	return b.String(), nil
}

// validFor reports whether p decodes without error.
func validFor(p []byte, enc string) bool {
	if enc == "ascii" {
		for _, c := range p {
			if c >= 0x80 {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(p); {
		n, reason := utf8Seq(p[i:])
		if reason != "" {
			return false
		}
		i += n
	}
	return true
}

// utf8Seq checks the sequence at the start of p the way CPython's decoder
// does. On success it returns its length and "". On failure it returns
// how many bytes form the bad prefix (the unit one U+FFFD replaces) and
// CPython's reason.
func utf8Seq(p []byte) (int, string) {
	c := p[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0x80:
		return 1, ""
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(p) {
			return k, "unexpected end of data"
		}
		first := k == 1
		ok := p[k] >= 0x80 && p[k] <= 0xBF
		if first {
			ok = p[k] >= lo && p[k] <= hi
		}
		if !ok {
			return k, "invalid continuation byte"
		}
	}
	return need + 1, ""
}

func bytesDecode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
		p := string(recvBytes(b))
		var cands []starlark.Value
		if t, ok := x.(starlark.Tuple); ok {
			cands = t
		} else if _, ok := x.(starlark.Bytes); ok {
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
func needleArg(v starlark.Value) ([]byte, error) {
	if isPyInt(v) {
		n, err := intArg(v)
		if err != nil || n < 0 || n > 255 {
			return nil, pyErrorf("ValueError", "byte must be in range(0, 256)")
		}
		return []byte{byte(n)}, nil
	}
	if b, ok := v.(starlark.Bytes); ok {
		return []byte(b), nil
	}
	return nil, pyErrorf("TypeError", "argument should be integer or bytes-like object, not '%s'", pyTypeName(v))
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

func bytesFind(last, raise bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, start, end starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &start, &end); err != nil {
			return nil, err
		}
		needle, err := needleArg(x)
		if err != nil {
			return nil, err
		}
		p := recvBytes(b)
		lo, hi, err := sliceBounds(len(p), start, end)
		if err != nil {
			return nil, err
		}
		i := -1
		if lo <= hi {
			if last {
				i = strings.LastIndex(string(p[lo:hi]), string(needle))
			} else {
				i = strings.Index(string(p[lo:hi]), string(needle))
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
	var x, start, end starlark.Value
	if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x, &start, &end); err != nil {
		return nil, err
	}
	needle, err := needleArg(x)
	if err != nil {
		return nil, err
	}
	p := recvBytes(b)
	lo, hi, err := sliceBounds(len(p), start, end)
	if err != nil {
		return nil, err
	}
	if lo > hi {
		return starlark.MakeInt(0), nil
	}
	return starlark.MakeInt(strings.Count(string(p[lo:hi]), string(needle))), nil
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func bytesList(parts []string) *starlark.List {
	l := make([]starlark.Value, len(parts))
	for i, s := range parts {
		l[i] = starlark.Bytes(s)
	}
	return starlark.NewList(l)
}

func bytesSplit(fromRight bool) methodFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sep starlark.Value = starlark.None
		maxsplit := -1
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "sep?", &sep, "maxsplit?", &maxsplit); err != nil {
			return nil, err
		}
		p := string(recvBytes(b))
		if sep == starlark.None {
			return bytesList(splitWhitespace(p, maxsplit, fromRight)), nil
		}
		s, err := bytesArg(sep)
		if err != nil {
			return nil, err
		}
		if len(s) == 0 {
			return nil, pyErrorf("ValueError", "empty separator")
		}
		if maxsplit < 0 {
			return bytesList(strings.Split(p, string(s))), nil
		}
		if !fromRight {
			return bytesList(strings.SplitN(p, string(s), maxsplit+1)), nil
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
		return bytesList(append([]string{p}, parts...)), nil
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
	p := string(recvBytes(b))
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
	return bytesList(lines), nil
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
	p := string(recvBytes(b))
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
	methods["replace"] = starlark.NewBuiltin("replace", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
		return starlark.Call(thread, orig.BindReceiver(recv), args, kwargs)
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
		parts, err := joinParts(thread, it, sep, func(i int, x starlark.Value) (string, error) {
			if s, ok := x.(starlark.String); ok {
				return string(s), nil
			}
			return "", pyErrorf("TypeError", "sequence item %d: expected str instance, %s found", i, pyTypeName(x))
		})
		if err != nil {
			return nil, err
		}
		return starlark.String(strings.Join(parts, sep)), nil
	})
}

// joinParts collects the pieces of a join, refusing a result larger than
// maxValueBytes before it is built.
func joinParts(thread *starlark.Thread, it starlark.Value, sep string, piece func(int, starlark.Value) (string, error)) ([]string, error) {
	iterable, ok := asIterable(it).(starlark.Iterable)
	if !ok {
		return nil, pyErrorf("TypeError", "can only join an iterable")
	}
	if isLazyRange(iterable) && starlark.Len(iterable) > maxElems {
		return nil, memoryError()
	}
	iter := iterable.Iterate()
	defer iter.Done()
	var parts []string
	var total int64
	var x starlark.Value
	for i := 0; iter.Next(&x); i++ {
		p, err := piece(i, x)
		if err != nil {
			return nil, err
		}
		total += int64(len(p))
		if i > 0 {
			total += int64(len(sep))
		}
		if total > maxValueBytes {
			return nil, memoryError()
		}
		parts = append(parts, p)
		if err := loopCheck(thread, len(parts)); err != nil {
			return nil, err
		}
	}
	return parts, nil
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
	sep := string(recvBytes(b))
	parts, err := joinParts(thread, it, sep, func(i int, x starlark.Value) (string, error) {
		if p, ok := x.(starlark.Bytes); ok {
			return string(p), nil
		}
		return "", pyErrorf("TypeError", "sequence item %d: expected a bytes-like object, %s found", i, pyTypeName(x))
	})
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(strings.Join(parts, sep)), nil
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
		p := string(recvBytes(b))
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
		p := string(recvBytes(b))
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
		p := string(recvBytes(b))
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
	return starlark.Bytes(zfill(string(recvBytes(b)), width)), nil
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
