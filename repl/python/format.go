package python

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Python's two formatting languages: printf-style (text % values) and
// the format-spec mini-language of str.format() and format(). Starlark
// has its own versions that print values Starlark's way ("a" not 'a',
// no widths), so both are reimplemented over Repr/pyStr.

// percentFormat is format % args for str (isBytes false) and bytes.
func percentFormat(format string, args starlark.Value, isBytes bool) (string, error) {
	var list []starlark.Value
	var mapping starlark.Mapping
	if nt, ok := args.(*namedTuple); ok {
		args = nt.values
	}
	if t, ok := args.(starlark.Tuple); ok {
		list = t
	} else {
		list = []starlark.Value{args}
		if m, ok := args.(starlark.Mapping); ok {
			if _, isStr := args.(starlark.String); !isStr {
				mapping = m
			}
		}
	}
	next := 0
	take := func() (starlark.Value, error) {
		if next >= len(list) {
			return nil, pyErrorf("TypeError", "not enough arguments for format string")
		}
		next++
		return list[next-1], nil
	}
	var out strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", pyErrorf("ValueError", "incomplete format")
		}
		var arg starlark.Value
		if format[i] == '(' {
			if mapping == nil {
				return "", pyErrorf("TypeError", "format requires a mapping")
			}
			depth, j := 1, i+1
			for ; j < len(format) && depth > 0; j++ {
				if format[j] == '(' {
					depth++
				} else if format[j] == ')' {
					depth--
				}
			}
			if depth > 0 {
				return "", pyErrorf("ValueError", "incomplete format key")
			}
			key := format[i+1 : j-1]
			var k starlark.Value = starlark.String(key)
			if isBytes {
				k = starlark.Bytes(key)
			}
			v, found, err := mapping.Get(k)
			if err != nil {
				return "", err
			}
			if !found {
				return "", &PyError{Class: "KeyError", Msg: Repr(k)}
			}
			arg, i = v, j
		}
		var f fmtSpec
		for ; i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0; i++ {
			switch format[i] {
			case '-':
				f.align = '<'
			case '+':
				f.sign = '+'
			case ' ':
				if f.sign != '+' {
					f.sign = ' '
				}
			case '#':
				f.alt = true
			case '0':
				f.zero = true
			}
		}
		if i < len(format) && format[i] == '*' {
			v, err := take()
			if err != nil {
				return "", err
			}
			w, err := intArg(v)
			if err != nil {
				return "", pyErrorf("TypeError", "* wants int")
			}
			if w < 0 {
				f.align, w = '<', -w
			}
			f.width = w
			i++
		} else {
			for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
				f.width = f.width*10 + int(format[i]-'0')
			}
		}
		f.prec = -1
		if i < len(format) && format[i] == '.' {
			i++
			f.prec = 0
			if i < len(format) && format[i] == '*' {
				v, err := take()
				if err != nil {
					return "", err
				}
				p, err := intArg(v)
				if err != nil {
					return "", pyErrorf("TypeError", "* wants int")
				}
				f.prec = p
				i++
			} else {
				for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
					f.prec = f.prec*10 + int(format[i]-'0')
				}
			}
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return "", pyErrorf("ValueError", "incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			out.WriteByte('%')
			continue
		}
		if arg == nil {
			v, err := take()
			if err != nil {
				return "", err
			}
			arg = v
		}
		if f.align == '<' {
			f.zero = false
		}
		if f.width > maxWidth || f.prec > maxWidth {
			return "", widthError()
		}
		s, err := percentOne(conv, arg, f, isBytes)
		if err != nil {
			if pe, ok := err.(*PyError); ok && pe.Class == "ValueError" && pe.Msg == "" {
				r, _ := utf8.DecodeRuneInString(format[i:])
				return "", pyErrorf("ValueError", "unsupported format character '%c' (%#x) at index %d", r, r, i)
			}
			return "", err
		}
		out.WriteString(s)
	}
	if next < len(list) && mapping == nil {
		return "", pyErrorf("TypeError", "not all arguments converted during %s formatting", map[bool]string{false: "string", true: "bytes"}[isBytes])
	}
	return out.String(), nil
}

