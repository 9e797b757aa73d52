package python

import (
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// json: Python values to JSON text and back, as CPython's json module
// writes and reads them, with its error messages and their positions.

func newJSONModule(*Interp) starlark.Value {
	return table{name: "json", doc: "JSON text: dumps(obj) writes dicts, lists, str, int, float, True/False/None as JSON; loads(text) reads them back. Messages sent over a socket are often one JSON object per line.", rows: []row{
		{name: "dumps", fn: jsonDumps, sig: "json.dumps(obj, *, indent=None, sort_keys=False, ensure_ascii=True, separators=None, default=None) -> str", doc: "obj as JSON text; encode() it to send. indent=2 spreads it over indented lines; ensure_ascii=False keeps non-ASCII characters as they are."},
		{name: "loads", fn: jsonLoads, sig: "json.loads(s) -> object", doc: "Parse JSON text (str or bytes): objects become dicts, arrays lists. json.JSONDecodeError (a ValueError) says where the text went wrong."},
		{name: "dump", fn: jsonDump, sig: "json.dump(obj, fp, **options)", doc: "Write json.dumps(obj, **options) to a file object (StringIO, a socket's makefile('w')).", mutates: true},
		{name: "load", fn: jsonLoad, sig: "json.load(fp) -> object", doc: "json.loads(fp.read()).", mutates: true},
		{name: "JSONDecodeError", value: exceptionClasses["json.decoder.JSONDecodeError"], sig: "json.JSONDecodeError", doc: "Raised by loads for text that is not JSON; its msg, pos, lineno and colno say where."},
	}}.module()
}

// ---- encoding ----

type jsonEncoder struct {
	thread      *starlark.Thread
	indent      *string // nil: everything on one line
	itemSep     string
	keySep      string
	sortKeys    bool
	ensureASCII bool
	allowNaN    bool
	skipKeys    bool
	def         starlark.Value // default(obj), or nil
	stack       []starlark.Value
	out         strings.Builder
}

var jsonDumpsOptions = []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"}

// newJSONEncoder reads dumps()'s keyword arguments.
func newJSONEncoder(thread *starlark.Thread, kwargs []starlark.Tuple) (*jsonEncoder, error) {
	e := &jsonEncoder{thread: thread, itemSep: ", ", keySep: ": ", ensureASCII: true, allowNaN: true}
	var seps starlark.Value
	for _, kv := range kwargs {
		k, v := string(kv[0].(starlark.String)), kv[1]
		switch k {
		case "skipkeys":
			e.skipKeys = bool(v.Truth())
		case "ensure_ascii":
			e.ensureASCII = bool(v.Truth())
		case "check_circular", "cls":
		case "allow_nan":
			e.allowNaN = bool(v.Truth())
		case "sort_keys":
			e.sortKeys = bool(v.Truth())
		case "default":
			if v != starlark.None {
				e.def = v
			}
		case "separators":
			seps = v
		case "indent":
			switch x := v.(type) {
			case starlark.NoneType:
			case starlark.String:
				s := string(x)
				e.indent = &s
			default:
				if !isPyInt(v) {
					return nil, pyErrorf("TypeError", "can't multiply sequence by non-int of type '%s'", pyTypeName(v))
				}
				n, _ := smallIntOf(v)
				s := strings.Repeat(" ", int(max(0, min(n, 1<<16))))
				e.indent = &s
			}
		default:
			return nil, pyErrorf("TypeError", "JSONEncoder.__init__() got an unexpected keyword argument '%s'", k)
		}
	}
	if e.indent != nil {
		e.itemSep = ","
	}
	if seps != nil && seps != starlark.None {
		items, err := collect(thread, seps)
		if err != nil {
			return nil, err
		}
		if len(items) != 2 {
			if len(items) < 2 {
				return nil, pyErrorf("ValueError", "not enough values to unpack (expected 2, got %d)", len(items))
			}
			return nil, pyErrorf("ValueError", "too many values to unpack (expected 2)")
		}
		item, ok1 := items[0].(starlark.String)
		key, ok2 := items[1].(starlark.String)
		if !ok2 {
			return nil, pyErrorf("TypeError", "make_encoder() argument 5 must be str, not %s", pyTypeName(items[1]))
		}
		if !ok1 {
			return nil, pyErrorf("TypeError", "make_encoder() argument 6 must be str, not %s", pyTypeName(items[0]))
		}
		e.itemSep, e.keySep = string(item), string(key)
	}
	return e, nil
}

func (e *jsonEncoder) newline(level int) {
	if e.indent != nil {
		e.out.WriteByte('\n')
		for i := 0; i < level; i++ {
			e.out.WriteString(*e.indent)
		}
	}
}

func (e *jsonEncoder) push(v starlark.Value) error {
	for _, s := range e.stack {
		if s == v {
			return pyErrorf("ValueError", "Circular reference detected")
		}
	}
	e.stack = append(e.stack, v)
	if len(e.stack) > maxReprDepth {
		return pyErrorf("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")
	}
	return nil
}

func (e *jsonEncoder) encode(v starlark.Value, level int) error {
	v = plainTuple(plainDict(v))
	switch x := v.(type) {
	case starlark.NoneType:
		e.out.WriteString("null")
	case starlark.Bool:
		if x {
			e.out.WriteString("true")
		} else {
			e.out.WriteString("false")
		}
	case starlark.Int:
		e.out.WriteString(x.String())
	case constValue:
		e.out.WriteString(strconv.Itoa(x.v))
	case starlark.Float:
		s, err := e.float(float64(x))
		if err != nil {
			return err
		}
		e.out.WriteString(s)
	case starlark.String:
		e.out.WriteString(jsonQuote(string(x), e.ensureASCII))
	case *structTime, *urlResult:
		// Tuples in CPython (a struct_time, a named tuple): arrays in JSON.
		return e.encode(x.(interface{ tuple() starlark.Tuple }).tuple(), level)
	case *starlark.List, starlark.Tuple:
		if err := e.push(v); err != nil {
			return err
		}
		seq := x.(starlark.Indexable)
		if seq.Len() == 0 {
			e.out.WriteString("[]")
		} else {
			e.out.WriteByte('[')
			for i := 0; i < seq.Len(); i++ {
				if i > 0 {
					e.out.WriteString(e.itemSep)
				}
				e.newline(level + 1)
				if err := e.encode(seq.Index(i), level+1); err != nil {
					return err
				}
			}
			e.newline(level)
			e.out.WriteByte(']')
		}
		e.stack = e.stack[:len(e.stack)-1]
	case *starlark.Dict:
		if err := e.push(v); err != nil {
			return err
		}
		if err := e.object(x, level); err != nil {
			return err
		}
		e.stack = e.stack[:len(e.stack)-1]
	default:
		if e.def == nil {
			return pyErrorf("TypeError", "Object of type %s is not JSON serializable", shortName(pyTypeName(v)))
		}
		if err := e.push(v); err != nil {
			return err
		}
		r, err := starlark.Call(e.thread, e.def, starlark.Tuple{v}, nil)
		if err != nil {
			return err
		}
		if err := e.encode(r, level); err != nil {
			return err
		}
		e.stack = e.stack[:len(e.stack)-1]
	}
	return nil
}

func (e *jsonEncoder) float(f float64) (string, error) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return floatRepr(f), nil
	}
	if !e.allowNaN {
		return "", pyErrorf("ValueError", "Out of range float values are not JSON compliant")
	}
	return s, nil
}

