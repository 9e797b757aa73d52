package python

import "go.starlark.net/starlark"

// Methods read from a built-in type rather than a value: str.lower,
// bytes.strip, list.append. Programs pass them as functions
// (sorted(names, key=str.lower), map(str.strip, lines)); called with the
// value first, each calls that value's method.

// methodSamples are a value of each type whose methods are found this
// way, to look a method up on.
var methodSamples = map[string]func() starlark.Value{
	"str":   func() starlark.Value { return starlark.String("") },
	"bytes": func() starlark.Value { return starlark.Bytes("") },
	"list":  func() starlark.Value { return starlark.NewList(nil) },
	"dict":  func() starlark.Value { return starlark.NewDict(0) },
	"set":   func() starlark.Value { return starlark.NewSet(0) },
	"tuple": func() starlark.Value { return starlark.Tuple{} },
}

// unboundMethod is t.name as a function of the value and the method's
// arguments, or nil when values of t have no such method.
func unboundMethod(t *pyType, name string) starlark.Value {
	sample, ok := methodSamples[t.name]
	if !ok || len(name) > 1 && name[0] == '_' && name[1] == '_' {
		return nil
	}
	if _, err := getAttr(sample(), name); err != nil {
		return nil
	}
	return &methodDescriptor{owner: t.name, Builtin: starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, pyErrorf("TypeError", "unbound method %s.%s() needs an argument", t.name, name)
		}
		if typeOf(args[0]).name != t.name {
			return nil, pyErrorf("TypeError", "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, t.name, pyTypeName(args[0]))
		}
		m, err := getAttr(args[0], name)
		if err != nil {
			return nil, err
		}
		return starlark.Call(thread, m, args[1:], kwargs)
	})}
}

// methodDescriptor is str.lower itself: a function, printed as CPython
// prints a method of a built-in type.
type methodDescriptor struct {
	*starlark.Builtin
	owner string
}

func (m *methodDescriptor) String() string {
	return "<method '" + m.Name() + "' of '" + m.owner + "' objects>"
}
func (m *methodDescriptor) Type() string { return "method_descriptor" }