// percentOne formats one printf-style conversion.
func percentOne(conv byte, arg starlark.Value, f fmtSpec, isBytes bool) (string, error) {
	if strings.IndexByte("sradiu", conv) >= 0 {
		if err := intTextError(arg); err != nil {
			return "", err
		}
	}
	switch conv {
	case 's', 'r', 'a', 'b':
		var s string
		switch {
		case conv == 'r' || conv == 'a':
			s = Repr(arg)
			if conv == 'a' || isBytes {
				s = asciiEscape(s)
			}
		case isBytes:
			b, ok := arg.(starlark.Bytes)
			if !ok {
				return "", pyErrorf("TypeError", "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", pyTypeName(arg))
			}
			s = string(b)
		case conv == 'b':
			return "", &PyError{Class: "ValueError"}
		default:
			s = pyStr(arg)
		}
		if f.prec >= 0 && f.prec < utf8.RuneCountInString(s) {
			s = string([]rune(s)[:f.prec])
		}
		f.zero = false
		return f.pad(s, '<'), nil
	case 'd', 'i', 'u':
		if isPyInt(arg) {
			neg, digits := intDigits(arg, 10)
			return f.number(neg, digits, ""), nil
		}
		fl, isFloat := arg.(starlark.Float)
		if !isFloat {
			return "", pyErrorf("TypeError", "%%%c format: a real number is required, not %s", conv, pyTypeName(arg))
		}
		if math.IsInf(float64(fl), 0) || math.IsNaN(float64(fl)) {
			return "", pyErrorf("OverflowError", "cannot convert float %s to integer", floatRepr(float64(fl)))
		}
		n, _ := new(big.Float).SetFloat64(math.Trunc(float64(fl))).Int(nil)
		return f.number(n.Sign() < 0, new(big.Int).Abs(n).String(), ""), nil
	case 'o', 'x', 'X':
		if !isPyInt(arg) {
			return "", pyErrorf("TypeError", "%%%c format: an integer is required, not %s", conv, pyTypeName(arg))
		}
		base, prefix := 8, "0o"
		if conv != 'o' {
			base, prefix = 16, "0"+string(conv)
		}
		neg, digits := intDigits(arg, base)
		if conv == 'X' {
			digits = strings.ToUpper(digits)
		}
		if !f.alt {
			prefix = ""
		}
		return f.number(neg, digits, prefix), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		x, ok := toFloat(arg)
		if !ok {
			return "", pyErrorf("TypeError", "must be real number, not %s", pyTypeName(arg))
		}
		if f.prec < 0 {
			f.prec = 6
		}
		neg, digits := floatDigits(x, conv, f.prec, f.alt)
		return f.number(neg, digits, ""), nil
	case 'c':
		switch a := arg.(type) {
		case starlark.String:
			if utf8.RuneCountInString(string(a)) != 1 {
				return "", pyErrorf("TypeError", "%%c requires int or char")
			}
			return f.pad(string(a), '<'), nil
		case starlark.Bytes:
			if len(a) != 1 {
				return "", pyErrorf("TypeError", "%%c requires an integer in range(256) or a single byte")
			}
			return f.pad(string(a), '<'), nil
		}
		n, err := intArg(arg)
		if err != nil {
			return "", pyErrorf("TypeError", "%%c requires int or char")
		}
		if isBytes {
			if n < 0 || n > 255 {
				return "", pyErrorf("OverflowError", "%%c arg not in range(256)")
			}
			return f.pad(string([]byte{byte(n)}), '<'), nil
		}
		if n < 0 || n > utf8.MaxRune {
			return "", pyErrorf("OverflowError", "%%c arg not in range(0x110000)")
		}
		return f.pad(string(rune(n)), '<'), nil
	}
	return "", &PyError{Class: "ValueError"}
}

// fmtSpec is a parsed format spec, shared by both languages.
type fmtSpec struct {
	fill     rune
	align    byte // '<' '>' '^' '=' or 0 for the type's default
	sign     byte // '+' '-' ' ' or 0
	alt      bool
	zero     bool
	width    int
	grouping byte // ',' '_' or 0
	prec     int  // -1 when absent
	typ      byte
}