func (e *jsonEncoder) object(d *starlark.Dict, level int) error {
	items := d.Items()
	if len(items) == 0 {
		e.out.WriteString("{}")
		return nil
	}
	if e.sortKeys {
		var err error
		sort.SliceStable(items, func(i, j int) bool {
			if err != nil {
				return false
			}
			lt, cerr := pyLess(items[i][0], items[j][0])
			if cerr != nil {
				err = cerr
			}
			return lt
		})
		if err != nil {
			return err
		}
	}
	e.out.WriteByte('{')
	first := true
	for _, kv := range items {
		var key string
		switch k := kv[0].(type) {
		case starlark.String:
			key = string(k)
		case starlark.Float:
			s, err := e.float(float64(k))
			if err != nil {
				return err
			}
			key = s
		case starlark.Bool:
			key = map[bool]string{true: "true", false: "false"}[bool(k)]
		case starlark.NoneType:
			key = "null"
		case starlark.Int:
			key = k.String()
		case constValue:
			key = strconv.Itoa(k.v)
		default:
			if e.skipKeys {
				continue
			}
			return pyErrorf("TypeError", "keys must be str, int, float, bool or None, not %s", shortName(pyTypeName(k)))
		}
		if !first {
			e.out.WriteString(e.itemSep)
		}
		first = false
		e.newline(level + 1)
		e.out.WriteString(jsonQuote(key, e.ensureASCII))
		e.out.WriteString(e.keySep)
		if err := e.encode(kv[1], level+1); err != nil {
			return err
		}
	}
	e.newline(level)
	e.out.WriteByte('}')
	return nil
}

