package python

import (
	"strings"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// newModules makes the built-in modules of one interpreter.
func newModules(rt *sockets.Runtime) map[string]starlark.Value {
	return map[string]starlark.Value{
		"socket": newSocketModule(rt),
		"select": newSelectModule(rt),
		"struct": newStructModule(),
		"time":   newTimeModule(),
		"os":     newOSModule(),
	}
}

// newGlobals is the namespace every program starts with: __name__, and
// with prelude the modules socket, select, struct, time and os, so that a
// learner at the prompt can type socket.socket() at once.
func newGlobals(modules map[string]starlark.Value, prelude bool) *globalNS {
	g := newGlobalNS()
	g.Set("__name__", starlark.String("__main__"))
	if prelude {
		for _, name := range []string{"socket", "select", "struct", "time", "os"} {
			g.Set(name, modules[name])
		}
	}
	return g
}

// newBuiltins returns Python's built-in names: functions that replace or
// extend Starlark's, the types, and the exception classes.
//
// The ones called most often borrow their arguments (CALL passes them
// uncopied): they read args[i] and keep nothing of the tuple.
func newBuiltins() starlark.StringDict {
	d := starlark.StringDict{
		"print":      starlark.NewBorrowingBuiltin("print", builtinPrint),
		"repr":       starlark.NewBorrowingBuiltin("repr", builtinRepr),
		"ascii":      starlark.NewBuiltin("ascii", builtinASCII),
		"format":     starlark.NewBuiltin("format", builtinFormat),
		"help":       starlark.NewBuiltin("help", builtinHelp),
		"exit":       &exitBuiltin{name: "exit"},
		"quit":       &exitBuiltin{name: "quit"},
		"hex":        starlark.NewBuiltin("hex", intToBase(16, "0x")),
		"oct":        starlark.NewBuiltin("oct", intToBase(8, "0o")),
		"bin":        starlark.NewBuiltin("bin", intToBase(2, "0b")),
		"ord":        starlark.NewBorrowingBuiltin("ord", builtinOrd),
		"chr":        starlark.NewBorrowingBuiltin("chr", builtinChr),
		"len":        starlark.NewBorrowingBuiltin("len", builtinLen),
		"sum":        starlark.NewBuiltin("sum", builtinSum),
		"round":      starlark.NewBuiltin("round", builtinRound),
		"divmod":     starlark.NewBuiltin("divmod", builtinDivmod),
		"pow":        starlark.NewBuiltin("pow", builtinPow),
		"isinstance": starlark.NewBorrowingBuiltin("isinstance", builtinIsinstance),
		"issubclass": starlark.NewBuiltin("issubclass", builtinIssubclass),
		"callable":   starlark.NewBorrowingBuiltin("callable", builtinCallable),
		"map":        starlark.NewBuiltin("map", builtinMap),
		"iter":       starlark.NewBuiltin("iter", builtinIterFn),
		"next":       starlark.NewBuiltin("next", builtinNext),
		"setattr":    starlark.NewBuiltin("setattr", builtinSetattr),
		"getattr":    starlark.NewBorrowingBuiltin("getattr", builtinGetattr),
		"hasattr":    starlark.NewBorrowingBuiltin("hasattr", builtinHasattr),
		"delattr":    starlark.NewBuiltin("delattr", builtinDelattr),
		"id":         starlark.NewBorrowingBuiltin("id", builtinID),
		"super":      starlark.NewBuiltin("super", builtinSuper),
		"input":      starlark.NewBuiltin("input", builtinInput),
		"eval":       starlark.NewBuiltin("eval", builtinEval),
		"open":       unavailable("open", "files are not available in this shell: keep the data in a bytes variable"),
		"exec":       unavailable("exec", "exec() is not available in this shell: type the statements themselves, or use eval() for one expression"),
		"compile":    unavailable("compile", "compile() is not available in this shell: pass the source text to eval() instead"),
		"__import__": starlark.NewBuiltin("__import__", builtinDunderImport),
		"bytearray":  typeByteArray,
		"memoryview": typeMemoryView,
		"filter":     starlark.NewBuiltin("filter", builtinFilter),
		"abs":        starlark.NewBorrowingBuiltin("abs", builtinAbs),

		"str":          typeStr,
		"bytes":        typeBytes,
		"int":          typeInt,
		"float":        typeFloat,
		"bool":         typeBool,
		"list":         typeList,
		"tuple":        typeTuple,
		"dict":         typeDict,
		"set":          typeSet,
		"type":         typeType,
		"object":       objectClass,
		"staticmethod": starlark.NewBuiltin("staticmethod", builtinStaticmethod),
		"classmethod":  starlark.NewBuiltin("classmethod", builtinClassmethod),
		"property":     starlark.NewBuiltin("property", builtinProperty),

		"None":           starlark.None,
		"True":           starlark.True,
		"False":          starlark.False,
		"NotImplemented": notImplemented,
		"Ellipsis":       ellipsis,
	}
	for name, c := range exceptionClasses {
		if !strings.Contains(name, ".") {
			d[name] = c
		}
	}
	// Python 2's names for OSError, still bound in Python 3 (PEP 3151):
	// older tutorials catch IOError around recv and connect.
	d["IOError"] = osError
	d["EnvironmentError"] = osError
	// Starlark builtins that take an iterable, made to accept str and
	// bytes the way Python iterates them.
	for _, name := range []string{"sorted", "reversed", "enumerate", "max", "min", "any", "all", "zip"} {
		d[name] = iterableArgs(name)
	}
	d["hash"] = starlark.NewBuiltin("hash", builtinHash)
	d["range"] = starlark.Universe["range"]
	for _, b := range []*starlark.Builtin{builtinDir, builtinGlobals, builtinVars, builtinLocals} {
		d[b.Name()] = b
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
	var file starlark.Value = starlark.None
	flush := false
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
		case "file":
			file = kv[1]
		case "flush":
			flush = kv[1].Truth() == starlark.True
		default:
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for print()", k)
		}
	}
	if _, ok := file.(*stream); file != starlark.None && !ok {
		// A file object of the program's: CPython calls its write() once
		// for each piece (argument, separator, end), then flush() if asked.
		for i, a := range args {
			if i > 0 {
				if err := writeTo(thread, file, sep); err != nil {
					return nil, err
				}
			}
			s, err := checkedStr(thread, a)
			if err != nil {
				return nil, err
			}
			if err := writeTo(thread, file, s); err != nil {
				return nil, err
			}
		}
		if err := writeTo(thread, file, end); err != nil {
			return nil, err
		}
		if flush {
			f, err := getAttr(file, "flush")
			if err != nil {
				return nil, err
			}
			if _, err := starlark.Call(thread, f, nil, nil); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := checkedStr(thread, a)
		if err != nil {
			// CPython has written the arguments before this one.
			if file == starlark.None && b.Len() > 0 {
				printText(thread, b.String())
			}
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if file != starlark.None {
		return starlark.None, writeTo(thread, file, b.String()) // sys.stdout, sys.stderr: never buffered
	}
	printText(thread, b.String())
	return starlark.None, nil
}

// checkedStr is str(v), with the error its __str__ or __repr__ raised.
func checkedStr(thread *starlark.Thread, v starlark.Value) (string, error) {
	if _, ok := v.(starlark.String); ok {
		return string(v.(starlark.String)), nil
	}
	if err := intTextError(v); err != nil {
		return "", err
	}
	if holdsNoInstance(v) {
		return pyStr(v), nil
	}
	return textChecked(thread, func() (string, error) { return pyStr(v), nil })
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

func builtinRepr(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("repr", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := reprOf(thread, v)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func builtinASCII(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("ascii", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := reprOf(thread, v)
	if err != nil {
		return nil, err
	}
	return starlark.String(asciiEscape(s)), nil
}

func builtinFormat(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	spec := ""
	if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &v, &spec); err != nil {
		return nil, err
	}
	s, err := textChecked(thread, func() (string, error) { return formatValue(v, spec) })
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
	return nil, exitFor(code)
}

// exitFor is what SystemExit(code) ends a program with: None is status 0,
// an int is the status, anything else is printed on stderr and gives 1.
func exitFor(code starlark.Value) *ExitError {
	switch c := code.(type) {
	case starlark.NoneType:
		return &ExitError{Code: 0}
	case starlark.Int, starlark.Bool, constValue:
		if n, err := intArg(c); err == nil {
			return &ExitError{Code: n & 0xff}
		}
		// Past a C long CPython's conversion fails and the status is -1.
		return &ExitError{Code: 0xff}
	}
	return &ExitError{Code: 1, Message: code}
}

// systemExit is the ExitError a raised SystemExit instance stands for.
func systemExit(inst *Instance) error {
	var code starlark.Value = starlark.None
	switch args := inst.exc.args; len(args) {
	case 0:
	case 1:
		code = args[0]
	default:
		code = args
	}
	return exitFor(code)
}