// maxWidth bounds a field width: a typo like '%999999999d' must not
// make the shell build a gigabyte of spaces.
const maxWidth = 1 << 20

func widthError() error {
	return &PyError{Class: "MemoryError", Msg: "field width too large for this shell"}
}

// pad pads s to the width; def is the default alignment.
func (f fmtSpec) pad(s string, def byte) string {
	n := utf8.RuneCountInString(s)
	if n >= f.width {
		return s
	}
	fill := f.fill
	if fill == 0 {
		fill = ' '
	}
	align := f.align
	if align == 0 {
		align = def
	}
	gap := strings.Repeat(string(fill), f.width-n)
	switch align {
	case '<':
		return s + gap
	case '^':
		left := (f.width - n) / 2
		return strings.Repeat(string(fill), left) + s + strings.Repeat(string(fill), f.width-n-left)
	}
	return gap + s
}

// number lays out a number: sign, prefix, digits, with zero padding or
// '=' alignment going between the sign and the digits.
func (f fmtSpec) number(neg bool, digits, prefix string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case f.sign == '+':
		sign = "+"
	case f.sign == ' ':
		sign = " "
	}
	head := sign + prefix
	if f.zero && f.align == 0 || f.align == '=' {
		fill := f.fill
		if f.zero && f.fill == 0 {
			fill = '0'
		}
		if fill == 0 {
			fill = ' '
		}
		if fill == '0' && f.grouping != 0 {
			if s, ok := f.zeroGrouped(digits, f.width-utf8.RuneCountInString(head)); ok {
				return head + s
			}
		}
		n := utf8.RuneCountInString(head + digits)
		if n < f.width {
			digits = strings.Repeat(string(fill), f.width-n) + digits
		}
		return head + digits
	}
	return f.pad(head+digits, '>')
}

// zeroGrouped pads grouped digits with zeros to width, the padding
// grouped as well (format(30000, '08,') is '0,030,000'): CPython adds
// zeros until the grouped integer part, with what follows it, is at
// least width long, never starting with a separator.
func (f fmtSpec) zeroGrouped(digits string, width int) (string, bool) {
	n, digitSet := 3, "0123456789"
	if strings.ContainsRune("boxX", rune(f.typ)) {
		n, digitSet = 4, "0123456789abcdefABCDEF"
	}
	end := strings.IndexFunc(digits, func(r rune) bool {
		return r != rune(f.grouping) && !strings.ContainsRune(digitSet, r)
	})
	if end < 0 {
		end = len(digits)
	}
	if end == 0 {
		return "", false // inf and nan are padded without separators
	}
	rest := digits[end:]
	plain := strings.ReplaceAll(digits[:end], string(f.grouping), "")
	out := group(plain, f.grouping, n)
	for len(out)+len(rest) < width {
		plain = "0" + plain
		out = group(plain, f.grouping, n)
	}
	return out + rest, true
}

