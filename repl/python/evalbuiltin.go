package python

import (
	"errors"
	"maps"
	"strings"

	"go.starlark.net/starlark"

	"sockrepl/repl/python/translate"
	"sockrepl/repl/python/translate/pyparse"
)

// eval(source, globals=None, locals=None): one Python expression, parsed,
// lowered and run on the caller's thread (so Ctrl-C and tracebacks reach
// it). It sees the program's globals, or the dicts given; it does not see
// the calling function's local variables, which Starlark keeps to itself.

func builtinEval(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "eval() takes no keyword arguments")
	}
	if len(args) < 1 {
		return nil, pyErrorf("TypeError", "eval expected at least 1 argument, got %d", len(args))
	}
	if len(args) > 3 {
		return nil, pyErrorf("TypeError", "eval expected at most 3 arguments, got %d", len(args))
	}
	var src string
	switch s := args[0].(type) {
	case starlark.String:
		src = string(s)
	case starlark.Bytes, *byteArray:
		b, _ := dataArg(s)
		text, err := decodeBytes(b, "utf-8", "strict")
		if err != nil {
			return nil, err
		}
		src = text
	default:
		return nil, pyErrorf("TypeError", "eval() arg 1 must be a string, bytes or code object")
	}
	var globals, locals *starlark.Dict
	if len(args) > 1 && args[1] != starlark.None {
		d, ok := args[1].(*starlark.Dict)
		if !ok {
			if _, mapping := args[1].(starlark.Indexable); mapping {
				return nil, pyErrorf("TypeError", "globals must be a real dict; try eval(expr, {}, mapping)")
			}
			return nil, pyErrorf("TypeError", "globals must be a dict")
		}
		globals = d
	}
	if len(args) > 2 && args[2] != starlark.None {
		d, ok := args[2].(*starlark.Dict)
		if !ok {
			return nil, pyErrorf("TypeError", "locals must be a mapping")
		}
		locals = d
	}
	in := interpOf(thread)
	if in == nil {
		return nil, pyErrorf("RuntimeError", "eval() needs an interpreter")
	}
	prog, err := compileExpr(strings.TrimLeft(src, " \t"))
	if err != nil {
		return nil, err
	}
	// Not kept in in.programs: CPython shows no source line for
	// "<string>" in a traceback, and neither does this shell.
	var result starlark.Value = starlark.None
	var ns *globalNS
	helpers := in.helpers
	if globals != nil || locals != nil {
		ns = newGlobalNS()
		for _, d := range []*starlark.Dict{globals, locals} {
			if d == nil {
				continue
			}
			for _, kv := range d.Items() {
				if k, ok := kv[0].(starlark.String); ok {
					ns.Set(string(k), kv[1])
				}
			}
		}
		helpers = in.namespaceHelpers(ns)
	} else {
		helpers = maps.Clone(helpers)
	}
	helpers[string(translate.HEcho)] = starlark.NewBuiltin("$echo", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		result = args[0]
		return starlark.None, nil
	})
	if err := starlark.ExecREPLChunk(prog.File, thread, helpers); err != nil {
		return nil, err
	}
	if globals != nil && locals == nil {
		// A walrus in the expression binds in the globals given.
		for _, k := range ns.Names() {
			v, _ := ns.Get(k)
			if old, found, _ := globals.Get(starlark.String(k)); !found || old != v {
				globals.SetKey(starlark.String(k), v)
			}
		}
	}
	return result, nil
}

// compileExpr parses and lowers an expression read from "<string>".
func compileExpr(src string) (*translate.Program, error) {
	if err := checkEncoding(src); err != nil {
		return nil, err
	}
	e, err := pyparse.ParseExpr("<string>", src)
	if err != nil {
		var sx *pyparse.Error
		if errors.As(err, &sx) {
			return nil, evalSyntaxError(sx)
		}
		return nil, syntaxError(err)
	}
	prog, err := translate.LowerExpr("<string>", src, e)
	if err != nil {
		return nil, asPyError(err)
	}
	return prog, nil
}

// evalSyntaxError is the SyntaxError eval raises, with the attributes a
// handler reads (e.lineno, e.offset, e.text, e.msg, e.filename).
func evalSyntaxError(sx *pyparse.Error) *PyError {
	pe := syntaxError(sx).(*PyError)
	pe.Args = starlark.Tuple{starlark.String(sx.Msg), starlark.Tuple{starlark.String("<string>"), starlark.MakeInt(sx.Lineno),
		starlark.MakeInt(sx.Offset), starlark.String(sx.Text), starlark.MakeInt(sx.EndLineno), starlark.MakeInt(sx.EndOffset)}}
	pe.Attrs = map[string]starlark.Value{
		"msg":        starlark.String(sx.Msg),
		"filename":   starlark.String("<string>"),
		"lineno":     starlark.MakeInt(sx.Lineno),
		"offset":     starlark.MakeInt(sx.Offset),
		"text":       starlark.String(sx.Text),
		"end_lineno": starlark.MakeInt(sx.EndLineno),
		"end_offset": starlark.MakeInt(sx.EndOffset),
	}
	return pe
}
