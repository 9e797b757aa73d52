package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/sockets"
)

// newPredeclared returns the names every Session starts with: the modules
// socket, select, struct, time and os, and Python-compatible builtins that
// replace or extend Starlark's. Names wrapped in double underscores are
// the helpers translate routes Python syntax through; they are not meant
// to be typed (completion should hide names starting with "_").
func newPredeclared(rt *sockets.Runtime) starlark.StringDict {
	sock := newSocketModule(rt)
	sel := newSelectModule(rt)
	st := newStructModule()
	tm := newTimeModule(rt)
	osm := newOSModule()
	d := starlark.StringDict{
		"socket": sock, "__socket__": sock,
		"select": sel, "__select__": sel,
		"struct": st, "__struct__": st,
		"time": tm, "__time__": tm,
		"os": osm, "__os__": osm,

		"__name__": starlark.String("__main__"),

		"print":      starlark.NewBuiltin("print", builtinPrint),
		"repr":       starlark.NewBuiltin("repr", builtinRepr),
		"ascii":      starlark.NewBuiltin("ascii", builtinASCII),
		"format":     starlark.NewBuiltin("format", builtinFormat),
		"help":       starlark.NewBuiltin("help", builtinHelp),
		"exit":       &exitBuiltin{name: "exit"},
		"quit":       &exitBuiltin{name: "quit"},
		"hex":        starlark.NewBuiltin("hex", intToBase(16, "0x")),
		"oct":        starlark.NewBuiltin("oct", intToBase(8, "0o")),
		"bin":        starlark.NewBuiltin("bin", intToBase(2, "0b")),
		"ord":        starlark.NewBuiltin("ord", builtinOrd),
		"chr":        starlark.NewBuiltin("chr", builtinChr),
		"len":        starlark.NewBuiltin("len", builtinLen),
		"sum":        starlark.NewBuiltin("sum", builtinSum),
		"round":      starlark.NewBuiltin("round", builtinRound),
		"divmod":     starlark.NewBuiltin("divmod", builtinDivmod),
		"pow":        starlark.NewBuiltin("pow", builtinPow),
		"isinstance": starlark.NewBuiltin("isinstance", builtinIsinstance),
		"callable":   starlark.NewBuiltin("callable", builtinCallable),
		"map":        starlark.NewBuiltin("map", builtinMap),
		"input":      unavailable("input", "input() is not available in this shell: put the text in a variable instead, e.g. msg = 'hello'"),
		"open":       unavailable("open", "files are not available in this shell: keep the data in a bytes variable"),
		"bytearray":  typeByteArray,
		"memoryview": unavailable("memoryview", "memoryview is not available in this shell: slice the bytes instead, data[i:j]"),
		"filter":     starlark.NewBuiltin("filter", builtinFilter),

		"str":   typeStr,
		"bytes": typeBytes,
		"int":   typeInt,
		"float": typeFloat,
		"bool":  typeBool,
		"list":  typeList,
		"tuple": typeTuple,
		"dict":  typeDict,
		"set":   typeSet,
		"type":  typeType,

		"__mod__":      starlark.NewBuiltin("__mod__", builtinMod),
		"__getitem__":  starlark.NewBuiltin("__getitem__", builtinGetitem),
		"__iter__":     starlark.NewBuiltin("__iter__", builtinIter),
		"__unpack__":   starlark.NewBuiltin("__unpack__", builtinUnpack),
		"__delitem__":  starlark.NewBuiltin("__delitem__", builtinDelitem),
		"__assert__":   starlark.NewBuiltin("__assert__", builtinAssert),
		"__pow__":      starlark.NewBuiltin("__pow__", builtinPowOp),
		"__truediv__":  starlark.NewBuiltin("__truediv__", divide(syntax.SLASH)),
		"__floordiv__": starlark.NewBuiltin("__floordiv__", divide(syntax.SLASHSLASH)),
		"abs":          starlark.NewBuiltin("abs", builtinAbs),
		"__eq__":       starlark.NewBuiltin("__eq__", compare(syntax.EQL)),
		"__ne__":       starlark.NewBuiltin("__ne__", compare(syntax.NEQ)),
		"__lt__":       starlark.NewBuiltin("__lt__", compare(syntax.LT)),
		"__le__":       starlark.NewBuiltin("__le__", compare(syntax.LE)),
		"__gt__":       starlark.NewBuiltin("__gt__", compare(syntax.GT)),
		"__ge__":       starlark.NewBuiltin("__ge__", compare(syntax.GE)),
		"__in__":       starlark.NewBuiltin("__in__", membership(false)),
		"__notin__":    starlark.NewBuiltin("__notin__", membership(true)),
	}
	// Starlark builtins that take an iterable, made to accept str and
	// bytes the way Python iterates them.
	for _, name := range []string{"sorted", "reversed", "enumerate", "max", "min", "any", "all", "zip"} {
		d[name] = iterableArgs(name)
	}
	return d
}

// unavailable is a Python builtin this shell lacks, named so the learner
// gets advice rather than a NameError.
func unavailable(name, advice string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &PyError{Class: "NotImplementedError", Msg: advice}
	})
}

// ---- output ----

func builtinPrint(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "sep", "end":
			var s string
			switch v := kv[1].(type) {
			case starlark.NoneType:
				continue
			case starlark.String:
				s = string(v)
			default:
				return nil, pyErrorf("TypeError", "%s must be None or a string, not %s", k, pyTypeName(kv[1]))
			}
			if k == "sep" {
				sep = s
			} else {
				end = s
			}
		case "flush", "file":
			// Output always goes to the session and is never buffered.
		default:
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for print()", k)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(pyStr(a))
	}
	b.WriteString(end)
	printText(thread, b.String())
	return starlark.None, nil
}

// printText hands text, including its line ending, to the session.
func printText(thread *starlark.Thread, text string) {
	if thread.Print != nil {
		thread.Print(thread, text)
	}
}

func oneArg(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

func builtinRepr(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("repr", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(Repr(v)), nil
}

func builtinASCII(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("ascii", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(asciiEscape(Repr(v))), nil
}

func builtinFormat(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	spec := ""
	if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &v, &spec); err != nil {
		return nil, err
	}
	s, err := formatValue(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// exitBuiltin is exit and quit: calling ends the session; echoing the
// bare name prints Python's reminder.
type exitBuiltin struct{ name string }

func (e *exitBuiltin) String() string        { return e.Repr() }
func (e *exitBuiltin) Type() string          { return "Quitter" }
func (e *exitBuiltin) Freeze()               {}
func (e *exitBuiltin) Truth() starlark.Bool  { return true }
func (e *exitBuiltin) Hash() (uint32, error) { return starlark.String(e.name).Hash() }
func (e *exitBuiltin) Name() string          { return e.name }
func (e *exitBuiltin) Repr() string {
	return "Use " + e.name + "() or Ctrl-D (i.e. EOF) to exit"
}

func (e *exitBuiltin) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var code starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(e.name, args, kwargs, 0, &code); err != nil {
		return nil, err
	}
	switch c := code.(type) {
	case starlark.NoneType:
		return nil, &ExitError{Code: 0}
	case starlark.Int, starlark.Bool, constValue:
		n, err := intArg(c)
		if err != nil {
			return nil, err
		}
		return nil, &ExitError{Code: n & 0xff}
	}
	return nil, &ExitError{Code: 1}
}