// floatDigits formats |x| for one of e E f F g G (and '%'), returning the
// sign separately.
func floatDigits(x float64, conv byte, prec int, alt bool) (bool, string) {
	neg := math.Signbit(x)
	x = math.Abs(x)
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s := "inf"
		if math.IsNaN(x) {
			s, neg = "nan", false
		}
		if conv >= 'A' && conv <= 'Z' {
			s = strings.ToUpper(s)
		}
		return neg, s
	}
	var s string
	switch conv {
	case 'e', 'E':
		s = strconv.FormatFloat(x, 'e', prec, 64)
		if alt && prec == 0 {
			s = strings.Replace(s, "e", ".e", 1)
		}
	case 'f', 'F':
		s = strconv.FormatFloat(x, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
	case 'g', 'G':
		if prec == 0 {
			prec = 1
		}
		// Python's %g: exponent form when exp < -4 or exp >= precision,
		// trailing zeros removed unless '#'.
		e := strconv.FormatFloat(x, 'e', prec-1, 64)
		exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
		if exp < -4 || exp >= prec {
			mant, ex, _ := strings.Cut(e, "e")
			if !alt && strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + ex
		} else {
			s = strconv.FormatFloat(x, 'f', prec-1-exp, 64)
			if !alt && strings.Contains(s, ".") {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
		}
	}
	if conv >= 'A' && conv <= 'Z' {
		s = strings.ToUpper(s)
	}
	return neg, s
}

// asciiEscape is ascii(): a repr with every non-ASCII character escaped.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

// parseSpec parses the format-spec mini-language.
func parseSpec(spec string) (fmtSpec, error) {
	f := fmtSpec{prec: -1}
	rs := []rune(spec)
	i := 0
	isAlign := func(r rune) bool { return r == '<' || r == '>' || r == '^' || r == '=' }
	if len(rs) >= 2 && isAlign(rs[1]) {
		f.fill, f.align = rs[0], byte(rs[1])
		i = 2
	} else if len(rs) >= 1 && isAlign(rs[0]) {
		f.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		f.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(rs) && rs[i] == '0' {
		f.zero = true
		i++
	}
	// Made only when it happens: parseSpec runs for every formatted field.
	tooMany := func() error { return pyErrorf("ValueError", "Too many decimal digits in format string") }
	for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9'; i++ {
		if f.width > (math.MaxInt64-9)/10 {
			return f, tooMany()
		}
		f.width = f.width*10 + int(rs[i]-'0')
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		f.grouping = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		if i >= len(rs) || rs[i] < '0' || rs[i] > '9' {
			return f, pyErrorf("ValueError", "Format specifier missing precision")
		}
		f.prec = 0
		for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9'; i++ {
			if f.prec > (math.MaxInt64-9)/10 {
				return f, tooMany()
			}
			f.prec = f.prec*10 + int(rs[i]-'0')
		}
	}
	if i < len(rs) {
		f.typ = byte(rs[i])
		i++
	}
	if i < len(rs) || f.typ >= utf8.RuneSelf {
		return f, pyErrorf("ValueError", "Invalid format specifier '%s'", spec)
	}
	if f.grouping != 0 {
		switch f.typ {
		case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
		case 'b', 'o', 'x', 'X':
			if f.grouping == '_' {
				break
			}
			fallthrough
		default:
			return f, pyErrorf("ValueError", "Cannot specify '%c' with '%c'.", f.grouping, f.typ)
		}
	}
	if f.width > maxWidth {
		return f, widthError()
	}
	return f, nil
}

// formatValue is format(v, spec).
// pyFormatter is a Go-implemented value with its own format specs
// (datetime's are strftime formats).
type pyFormatter interface {
	pyFormat(spec string) (string, error)
}

