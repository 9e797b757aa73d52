package python

import (
	"strings"

	"go.starlark.net/starlark"
)

// helperFString builds an f-string: $fstr(lit, value, conversion, spec,
// lit, ...), literal text and replacement fields alternating, starting
// and ending with literal text. The conversion is -1 or the code of
// 's', 'r' or 'a'; spec is None or the (already built) format spec.
func helperFString(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var s string
	var err error
	if fieldsHoldNoInstance(args) {
		s, err = fstring(thread, args) // no __format__ or __repr__ can run
	} else {
		s, err = textChecked(thread, func() (string, error) { return fstring(thread, args) })
	}
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// fieldsHoldNoInstance reports whether every value helperFString's args
// carry is a str, int, float, bool, None or bytes.
func fieldsHoldNoInstance(args starlark.Tuple) bool {
	for i := 1; i+3 < len(args); i += 4 {
		if !holdsNoInstance(args[i]) {
			return false
		}
	}
	return true
}

// fstring is helperFString's text: args are the first literal, then per
// field its value, conversion, spec and the literal after it.
func fstring(thread *starlark.Thread, args starlark.Tuple) (string, error) {
	var b strings.Builder
	size := len(args[0].(starlark.String))
	for i := 4; i < len(args); i += 4 {
		size += len(args[i].(starlark.String)) + 8
	}
	b.Grow(size)
	b.WriteString(string(args[0].(starlark.String)))
	for i := 1; i+3 < len(args); i += 4 {
		v := args[i]
		conv, _ := starlark.AsInt32(args[i+1])
		if conv > 0 {
			if err := intTextError(v); err != nil {
				return "", err
			}
		}
		switch conv {
		case 's':
			v = starlark.String(pyStr(v))
		case 'r':
			v = starlark.String(Repr(v))
		case 'a':
			v = starlark.String(asciiEscape(Repr(v)))
		}
		spec := ""
		if s, ok := args[i+2].(starlark.String); ok {
			spec = string(s)
		}
		s, err := formatField(thread, v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		b.WriteString(string(args[i+3].(starlark.String)))
	}
	return b.String(), nil
}

// formatField is format(v, spec), through __format__ for an instance
// that defines it.
func formatField(thread *starlark.Thread, v starlark.Value, spec string) (string, error) {
	if inst, ok := v.(*Instance); ok {
		if m, ok := inst.method("__format__"); ok {
			r, err := starlark.Call(thread, m, starlark.Tuple{starlark.String(spec)}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(starlark.String)
			if !ok {
				return "", pyErrorf("TypeError", "__format__ must return a str, not %s", pyTypeName(r))
			}
			return string(s), nil
		}
		if spec != "" {
			return "", pyErrorf("TypeError", "unsupported format string passed to %s.__format__", inst.cls.name)
		}
		return inst.pyStr(), nil
	}
	return formatValue(v, spec)
}
