package python

import (
	"strings"

	"go.starlark.net/starlark"
)

// traceback: the report python3 prints for an uncaught exception, for a
// server that catches everything and wants to log it and carry on.
// The formatting is the interpreter's own (Interp.Traceback).

func newTracebackModule(*Interp) starlark.Value {
	return table{name: "traceback", doc: "Print or format an exception's traceback the way an uncaught one is printed, from inside an except block: traceback.print_exc() logs it and the program goes on.", rows: []row{
		{name: "print_exc", fn: tracebackPrintExc, sig: "traceback.print_exc(limit=None, file=None)", doc: "Print the exception being handled, with its traceback, on sys.stderr (or file).", mutates: true},
		{name: "format_exc", fn: tracebackFormatExc, sig: "traceback.format_exc(limit=None) -> str", doc: "What print_exc() would print, as a str."},
		{name: "print_exception", fn: tracebackPrintException, sig: "traceback.print_exception(exc, limit=None, file=None)", doc: "Print an exception object's traceback on sys.stderr (or file).", mutates: true},
		{name: "format_exception", fn: tracebackFormatException, sig: "traceback.format_exception(exc) -> list", doc: "An exception's traceback as a list of str, each ending in a newline."},
		{name: "extract_stack", fn: tracebackExtractStack, sig: "traceback.extract_stack(limit=None) -> list", doc: "The frames running now, outermost first: each a FrameSummary with filename, lineno, name and line (and unpacks as those four)."},
		{name: "format_stack", fn: tracebackFormatStack, sig: "traceback.format_stack(limit=None) -> list", doc: "The frames running now as the lines a traceback prints for them."},
		{name: "print_stack", fn: tracebackPrintStack, sig: "traceback.print_stack(limit=None, file=None)", doc: "Print the frames running now on sys.stderr (or file).", mutates: true},
		{name: "format_exception_only", fn: tracebackFormatExceptionOnly, sig: "traceback.format_exception_only(exc) -> list", doc: "Only the last line, 'Class: message\\n', in a list."},
	}}.module()
}

// handledText is the traceback of the exception being handled, or
// CPython's "NoneType: None" when there is none.
func handledText(thread *starlark.Thread) string {
	cur := handlingOf(thread).current()
	in := interpOf(thread)
	if cur == nil || in == nil {
		return "NoneType: None\n"
	}
	return in.Traceback(cur)
}

// excArg is the *PyError an exception object stands for.
func excArg(fn string, v starlark.Value) (*PyError, error) {
	inst, ok := v.(*Instance)
	if !ok || inst.exc == nil {
		if v == starlark.None {
			return nil, nil
		}
		return nil, pyErrorf("TypeError", "Exception expected for value, %s found", pyTypeName(v))
	}
	return raisedOf(inst), nil
}

// tracebackArgs reads (exc?, limit, file, chain) keywords.
func tracebackArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple, withExc bool) (exc, file starlark.Value, err error) {
	names := []string{"limit", "file", "chain"}
	if withExc {
		names = []string{"exc", "value", "tb", "limit", "file", "chain"}
	}
	required := 0
	if withExc {
		required = 1
	}
	p, err := placePyArgs(fn, args, kwargs, names, required)
	if err != nil {
		return nil, nil, err
	}
	if withExc {
		exc = p[0]
		if p[1] != nil {
			exc = p[1]
		}
		return exc, p[4], nil
	}
	return nil, p[1], nil
}

func writeTraceback(thread *starlark.Thread, file starlark.Value, text string) error {
	if file == nil || file == starlark.None {
		if in := interpOf(thread); in != nil {
			in.opt.Stderr(text)
		}
		return nil
	}
	return writeTo(thread, file, text)
}

func tracebackPrintExc(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, file, err := tracebackArgs("print_exc", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	return starlark.None, writeTraceback(thread, file, handledText(thread))
}

func tracebackFormatExc(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := placePyArgs("format_exc", args, kwargs, []string{"limit", "chain"}, 0); err != nil {
		return nil, err
	}
	return starlark.String(handledText(thread)), nil
}

// exceptionText is the full report of an exception object.
func exceptionText(thread *starlark.Thread, fn string, v starlark.Value) (string, error) {
	pe, err := excArg(fn, v)
	if err != nil {
		return "", err
	}
	in := interpOf(thread)
	if pe == nil || in == nil {
		return "NoneType: None\n", nil
	}
	return in.Traceback(pe), nil
}

func tracebackPrintException(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	exc, file, err := tracebackArgs("print_exception", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	text, err := exceptionText(thread, "print_exception", exc)
	if err != nil {
		return nil, err
	}
	return starlark.None, writeTraceback(thread, file, text)
}

func tracebackFormatException(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	exc, _, err := tracebackArgs("format_exception", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	text, err := exceptionText(thread, "format_exception", exc)
	if err != nil {
		return nil, err
	}
	return starlark.NewList(tracebackChunks(text)), nil
}

// tracebackChunks splits a report as format_exception does: a frame's
// lines stay together, every other line is one item.
func tracebackChunks(text string) []starlark.Value {
	var out []starlark.Value
	lines := strings.SplitAfter(text, "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] == "" {
			continue
		}
		chunk := lines[i]
		if strings.HasPrefix(chunk, "  File ") {
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") {
				i++
				chunk += lines[i]
			}
		}
		out = append(out, starlark.String(chunk))
	}
	return out
}

func tracebackFormatExceptionOnly(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placePyArgs("format_exception_only", args, kwargs, []string{"exc", "value"}, 1)
	if err != nil {
		return nil, err
	}
	v := p[0]
	if p[1] != nil {
		v = p[1]
	}
	pe, err := excArg("format_exception_only", v)
	if err != nil {
		return nil, pyErrorf("AttributeError", "'%s' object has no attribute '__suppress_context__'", pyTypeName(v))
	}
	if pe == nil {
		return starlark.NewList([]starlark.Value{starlark.String("NoneType: None\n")}), nil
	}
	return starlark.NewList([]starlark.Value{starlark.String(pe.lastLine() + "\n")}), nil
}