func formatValue(v starlark.Value, spec string) (string, error) {
	if f, ok := v.(pyFormatter); ok {
		return f.pyFormat(spec)
	}
	if spec == "" {
		if err := intTextError(v); err != nil {
			return "", err
		}
		return pyStr(v), nil
	}
	f, err := parseSpec(spec)
	if err != nil {
		if pe, ok := err.(*PyError); ok && strings.HasPrefix(pe.Msg, "Invalid format specifier") {
			pe.Msg += fmt.Sprintf(" for object of type '%s'", pyTypeName(v))
		}
		return "", err
	}
	unknown := func() error {
		return pyErrorf("ValueError", "Unknown format code '%c' for object of type '%s'", f.typ, pyTypeName(v))
	}
	if b, ok := v.(starlark.Bool); ok && f.typ == 0 {
		v = starlark.String(pyStr(b))
	}
	switch x := v.(type) {
	case starlark.String:
		if f.typ != 0 && f.typ != 's' {
			return "", unknown()
		}
		switch {
		case f.sign != 0:
			return "", pyErrorf("ValueError", "Sign not allowed in string format specifier")
		case f.alt:
			return "", pyErrorf("ValueError", "Alternate form (#) not allowed in string format specifier")
		case f.align == '=':
			return "", pyErrorf("ValueError", "'=' alignment not allowed in string format specifier")
		}
		s := string(x)
		if f.prec >= 0 && f.prec < utf8.RuneCountInString(s) {
			s = string([]rune(s)[:f.prec])
		}
		if f.zero && f.align == 0 {
			f.align, f.fill = '<', '0'
		}
		return f.pad(s, '<'), nil
	case starlark.Int, constValue, starlark.Bool:
		if f.zero && f.fill == 0 && f.align == 0 {
			f.fill, f.align = '0', '='
		}
		if f.prec >= 0 && strings.IndexByte("dnbcoxX", f.typ) >= 0 {
			return "", pyErrorf("ValueError", "Precision not allowed in integer format specifier")
		}
		if f.sign != 0 && f.typ == 'c' {
			return "", pyErrorf("ValueError", "Sign not allowed with integer format specifier 'c'")
		}
		switch f.typ {
		case 0, 'd', 'n':
			if err := intTextError(x); err != nil {
				return "", err
			}
			neg, digits := intDigits(x, 10)
			return f.number(neg, group(digits, f.grouping, 3), ""), nil
		case 'b', 'o', 'x', 'X':
			base := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'X': 16}[f.typ]
			neg, digits := intDigits(x, base)
			prefix := ""
			if f.alt {
				prefix = "0" + string(f.typ)
			}
			if f.typ == 'X' {
				digits = strings.ToUpper(digits)
			}
			return f.number(neg, group(digits, f.grouping, 4), prefix), nil
		case 'c':
			n, _ := bigOf(x)
			r := n.Int64()
			return f.pad(string(rune(r)), '<'), nil
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			n, _ := bigOf(x)
			fl, _ := new(big.Float).SetInt(n).Float64()
			return formatValue(starlark.Float(fl), spec)
		}
		return "", unknown()
	case starlark.Float:
		if f.zero && f.fill == 0 && f.align == 0 {
			f.fill, f.align = '0', '='
		}
		fl := float64(x)
		typ := f.typ
		suffix := ""
		switch typ {
		case 0:
			if f.prec < 0 {
				s := floatRepr(math.Abs(fl))
				return f.number(math.Signbit(fl), groupFloat(s, f.grouping), ""), nil
			}
			typ = 'g'
		case '%':
			fl *= 100
			typ, suffix = 'f', "%"
		case 'n':
			typ = 'g'
		case 'e', 'E', 'f', 'F', 'g', 'G':
		default:
			return "", unknown()
		}
		prec := f.prec
		if prec < 0 {
			prec = 6
		}
		if prec > math.MaxInt32 {
			return "", pyErrorf("ValueError", "precision too big")
		}
		if prec > maxWidth {
			return "", widthError()
		}
		neg, digits := floatDigits(fl, typ, prec, f.alt)
		return f.number(neg, groupFloat(digits, f.grouping)+suffix, ""), nil
	}
	return "", pyErrorf("TypeError", "unsupported format string passed to %s.__format__", pyTypeName(v))
}

// intDigits is the sign and the digits of |v| in base, for a Python int
// (bool and enum members count): strconv when it fits in 64 bits, so
// '%d' % i or f"{i:05d}" in a loop makes no big.Int.
func intDigits(v starlark.Value, base int) (neg bool, digits string) {
	if n, ok := smallIntOf(v); ok {
		u := uint64(n)
		if n < 0 {
			u = -u
		}
		return n < 0, strconv.FormatUint(u, base)
	}
	n, _ := bigOf(v)
	return n.Sign() < 0, new(big.Int).Abs(n).Text(base)
}

