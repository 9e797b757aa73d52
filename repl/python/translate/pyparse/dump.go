package pyparse

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dump formats a node exactly as Python 3.11's
// ast.dump(node, include_attributes=True) does.
func Dump(n Node) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n))
	return b.String()
}

var (
	ctxNames   = [...]string{"Load()", "Store()", "Del()"}
	opNames    = [...]string{"Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()", "LShift()", "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"}
	unaryNames = [...]string{"Invert()", "Not()", "UAdd()", "USub()"}
	boolNames  = [...]string{"And()", "Or()"}
	cmpNames   = [...]string{"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()", "NotIn()"}
)

// pyClass maps Go type names to the ast class names that differ.
var pyClass = map[string]string{
	"ExprStmt": "Expr", "Arguments": "arguments", "Arg": "arg", "Keyword": "keyword",
	"Alias": "alias", "Withitem": "withitem", "Comprehension": "comprehension",
}

var (
	locType      = reflect.TypeOf(Loc{})
	ctxType      = reflect.TypeOf(Load)
	opType       = reflect.TypeOf(Add)
	unaryType    = reflect.TypeOf(Not)
	boolType     = reflect.TypeOf(And)
	cmpType      = reflect.TypeOf(Eq)
	constantType = reflect.TypeOf(Constant{})
)

func dumpValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		dumpValue(b, v.Elem())
		return
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		dumpNode(b, v.Elem())
		return
	case reflect.Slice:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			dumpValue(b, v.Index(i))
		}
		b.WriteByte(']')
		return
	case reflect.String:
		b.WriteString(reprStr(v.String()))
		return
	case reflect.Int:
		switch v.Type() {
		case ctxType:
			b.WriteString(ctxNames[v.Int()])
		case opType:
			b.WriteString(opNames[v.Int()])
		case unaryType:
			b.WriteString(unaryNames[v.Int()])
		case boolType:
			b.WriteString(boolNames[v.Int()])
		case cmpType:
			b.WriteString(cmpNames[v.Int()])
		default:
			b.WriteString(strconv.FormatInt(v.Int(), 10))
		}
		return
	}
	b.WriteString("?")
}

func dumpNode(b *strings.Builder, v reflect.Value) {
	t := v.Type()
	name := t.Name()
	if py, ok := pyClass[name]; ok {
		name = py
	}
	b.WriteString(name)
	b.WriteByte('(')
	first := true
	sep := func() {
		if !first {
			b.WriteString(", ")
		}
		first = false
	}
	var loc *Loc
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Type == locType {
			l := fv.Interface().(Loc)
			loc = &l
			continue
		}
		if t == constantType && f.Name == "Value" {
			sep()
			b.WriteString("value=")
			b.WriteString(reprConstant(fv.Interface()))
			continue
		}
		switch fv.Kind() {
		case reflect.Interface, reflect.Pointer:
			if fv.IsNil() {
				continue
			}
		case reflect.String:
			if fv.Len() == 0 {
				continue
			}
		}
		sep()
		b.WriteString(snake(f.Name))
		b.WriteByte('=')
		dumpValue(b, fv)
	}
	if loc != nil {
		sep()
		b.WriteString("lineno=")
		b.WriteString(strconv.Itoa(loc.Lineno))
		b.WriteString(", col_offset=")
		b.WriteString(strconv.Itoa(loc.ColOffset))
		b.WriteString(", end_lineno=")
		b.WriteString(strconv.Itoa(loc.EndLineno))
		b.WriteString(", end_col_offset=")
		b.WriteString(strconv.Itoa(loc.EndColOffset))
	}
	if t.Name() == "Module" {
		sep()
		b.WriteString("type_ignores=[]")
	}
	b.WriteByte(')')
}

// snake turns a Go field name into the ast field name.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// reprConstant formats a Constant's value as Python's repr does.
func reprConstant(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return reprFloat(v, true)
	case Imaginary:
		return reprFloat(v.Imag, false) + "j"
	case string:
		return reprStr(v)
	case []byte:
		return reprBytes(v)
	case EllipsisType:
		return "Ellipsis"
	}
	return "?"
}

// reprFloat is Python's repr of a float (dot0: add ".0" to integers, as
// float repr does and complex repr does not).
func reprFloat(f float64, dot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX, shortest
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	ePos := strings.IndexByte(s, 'e')
	mant, exp := s[:ePos], s[ePos+1:]
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := e + 1
	var out string
	if decpt > -4 && decpt <= 16 {
		switch {
		case decpt <= 0:
			out = "0." + strings.Repeat("0", -decpt) + digits
		case decpt >= len(digits):
			out = digits + strings.Repeat("0", decpt-len(digits))
			if dot0 {
				out += ".0"
			}
		default:
			out = digits[:decpt] + "." + digits[decpt:]
		}
	} else {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		x := decpt - 1
		sign := "+"
		if x < 0 {
			sign = "-"
			x = -x
		}
		xs := strconv.Itoa(x)
		if len(xs) < 2 {
			xs = "0" + xs
		}
		out += "e" + sign + xs
	}
	if neg {
		return "-" + out
	}
	return out
}

const hexDigits = "0123456789abcdef"

// reprStr is Python's repr of a str (lone surrogates are WTF-8 here).
func reprStr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			// A surrogate code point kept as WTF-8, or a stray byte.
			if i+2 < len(s) && s[i] == 0xED && s[i+1] >= 0xA0 {
				r = rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
				n = 3
			} else {
				r = rune(s[i])
			}
			writeEscape(&b, r)
			i += n
			continue
		}
		i += n
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			writeEscape(&b, r)
		case r < 0x7f:
			b.WriteRune(r)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			writeEscape(&b, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func writeEscape(b *strings.Builder, r rune) {
	switch {
	case r <= 0xff:
		b.WriteString(`\x`)
		b.WriteByte(hexDigits[r>>4])
		b.WriteByte(hexDigits[r&15])
	case r <= 0xffff:
		b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[(r>>sh)&15])
		}
	default:
		b.WriteString(`\U`)
		for sh := 28; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[(r>>sh)&15])
		}
	}
}

// reprBytes is Python's repr of bytes.
func reprBytes(v []byte) string {
	q := byte('\'')
	if strings.IndexByte(string(v), '\'') >= 0 && strings.IndexByte(string(v), '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(q)
	for _, c := range v {
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			b.WriteString(`\x`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