// pyLess is a < b for sorting, with Python's TypeError for a pair of
// types that do not order.
func pyLess(a, b starlark.Value) (bool, error) {
	if isNumber(a) && isNumber(b) {
		a, b = asNumber(a), asNumber(b)
	} else if a.Type() != b.Type() {
		return false, pyErrorf("TypeError", "'<' not supported between instances of '%s' and '%s'", pyTypeName(a), pyTypeName(b))
	}
	lt, err := starlark.Compare(syntax.LT, a, b)
	if err != nil {
		return false, asPyError(err)
	}
	return lt, nil
}

// jsonQuote is a JSON string literal as CPython writes it: \uXXXX in
// lower case for control characters and, with ensureASCII, for
// everything past '~' (as a surrogate pair beyond the BMP).
func jsonQuote(s string, ensureASCII bool) string {
	var b strings.Builder
	b.WriteByte('"')
	u4 := func(r rune) {
		b.WriteString(`\u`)
		h := strconv.FormatInt(int64(r), 16)
		b.WriteString(strings.Repeat("0", 4-len(h)) + h)
	}
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				u4(r)
			case ensureASCII && r > '~':
				if r > 0xffff {
					hi, lo := utf16.EncodeRune(r)
					u4(hi)
					u4(lo)
				} else {
					u4(r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func jsonDumps(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	obj, kwargs, err := jsonObjArg("dumps", args, kwargs)
	if err != nil {
		return nil, err
	}
	return dumpsOf(thread, obj, kwargs)
}

func dumpsOf(thread *starlark.Thread, obj starlark.Value, kwargs []starlark.Tuple) (starlark.Value, error) {
	e, err := newJSONEncoder(thread, kwargs)
	if err != nil {
		return nil, err
	}
	if err := e.encode(obj, 0); err != nil {
		return nil, err
	}
	return starlark.String(e.out.String()), nil
}

// jsonObjArg takes dumps()'s one positional argument, obj.
func jsonObjArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, []starlark.Tuple, error) {
	if len(args) > 1 {
		return nil, nil, pyErrorf("TypeError", "%s() takes 1 positional argument but %d were given", fn, len(args))
	}
	if len(args) == 1 {
		return args[0], kwargs, nil
	}
	for i, kv := range kwargs {
		if kv[0] == starlark.String("obj") {
			return kv[1], append(append([]starlark.Tuple(nil), kwargs[:i]...), kwargs[i+1:]...), nil
		}
	}
	return nil, nil, pyErrorf("TypeError", "%s() missing 1 required positional argument: 'obj'", fn)
}

func jsonDump(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj, fp starlark.Value
	rest := kwargs[:0:0]
	for _, kv := range kwargs {
		switch kv[0] {
		case starlark.String("obj"):
			obj = kv[1]
		case starlark.String("fp"):
			fp = kv[1]
		default:
			rest = append(rest, kv)
		}
	}
	if len(args) > 2 {
		return nil, pyErrorf("TypeError", "dump() takes 2 positional arguments but %d were given", len(args))
	}
	if len(args) >= 1 {
		obj = args[0]
	}
	if len(args) == 2 {
		fp = args[1]
	}
	if obj == nil || fp == nil {
		missing := []string{}
		if obj == nil {
			missing = append(missing, "'obj'")
		}
		if fp == nil {
			missing = append(missing, "'fp'")
		}
		if len(missing) == 2 {
			return nil, pyErrorf("TypeError", "dump() missing 2 required positional arguments: 'obj' and 'fp'")
		}
		return nil, pyErrorf("TypeError", "dump() missing 1 required positional argument: %s", missing[0])
	}
	text, err := dumpsOf(thread, obj, rest)
	if err != nil {
		return nil, err
	}
	return starlark.None, writeTo(thread, fp, string(text.(starlark.String)))
}

// ---- decoding ----

// jsonDecoder reads JSON text in code points, so that positions are
// CPython's character offsets.
type jsonDecoder struct {
	doc   string
	s     []rune
	depth int
}

// jsonError is the JSONDecodeError for msg at code point pos.
func (d *jsonDecoder) errorAt(msg string, pos int) error {
	lineno := 1
	col := pos + 1
	for i := 0; i < pos && i < len(d.s); i++ {
		if d.s[i] == '\n' {
			lineno++
			col = pos - i
		}
	}
	full := msg + ": line " + strconv.Itoa(lineno) + " column " + strconv.Itoa(col) + " (char " + strconv.Itoa(pos) + ")"
	return &PyError{Class: "json.decoder.JSONDecodeError", Msg: full, Attrs: map[string]starlark.Value{
		"msg": starlark.String(msg), "doc": starlark.String(d.doc), "pos": starlark.MakeInt(pos),
		"lineno": starlark.MakeInt(lineno), "colno": starlark.MakeInt(col),
	}}
}

// stopAt is CPython's StopIteration(idx): nothing JSON starts there.
type stopAt int

func (s stopAt) Error() string { return "Expecting value" }

func isJSONSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func (d *jsonDecoder) skip(i int) int {
	for i < len(d.s) && isJSONSpace(d.s[i]) {
		i++
	}
	return i
}

func (d *jsonDecoder) has(i int, word string) bool {
	w := []rune(word)
	if i+len(w) > len(d.s) {
		return false
	}
	for k, r := range w {
		if d.s[i+k] != r {
			return false
		}
	}
	return true
}

// value reads one JSON value at i and returns it with the index after it.
func (d *jsonDecoder) value(i int) (starlark.Value, int, error) {
	if i >= len(d.s) {
		return nil, 0, stopAt(i)
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, err := d.str(i + 1)
		return starlark.String(s), end, err
	case c == '{':
		return d.object(i + 1)
	case c == '[':
		return d.array(i + 1)
	case c == 'n' && d.has(i, "null"):
		return starlark.None, i + 4, nil
	case c == 't' && d.has(i, "true"):
		return starlark.True, i + 4, nil
	case c == 'f' && d.has(i, "false"):
		return starlark.False, i + 5, nil
	case c == 'N' && d.has(i, "NaN"):
		return starlark.Float(math.NaN()), i + 3, nil
	case c == 'I' && d.has(i, "Infinity"):
		return starlark.Float(math.Inf(1)), i + 8, nil
	case c == '-' && d.has(i, "-Infinity"):
		return starlark.Float(math.Inf(-1)), i + 9, nil
	}
	return d.number(i)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// number reads -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at i.
func (d *jsonDecoder) number(start int) (starlark.Value, int, error) {
	i := start
	if i < len(d.s) && d.s[i] == '-' {
		i++
	}
	switch {
	case i < len(d.s) && d.s[i] >= '1' && d.s[i] <= '9':
		for i < len(d.s) && isDigit(d.s[i]) {
			i++
		}
	case i < len(d.s) && d.s[i] == '0':
		i++
	default:
		return nil, 0, stopAt(start)
	}
	isFloat := false
	if i+1 < len(d.s) && d.s[i] == '.' && isDigit(d.s[i+1]) {
		isFloat = true
		i += 2
		for i < len(d.s) && isDigit(d.s[i]) {
			i++
		}
	}
	if i < len(d.s) && (d.s[i] == 'e' || d.s[i] == 'E') {
		j := i + 1
		if j < len(d.s) && (d.s[j] == '+' || d.s[j] == '-') {
			j++
		}
		if j < len(d.s) && isDigit(d.s[j]) {
			for j < len(d.s) && isDigit(d.s[j]) {
				j++
			}
			isFloat = true
			i = j
		}
	}
	text := string(d.s[start:i])
	if isFloat {
		f, _ := strconv.ParseFloat(text, 64) // out of range is ±inf, as float() gives
		return starlark.Float(f), i, nil
	}
	n, _ := new(big.Int).SetString(text, 10)
	return starlark.MakeBigInt(n), i, nil
}

// str reads a string whose opening quote is at i-1.
func (d *jsonDecoder) str(i int) (string, int, error) {
	begin := i - 1
	var b strings.Builder
	for {
		j := i
		for j < len(d.s) && d.s[j] != '"' && d.s[j] != '\\' {
			if d.s[j] <= 0x1f {
				return "", 0, d.errorAt("Invalid control character at", j)
			}
			j++
		}
		if j >= len(d.s) {
			return "", 0, d.errorAt("Unterminated string starting at", begin)
		}
		b.WriteString(string(d.s[i:j]))
		if d.s[j] == '"' {
			return b.String(), j + 1, nil
		}
		j++ // past the backslash
		if j >= len(d.s) {
			return "", 0, d.errorAt("Unterminated string starting at", begin)
		}
		c := d.s[j]
		if c != 'u' {
			esc, ok := map[rune]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}[c]
			if !ok {
				return "", 0, d.errorAt("Invalid \\escape", j-1)
			}
			b.WriteRune(esc)
			i = j + 1
			continue
		}
		r, end, err := d.hex4(j + 1)
		if err != nil {
			return "", 0, err
		}
		if r >= 0xd800 && r <= 0xdbff && end+6 < len(d.s) && d.s[end] == '\\' && d.s[end+1] == 'u' {
			lo, end2, err := d.hex4(end + 2)
			if err != nil {
				return "", 0, err
			}
			if lo >= 0xdc00 && lo <= 0xdfff {
				r = utf16.DecodeRune(r, lo)
				end = end2
			}
		}
		b.WriteRune(r)
		i = end
	}
}

// hex4 reads the four hex digits of \uXXXX starting at i.
func (d *jsonDecoder) hex4(i int) (rune, int, error) {
	end := i + 4
	if end >= len(d.s) {
		return 0, 0, d.errorAt("Invalid \\uXXXX escape", i-1)
	}
	n, err := strconv.ParseUint(string(d.s[i:end]), 16, 32)
	if err != nil || strings.ContainsAny(string(d.s[i:end]), "+-_xX") {
		return 0, 0, d.errorAt("Invalid \\uXXXX escape", end-5)
	}
	return rune(n), end, nil
}

func (d *jsonDecoder) enter(what string) error {
	d.depth++
	if d.depth > maxReprDepth {
		return pyErrorf("RecursionError", "maximum recursion depth exceeded while decoding a JSON %s from a unicode string", what)
	}
	return nil
}

// object reads an object whose '{' is at i-1.
func (d *jsonDecoder) object(i int) (starlark.Value, int, error) {
	if err := d.enter("object"); err != nil {
		return nil, 0, err
	}
	defer func() { d.depth-- }()
	out := starlark.NewDict(0)
	i = d.skip(i)
	if i >= len(d.s) || d.s[i] != '}' {
		for {
			if i >= len(d.s) || d.s[i] != '"' {
				return nil, 0, d.errorAt("Expecting property name enclosed in double quotes", i)
			}
			key, next, err := d.str(i + 1)
			if err != nil {
				return nil, 0, err
			}
			i = d.skip(next)
			if i >= len(d.s) || d.s[i] != ':' {
				return nil, 0, d.errorAt("Expecting ':' delimiter", i)
			}
			i = d.skip(i + 1)
			v, next, err := d.value(i)
			if err != nil {
				return nil, 0, err
			}
			out.SetKey(starlark.String(key), v)
			i = d.skip(next)
			if i < len(d.s) && d.s[i] == '}' {
				break
			}
			if i >= len(d.s) || d.s[i] != ',' {
				return nil, 0, d.errorAt("Expecting ',' delimiter", i)
			}
			i = d.skip(i + 1)
		}
	}
	return out, i + 1, nil
}

// array reads an array whose '[' is at i-1.
func (d *jsonDecoder) array(i int) (starlark.Value, int, error) {
	if err := d.enter("array"); err != nil {
		return nil, 0, err
	}
	defer func() { d.depth-- }()
	var out []starlark.Value
	i = d.skip(i)
	if i >= len(d.s) || d.s[i] != ']' {
		for {
			v, next, err := d.value(i)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, v)
			i = d.skip(next)
			if i < len(d.s) && d.s[i] == ']' {
				break
			}
			if i >= len(d.s) || d.s[i] != ',' {
				return nil, 0, d.errorAt("Expecting ',' delimiter", i)
			}
			i = d.skip(i + 1)
		}
	}
	return starlark.NewList(out), i + 1, nil
}

// decode is JSONDecoder.decode: one value, with only whitespace around it.
func (d *jsonDecoder) decode() (starlark.Value, error) {
	v, end, err := d.value(d.skip(0))
	if err != nil {
		if pos, ok := err.(stopAt); ok {
			return nil, d.errorAt("Expecting value", int(pos))
		}
		return nil, err
	}
	if end = d.skip(end); end != len(d.s) {
		return nil, d.errorAt("Extra data", end)
	}
	return v, nil
}

func jsonLoads(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value
	switch {
	case len(args) > 1:
		return nil, pyErrorf("TypeError", "loads() takes 1 positional argument but %d were given", len(args))
	case len(args) == 1:
		s = args[0]
	}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "s":
			if s != nil {
				return nil, pyErrorf("TypeError", "loads() got multiple values for argument 's'")
			}
			s = kv[1]
		case "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook":
			if kv[1] != starlark.None {
				return nil, pyErrorf("TypeError", "json.loads(%s=...) is not available in this shell: convert the result after loading it", k)
			}
		default:
			return nil, pyErrorf("TypeError", "JSONDecoder.__init__() got an unexpected keyword argument '%s'", k)
		}
	}
	if s == nil {
		return nil, pyErrorf("TypeError", "loads() missing 1 required positional argument: 's'")
	}
	return loadsOf(s)
}

func loadsOf(s starlark.Value) (starlark.Value, error) {
	var text string
	switch x := s.(type) {
	case starlark.String:
		text = string(x)
		if strings.HasPrefix(text, "\ufeff") {
			d := &jsonDecoder{doc: text, s: []rune(text)}
			return nil, d.errorAt("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
		}
	case starlark.Bytes, *byteArray:
		b, _ := dataArg(x)
		b = []byte(strings.TrimPrefix(string(b), "\xef\xbb\xbf"))
		t, err := decodeBytes(b, "utf-8", "strict")
		if err != nil {
			return nil, err
		}
		text = t
	default:
		return nil, pyErrorf("TypeError", "the JSON object must be str, bytes or bytearray, not %s", pyTypeName(s))
	}
	d := &jsonDecoder{doc: text, s: []rune(text)}
	return d.decode()
}

func jsonLoad(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fp starlark.Value
	if err := starlark.UnpackPositionalArgs("load", args, kwargs, 1, &fp); err != nil {
		return nil, err
	}
	read, err := getAttr(fp, "read")
	if err != nil {
		return nil, err
	}
	text, err := starlark.Call(thread, read, nil, nil)
	if err != nil {
		return nil, err
	}
	return loadsOf(text)
}