// group inserts sep every n digits from the right.
func group(digits string, sep byte, n int) string {
	if sep == 0 || len(digits) <= n {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % n
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += n {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

func groupFloat(s string, sep byte) string {
	if sep == 0 {
		return s
	}
	end := strings.IndexAny(s, ".eE")
	if end < 0 {
		end = len(s)
	}
	return group(s[:end], sep, 3) + s[end:]
}

// strFormat is str.format(*args, **kwargs).
func strFormat(format string, args starlark.Tuple, kwargs []starlark.Tuple) (string, error) {
	var out strings.Builder
	auto := 0
	mode := 0 // 0 unknown, 1 automatic, 2 manual
	lookup := func(field string) (starlark.Value, error) {
		name, rest := field, ""
		if k := strings.IndexAny(field, ".["); k >= 0 {
			name, rest = field[:k], field[k:]
		}
		var v starlark.Value
		if name == "" || isDigits(name) {
			idx := 0
			if name == "" {
				if mode == 2 {
					return nil, pyErrorf("ValueError", "cannot switch from manual field specification to automatic field numbering")
				}
				mode, idx = 1, auto
				auto++
			} else {
				if mode == 1 {
					return nil, pyErrorf("ValueError", "cannot switch from automatic field numbering to manual field specification")
				}
				mode = 2
				idx, _ = strconv.Atoi(name)
			}
			if idx >= len(args) {
				return nil, pyErrorf("IndexError", "Replacement index %d out of range for positional args tuple", idx)
			}
			v = args[idx]
		} else {
			for _, kv := range kwargs {
				if string(kv[0].(starlark.String)) == name {
					v = kv[1]
				}
			}
			if v == nil {
				return nil, &PyError{Class: "KeyError", Msg: strRepr(name)}
			}
		}
		for rest != "" {
			if rest[0] == '.' {
				end := strings.IndexAny(rest[1:], ".[")
				if end < 0 {
					end = len(rest) - 1
				}
				attr := rest[1 : end+1]
				rest = rest[end+1:]
				if attr == "" {
					return nil, pyErrorf("ValueError", "Empty attribute in format string")
				}
				ha, ok := v.(starlark.HasAttrs)
				var got starlark.Value
				var err error
				if ok {
					got, err = ha.Attr(attr)
				}
				if err != nil {
					return nil, err
				}
				if got == nil {
					return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", pyTypeName(v), attr)
				}
				v = got
				continue
			}
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, pyErrorf("ValueError", "Missing ']' in format string")
			}
			key := rest[1:end]
			rest = rest[end+1:]
			var k starlark.Value = starlark.String(key)
			if isDigits(key) {
				n, _ := strconv.Atoi(key)
				k = starlark.MakeInt(n)
			}
			got, err := getItem(v, k)
			if err != nil {
				return nil, err
			}
			v = got
		}
		return v, nil
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				out.WriteByte('}')
				i++
				continue
			}
			return "", pyErrorf("ValueError", "Single '}' encountered in format string")
		}
		if c != '{' {
			out.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			out.WriteByte('{')
			i++
			continue
		}
		depth, j := 1, i+1
		for ; j < len(format) && depth > 0; j++ {
			switch format[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		if depth > 0 {
			if strings.Contains(format[i+1:], "}") {
				return "", pyErrorf("ValueError", "unmatched '{' in format spec")
			}
			return "", pyErrorf("ValueError", "Single '{' encountered in format string")
		}
		field := format[i+1 : j-1]
		i = j - 1
		spec := ""
		if k := strings.IndexByte(field, ':'); k >= 0 {
			field, spec = field[:k], field[k+1:]
		}
		conv := byte(0)
		if k := strings.IndexByte(field, '!'); k >= 0 {
			if k+2 != len(field) {
				return "", pyErrorf("ValueError", "expected ':' after conversion specifier")
			}
			conv = field[k+1]
			field = field[:k]
		}
		v, err := lookup(field)
		if err != nil {
			return "", err
		}
		if strings.Contains(spec, "{") {
			inner, err := strFormatNested(spec, lookup)
			if err != nil {
				return "", err
			}
			spec = inner
		}
		switch conv {
		case 0:
		case 'r':
			v = starlark.String(Repr(v))
		case 's':
			v = starlark.String(pyStr(v))
		case 'a':
			v = starlark.String(asciiEscape(Repr(v)))
		default:
			return "", pyErrorf("ValueError", "Unknown conversion specifier %c", conv)
		}
		s, err := formatValue(v, spec)
		if err != nil {
			return "", err
		}
		out.WriteString(s)
	}
	return out.String(), nil
}

// strFormatNested expands {} fields inside a format spec ("{:{width}}").
func strFormatNested(spec string, lookup func(string) (starlark.Value, error)) (string, error) {
	var out strings.Builder
	for i := 0; i < len(spec); i++ {
		if spec[i] != '{' {
			out.WriteByte(spec[i])
			continue
		}
		end := strings.IndexByte(spec[i:], '}')
		if end < 0 {
			return "", pyErrorf("ValueError", "unmatched '{' in format spec")
		}
		v, err := lookup(spec[i+1 : i+end])
		if err != nil {
			return "", err
		}
		out.WriteString(pyStr(v))
		i += end
	}
	return out.String(), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
