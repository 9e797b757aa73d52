package python

import (
	"io"
	"strings"

	"go.starlark.net/starlark"
)

// newSysModule is Python's sys for one interpreter: argv, exit, the
// standard streams (print(file=sys.stderr) included), and the facts
// programs print about the interpreter.
func newSysModule(in *Interp) starlark.Value {
	argv := make([]starlark.Value, len(in.opt.Argv))
	for i, a := range in.opt.Argv {
		argv[i] = starlark.String(a)
	}
	if len(argv) == 0 {
		argv = []starlark.Value{starlark.String("")}
	}
	version := starlark.Tuple{starlark.MakeInt(3), starlark.MakeInt(11), starlark.MakeInt(7), starlark.String("final"), starlark.MakeInt(0)}
	return table{name: "sys", doc: "The interpreter's view of the program: its arguments, its standard streams, how to end it.", rows: []row{
		{name: "argv", value: starlark.NewList(argv), sig: "sys.argv", doc: "The program's arguments: sys.argv[0] is the file, the rest follow it on the command line."},
		{name: "exit", fn: sysExit, sig: "sys.exit([status])", doc: "End the program: no status or None is success (0), an int is the exit status, anything else is printed on stderr and gives 1. It raises SystemExit, so finally clauses run.", mutates: true},
		{name: "stdout", value: in.stream("stdout"), sig: "sys.stdout", doc: "Standard output: write(text), flush(); print() writes here."},
		{name: "stderr", value: in.stream("stderr"), sig: "sys.stderr", doc: "Standard error: write(text); print(..., file=sys.stderr) writes here."},
		{name: "stdin", value: in.stream("stdin"), sig: "sys.stdin", doc: "Standard input: readline(), read(), or for line in sys.stdin."},
		{name: "__stdout__", value: in.stream("stdout")},
		{name: "__stderr__", value: in.stream("stderr")},
		{name: "platform", value: starlark.String("linux")},
		{name: "byteorder", value: starlark.String("little"), sig: "sys.byteorder", doc: "This machine's byte order: 'little' (network order is 'big', struct's '!')."},
		{name: "maxsize", value: starlark.MakeInt64(1<<63 - 1)},
		{name: "version_info", value: version},
		{name: "version", value: starlark.String("3.11.7 (sockrepl)")},
		{name: "executable", value: starlark.String("sockrepl")},
		{name: "getrecursionlimit", fn: func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(1000), nil
		}, sig: "sys.getrecursionlimit() -> int", doc: "How deep calls may nest before RecursionError."},
	}}.module()
}

func sysExit(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var code starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("exit", args, kwargs, 0, &code); err != nil {
		return nil, err
	}
	return nil, exitFor(code)
}

// stream is sys.stdout, sys.stderr or sys.stdin.
type stream struct {
	name  string
	write func(string)
	in    *Interp
}

// stream makes the named standard stream of in.
func (in *Interp) stream(name string) *stream {
	s := &stream{name: name, in: in}
	switch name {
	case "stdout":
		s.write = in.opt.Print
	case "stderr":
		s.write = in.opt.Stderr
	}
	return s
}

func (s *stream) String() string {
	mode := "w"
	if s.name == "stdin" {
		mode = "r"
	}
	return "<_io.TextIOWrapper name='<" + s.name + ">' mode='" + mode + "' encoding='utf-8'>"
}
func (s *stream) Repr() string          { return s.String() }
func (s *stream) Type() string          { return "TextIOWrapper" }
func (s *stream) Freeze()               {}
func (s *stream) Truth() starlark.Bool  { return true }
func (s *stream) Hash() (uint32, error) { return starlark.String(s.name).Hash() }
func (s *stream) AttrNames() []string {
	return []string{"buffer", "fileno", "flush", "isatty", "name", "read", "readline", "readlines", "write"}
}

func (s *stream) Attr(name string) (starlark.Value, error) {
	method := func(fn func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 {
				return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
			}
			return fn(thread, args)
		})
	}
	switch name {
	case "write":
		return method(func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if s.write == nil {
				return nil, pyErrorf("io.UnsupportedOperation", "not writable")
			}
			if len(args) != 1 {
				return nil, pyErrorf("TypeError", "TextIOWrapper.write() takes exactly one argument (%d given)", len(args))
			}
			text, ok := args[0].(starlark.String)
			if !ok {
				return nil, pyErrorf("TypeError", "write() argument must be str, not %s", pyTypeName(args[0]))
			}
			s.write(string(text))
			return starlark.MakeInt(len([]rune(string(text)))), nil
		}), nil
	case "flush":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return starlark.None, nil }), nil
	case "isatty":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return starlark.False, nil }), nil
	case "fileno":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(map[string]int{"stdin": 0, "stdout": 1, "stderr": 2}[s.name]), nil
		}), nil
	case "name":
		return starlark.String("<" + s.name + ">"), nil
	case "readline":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
			line, err := s.in.readLine()
			if err != nil && line == "" {
				return starlark.String(""), nil
			}
			return starlark.String(line), nil
		}), nil
	case "read":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
			var b strings.Builder
			for {
				line, err := s.in.readLine()
				b.WriteString(line)
				if err != nil || line == "" {
					return starlark.String(b.String()), nil
				}
			}
		}), nil
	case "readlines":
		return method(func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
			var lines []starlark.Value
			for {
				line, _ := s.in.readLine()
				if line == "" {
					return starlark.NewList(lines), nil
				}
				lines = append(lines, starlark.String(line))
			}
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'_io.TextIOWrapper' object has no attribute '%s'", name)
}

// Iterate gives sys.stdin's lines to a for loop.
func (s *stream) Iterate() starlark.Iterator {
	return &funcIterator{step: func() (starlark.Value, bool, error) {
		line, _ := s.in.readLine()
		if line == "" {
			return nil, false, nil
		}
		return starlark.String(line), true, nil
	}}
}

// readLine reads one line of standard input, with its newline.
func (in *Interp) readLine() (string, error) {
	if in.opt.ReadLine == nil {
		return "", io.EOF
	}
	return in.opt.ReadLine()
}

// builtinInput is input([prompt]): the prompt on stdout, then one line of
// standard input without its newline; EOFError at the end of input.
func builtinInput(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var prompt starlark.Value = starlark.String("")
	if err := starlark.UnpackPositionalArgs("input", args, kwargs, 0, &prompt); err != nil {
		return nil, err
	}
	in := interpOf(thread)
	if in == nil {
		return nil, pyErrorf("EOFError", "EOF when reading a line")
	}
	if p := pyStr(prompt); p != "" {
		in.opt.Print(p)
	}
	line, err := in.readLine()
	if line == "" && err != nil {
		if err != io.EOF {
			return nil, err // Ctrl-C while waiting for the line
		}
		return nil, pyErrorf("EOFError", "EOF when reading a line")
	}
	return starlark.String(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")), nil
}

// writeTo is print(file=f): the standard streams, or any object with a
// write() method.
func writeTo(thread *starlark.Thread, file starlark.Value, text string) error {
	if s, ok := file.(*stream); ok {
		if s.write == nil {
			return pyErrorf("io.UnsupportedOperation", "not writable")
		}
		s.write(text)
		return nil
	}
	w, err := getAttr(file, "write")
	if err != nil {
		return pyErrorf("AttributeError", "'%s' object has no attribute 'write'", pyTypeName(file))
	}
	_, err = starlark.Call(thread, w, starlark.Tuple{starlark.String(text)}, nil)
	return err
}
