package python

import (
	"fmt"
	"strings"
	"unicode/utf8"
	_ "unsafe" // for go:linkname

	"go.starlark.net/starlark"
)

// Starlark's str and bytes method tables are unexported maps; sockrepl
// adds the Python methods learners reach for (str.encode, bytes.decode,
// and the bytes versions of the str methods used to parse data) once, at
// start-up. Starlark's own str.format is replaced by Python's. Like
// Starlark's own methods (patch 14), none keeps its args tuple once it
// returns, so each is a NewBorrowingBuiltin: s.find(b"x") costs no copy.

//go:linkname starlarkStringMethods go.starlark.net/starlark.stringMethods
var starlarkStringMethods map[string]*starlark.Builtin

//go:linkname starlarkBytesMethods go.starlark.net/starlark.bytesMethods
var starlarkBytesMethods map[string]*starlark.Builtin

type methodFn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func patchStringMethods() {
	str := map[string]methodFn{
		"encode":     strEncode,
		"format":     strFormatMethod,
		"ljust":      strPad('<'),
		"rjust":      strPad('>'),
		"center":     strPad('^'),
		"zfill":      strZfill,
		"isascii":    strIsASCII,
		"isdecimal":  strIsDigitAlias,
		"isnumeric":  strIsDigitAlias,
		"casefold":   strCasefold,
		"swapcase":   strSwapcase,
		"splitlines": strSplitlines,
		"expandtabs": strExpandtabs,
	}
	for name, fn := range str {
		starlarkStringMethods[name] = starlark.NewBorrowingBuiltin(name, fn)
	}
	guardReplace(starlarkStringMethods)
	guardJoin(starlarkStringMethods)
	splitByName(starlarkStringMethods, "split")
	splitByName(starlarkStringMethods, "rsplit")
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
		starlarkBytesMethods[name] = starlark.NewBorrowingBuiltin(name, fn)
	}
}

// ---- str ----

// strExpandtabs replaces each tab with spaces up to the next multiple of
// tabsize columns, counting from each line's start.
func strExpandtabs(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	tabsize := 8
	if err := starlark.UnpackArgs("expandtabs", args, kwargs, "tabsize?", &tabsize); err != nil {
		return nil, err
	}
	var out strings.Builder
	col := 0
	for _, r := range string(b.Receiver().(starlark.String)) {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				out.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			out.WriteRune(r)
			col = 0
		default:
			out.WriteRune(r)
			col++
		}
	}
	return starlark.String(out.String()), nil
}

// strSplitlines splits at every line boundary Python's str knows: \n,
// \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029 (Starlark's
// splits at \n only, so a CRLF protocol's lines kept their \r).
func strSplitlines(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	keep := false
	if err := starlark.UnpackArgs("splitlines", args, kwargs, "keepends?", &keep); err != nil {
		return nil, err
	}
	s := string(b.Receiver().(starlark.String))
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		default:
			i += size
			continue
		}
		end := i + size
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			lines = append(lines, s[start:end])
		} else {
			lines = append(lines, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return starlark.StringList(lines), nil
}

func strEncode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		// UTF-8, the text's own bytes: shared, as both are immutable.
		return starlark.Bytes(b.Receiver().(starlark.String)), nil
	}
	encoding, errs := "utf-8", "strict"
	if err := starlark.UnpackArgs("encode", args, kwargs, "encoding?", &encoding, "errors?", &errs); err != nil {
		return nil, err
	}
	out, err := encodeString(string(b.Receiver().(starlark.String)), encoding, errs)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(out), nil
}

// encodeString is str.encode(encoding, errors).
func encodeString(s, encoding, errs string) ([]byte, error) {
	enc, err := normEncoding(encoding)
	if err != nil {
		return nil, err
	}
	if enc == "utf-8" {
		return []byte(s), nil
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
	return out, nil
}

func strFormatMethod(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s, err := textChecked(thread, func() (string, error) { return strFormat(string(b.Receiver().(starlark.String)), args, kwargs) })
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
