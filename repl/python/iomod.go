package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// io: BytesIO and StringIO, in-memory files. Programs use them to build
// a message piece by piece, or to read a received buffer line by line
// the way they would read a socket's makefile().

func newIOModule(*Interp) starlark.Value {
	return table{name: "io", doc: "In-memory files: BytesIO for bytes, StringIO for text. Write pieces, seek(0), then read or loop over lines; getvalue() gives everything.", rows: []row{
		{name: "BytesIO", value: typeBytesIO, sig: "io.BytesIO([initial_bytes])", doc: "A file held in memory as bytes: write(b), read([n]), readline(), seek(pos), tell(), getvalue(); a with block closes it."},
		{name: "StringIO", value: typeStringIO, sig: "io.StringIO([initial_value[, newline]])", doc: "A file held in memory as text, with the methods of BytesIO; print(..., file=f) writes to it."},
		{name: "TextIOWrapper", value: typeTextIOWrapper, sig: "io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None)", doc: "Text over a binary file object (a BytesIO, a socket file): read() and readline() decode, write() encodes; json.load(io.TextIOWrapper(io.BytesIO(data), encoding='utf-8')) reads a received JSON header."},
		{name: "UnsupportedOperation", value: unsupportedOperation, sig: "io.UnsupportedOperation", doc: "Raised for what a file object cannot do (fileno() of an in-memory file); both an OSError and a ValueError."},
		{name: "SEEK_SET", value: starlark.MakeInt(0)},
		{name: "SEEK_CUR", value: starlark.MakeInt(1)},
		{name: "SEEK_END", value: starlark.MakeInt(2)},
		{name: "DEFAULT_BUFFER_SIZE", value: starlark.MakeInt(8192)},
	}}.module()
}

// unsupportedOperation is io.UnsupportedOperation, an OSError and a
// ValueError at once.
var unsupportedOperation = func() *Class {
	c, err := newClass("UnsupportedOperation", "io", []*Class{osError, exceptionClasses["ValueError"]}, map[string]starlark.Value{})
	if err != nil {
		panic(err) // the bases above are wrong
	}
	exceptionClasses["io.UnsupportedOperation"] = c
	return c
}()

// memFile is the state both in-memory files share: the contents, in
// bytes or code points, and the position, which may lie past the end
// (a write there pads with zeros).
type memFile[T byte | rune] struct {
	data   []T
	pos    int
	closed bool
}

func (f *memFile[T]) write(p []T) int {
	if f.pos > len(f.data) {
		f.data = append(f.data, make([]T, f.pos-len(f.data))...)
	}
	n := copy(f.data[f.pos:], p)
	f.data = append(f.data, p[n:]...)
	f.pos += len(p)
	return len(p)
}

// read takes up to n items (all when n < 0) from the position.
func (f *memFile[T]) read(n int) []T {
	if f.pos >= len(f.data) {
		return nil
	}
	end := len(f.data)
	if n >= 0 && f.pos+n < end {
		end = f.pos + n
	}
	out := append([]T(nil), f.data[f.pos:end]...)
	f.pos = end
	return out
}

// readline takes one line (at most limit items when limit >= 0); lineEnd
// says where a line ending at i finishes, or -1.
func (f *memFile[T]) readline(limit int, lineEnd func(data []T, i int) int) []T {
	if f.pos >= len(f.data) {
		return nil
	}
	end := len(f.data)
	if limit >= 0 && f.pos+limit < end {
		end = f.pos + limit
	}
	for i := f.pos; i < end; i++ {
		if e := lineEnd(f.data, i); e >= 0 {
			end = min(e, end)
			break
		}
	}
	out := append([]T(nil), f.data[f.pos:end]...)
	f.pos = end
	return out
}

func (f *memFile[T]) truncate(size int) int {
	if size < len(f.data) {
		f.data = f.data[:size]
	}
	return size
}

// ioArgs checks the count of a method's arguments, with CPython's
// messages; kwargs are refused.
func ioArgs(typ, name string, args starlark.Tuple, kwargs []starlark.Tuple, min, max int) error {
	if len(kwargs) > 0 {
		return pyErrorf("TypeError", "%s.%s() takes no keyword arguments", typ, name)
	}
	switch {
	case max == 0 && len(args) > 0:
		return pyErrorf("TypeError", "%s.%s() takes no arguments (%d given)", typ, name, len(args))
	case min == 1 && max == 1 && len(args) != 1:
		return pyErrorf("TypeError", "%s.%s() takes exactly one argument (%d given)", typ, name, len(args))
	case len(args) < min:
		return pyErrorf("TypeError", "%s expected at least %d argument%s, got %d", name, min, plural(min), len(args))
	case len(args) > max:
		return pyErrorf("TypeError", "%s expected at most %d argument%s, got %d", name, max, plural(max), len(args))
	}
	return nil
}

// sizeOrNone reads read()'s and readline()'s size: an int, or None for -1.
func sizeOrNone(args starlark.Tuple) (int, error) {
	if len(args) == 0 || args[0] == starlark.None {
		return -1, nil
	}
	if !isPyInt(args[0]) {
		return 0, pyErrorf("TypeError", "argument should be integer or None, not '%s'", pyTypeName(args[0]))
	}
	n, ok := smallIntOf(args[0])
	if !ok {
		return 0, pyErrorf("OverflowError", "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

// ssizeArg is the "n" conversion with its OverflowError wording for seek.
func ssizeArg(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, ok := smallIntOf(v)
	if !ok {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

// seekArgs reads seek(pos[, whence]).
func seekArgs(typ string, args starlark.Tuple, kwargs []starlark.Tuple) (pos, whence int, err error) {
	if err := ioArgs(typ, "seek", args, kwargs, 1, 2); err != nil {
		return 0, 0, err
	}
	if pos, err = ssizeArg(args[0]); err != nil {
		return 0, 0, err
	}
	if len(args) == 2 {
		if whence, err = cIntArg(args[1]); err != nil {
			return 0, 0, err
		}
	}
	return pos, whence, nil
}

// ioObject is what BytesIO and StringIO have in common for with, close
// and the checks of a closed file.
type ioObject interface {
	starlark.Value
	isClosed() bool
	closedMessage() string
}

func checkOpen(f ioObject) error {
	if f.isClosed() {
		return pyErrorf("ValueError", "%s", f.closedMessage())
	}
	return nil
}

// ioCommon are the methods both types share, by name.
func ioCommon(typ string, close func(starlark.Value)) map[string]method {
	m := func(name string, min, max int, sig, doc string, fn func(f ioObject, args starlark.Tuple) (starlark.Value, error)) method {
		return method{sig: sig, doc: doc, fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs(typ, name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			return fn(b.Receiver().(ioObject), args)
		}}
	}
	open := func(f ioObject) error { return checkOpen(f) }
	yes := func(name string) method {
		return m(name, 0, 0, "f."+name+"() -> bool", "True: an in-memory file can be read, written and seeked.", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			if err := open(f); err != nil {
				return nil, err
			}
			return starlark.True, nil
		})
	}
	return map[string]method{
		"close": m("close", 0, 0, "f.close()", "Discard the contents; any later use raises ValueError. Closing twice is harmless.", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			close(f)
			return starlark.None, nil
		}),
		"flush": m("flush", 0, 0, "f.flush()", "Nothing to do for an in-memory file (it is never buffered).", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			return starlark.None, open(f)
		}),
		"isatty": m("isatty", 0, 0, "f.isatty() -> False", "An in-memory file is never a terminal.", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			if err := open(f); err != nil {
				return nil, err
			}
			return starlark.False, nil
		}),
		"readable": yes("readable"),
		"writable": yes("writable"),
		"seekable": yes("seekable"),
		"fileno": m("fileno", 0, 0, "f.fileno()", "Raises io.UnsupportedOperation: an in-memory file has no file descriptor, so select() cannot watch it.", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			return nil, &PyError{Class: "io.UnsupportedOperation", Msg: "fileno"}
		}),
		"__enter__": m("__enter__", 0, 0, "with f: ...", "A with block hands the file to its body and closes it after.", func(f ioObject, _ starlark.Tuple) (starlark.Value, error) {
			if err := open(f); err != nil {
				return nil, err
			}
			return f, nil
		}),
		"__exit__": {sig: "with f: ...", doc: "Leaving the with block closes the file.", fn: func(_ *starlark.Thread, b *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			close(b.Receiver())
			return starlark.None, nil
		}},
	}
}

// ---- BytesIO ----

type bytesIO struct{ memFile[byte] }

var typeBytesIO = registerType(&pyType{name: "_io.BytesIO", call: newBytesIO})

func newBytesIO(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("BytesIO", args, kwargs, []string{"initial_bytes"}, 0)
	if err != nil {
		return nil, err
	}
	f := &bytesIO{}
	if p[0] != nil && p[0] != starlark.None {
		b, err := dataArg(p[0])
		if err != nil {
			return nil, err
		}
		f.data = append([]byte(nil), b...)
	}
	return f, nil
}

func (f *bytesIO) String() string        { return f.Repr() }
func (f *bytesIO) Repr() string          { return fmt.Sprintf("<_io.BytesIO object at %#x>", addressOf(f)) }
func (f *bytesIO) Type() string          { return "_io.BytesIO" }
func (f *bytesIO) Freeze()               {}
func (f *bytesIO) Truth() starlark.Bool  { return true }
func (f *bytesIO) Hash() (uint32, error) { return uint32(addressOf(f)), nil }
func (f *bytesIO) isClosed() bool        { return f.closed }
func (f *bytesIO) closedMessage() string { return "I/O operation on closed file." }

func (f *bytesIO) Attr(name string) (starlark.Value, error) {
	if name == "closed" {
		return starlark.Bool(f.closed), nil
	}
	if m, ok := bytesIOMethods.bind(f, name); ok {
		return m, nil
	}
	return nil, noAttr("_io.BytesIO", name)
}

func (f *bytesIO) AttrNames() []string { return bytesIOMethods.names("closed") }

// next is one line, for loops and next(f).
func (f *bytesIO) next(*starlark.Thread) (starlark.Value, bool, error) {
	if err := checkOpen(f); err != nil {
		return nil, false, err
	}
	line := f.readline(-1, byteLineEnd)
	if len(line) == 0 {
		return nil, false, nil
	}
	return starlark.Bytes(line), true, nil
}

func (f *bytesIO) Iterate() starlark.Iterator { return iterateNext(f) }

func byteLineEnd(data []byte, i int) int {
	if data[i] == '\n' {
		return i + 1
	}
	return -1
}

var bytesIOMethods = newMethodSet("_io.BytesIO", func() map[string]method {
	ms := ioCommon("BytesIO", func(v starlark.Value) {
		f := v.(*bytesIO)
		f.closed, f.data = true, nil
	})
	m := func(name string, min, max int, sig, doc string, fn func(f *bytesIO, args starlark.Tuple) (starlark.Value, error)) {
		ms[name] = method{sig: sig, doc: doc, fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs("BytesIO", name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			f := b.Receiver().(*bytesIO)
			if err := checkOpen(f); err != nil {
				return nil, err
			}
			return fn(f, args)
		}}
	}
	m("write", 1, 1, "f.write(data) -> int", "Write bytes at the position (overwriting, or growing the file) and return how many.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		b, err := dataArg(args[0])
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(f.write(append([]byte(nil), b...))), nil
	})
	m("writelines", 1, 1, "f.writelines(lines)", "Write each bytes value of an iterable, adding nothing between them.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		return starlark.None, eachOf(args[0], func(v starlark.Value) error {
			b, err := dataArg(v)
			if err == nil {
				f.write(append([]byte(nil), b...))
			}
			return err
		})
	})
	m("read", 0, 1, "f.read([n]) -> bytes", "Up to n bytes from the position (all that is left without n); b'' at the end.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		n, err := sizeOrNone(args)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(f.read(n)), nil
	})
	ms["read1"] = method{fn: ms["read"].fn, sig: "f.read1([n]) -> bytes", doc: "The same as read() for an in-memory file."}
	m("readline", 0, 1, "f.readline([size]) -> bytes", "One line, with its b'\\n' (at most size bytes); b'' at the end.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		n, err := sizeOrNone(args)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(f.readline(n, byteLineEnd)), nil
	})
	m("readlines", 0, 1, "f.readlines([hint]) -> list", "The remaining lines as a list (stopping once hint bytes are read).", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		hint, err := hintArg(args)
		if err != nil {
			return nil, err
		}
		var lines []starlark.Value
		for total := 0; hint <= 0 || total < hint; {
			line := f.readline(-1, byteLineEnd)
			if len(line) == 0 {
				break
			}
			total += len(line)
			lines = append(lines, starlark.Bytes(line))
		}
		return starlark.NewList(lines), nil
	})
	m("readinto", 1, 1, "f.readinto(buffer) -> int", "Read into a writable buffer (bytearray, memoryview) and return how many bytes.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		buf, ok := args[0].(bufferer)
		if !ok || buf.readOnly() {
			return nil, pyErrorf("TypeError", "readinto() argument must be read-write bytes-like object, not %s", pyTypeName(args[0]))
		}
		dst := buf.bufferBytes()
		return starlark.MakeInt(copy(dst, f.read(len(dst)))), nil
	})
	m("getvalue", 0, 0, "f.getvalue() -> bytes", "Everything in the file, wherever the position is.", func(f *bytesIO, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.Bytes(append([]byte(nil), f.data...)), nil
	})
	m("tell", 0, 0, "f.tell() -> int", "The position: where the next read or write starts.", func(f *bytesIO, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt(f.pos), nil
	})
	m("truncate", 0, 1, "f.truncate([size]) -> int", "Cut the file to size bytes (the position by default); the position stays.", func(f *bytesIO, args starlark.Tuple) (starlark.Value, error) {
		size, err := truncateSize(args, f.pos, "negative size value %d")
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(f.truncate(size)), nil
	})
	ms["seek"] = method{sig: "f.seek(pos[, whence]) -> int", doc: "Move the position: from the start (whence 0), the position (1) or the end (2). seek(0) goes back to read what was written.", fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		pos, whence, err := seekArgs("BytesIO", args, kwargs)
		if err != nil {
			return nil, err
		}
		f := b.Receiver().(*bytesIO)
		if err := checkOpen(f); err != nil {
			return nil, err
		}
		switch whence {
		case 0:
			if pos < 0 {
				return nil, pyErrorf("ValueError", "negative seek value %d", pos)
			}
		case 1:
			pos += f.pos
		case 2:
			pos += len(f.data)
		default:
			return nil, pyErrorf("ValueError", "invalid whence (%d, should be 0, 1 or 2)", whence)
		}
		f.pos = max(pos, 0)
		return starlark.MakeInt(f.pos), nil
	}}
	return ms
}())

// hintArg reads readlines()'s hint: None or an int; <= 0 means no limit.
func hintArg(args starlark.Tuple) (int, error) {
	if len(args) == 0 || args[0] == starlark.None {
		return 0, nil
	}
	if !isPyInt(args[0]) {
		return 0, pyErrorf("TypeError", "integer argument expected, got '%s'", pyTypeName(args[0]))
	}
	n, _ := smallIntOf(args[0])
	return int(n), nil
}

// eachOf calls fn on each item of an iterable.
func eachOf(v starlark.Value, fn func(starlark.Value) error) error {
	it, ok := v.(starlark.Iterable)
	if !ok {
		return pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
	}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// ---- StringIO ----

// stringIO is text in code points. newline is its newline argument: nil
// for None (universal newlines, translated to "\n" on the way in), "" for
// universal newlines kept as written, or the one ending used.
type stringIO struct {
	memFile[rune]
	newline *string
}

var typeStringIO = registerType(&pyType{name: "_io.StringIO", call: newStringIO})

func newStringIO(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("StringIO", args, kwargs, []string{"initial_value", "newline"}, 0)
	if err != nil {
		return nil, err
	}
	nl := "\n"
	f := &stringIO{newline: &nl}
	if p[1] != nil {
		switch v := p[1].(type) {
		case starlark.NoneType:
			f.newline = nil
		case starlark.String:
			switch s := string(v); s {
			case "", "\n", "\r", "\r\n":
				f.newline = &s
			default:
				return nil, pyErrorf("ValueError", "illegal newline value: %s", Repr(v))
			}
		default:
			return nil, pyErrorf("TypeError", "newline must be str or None, not %s", pyTypeName(v))
		}
	}
	if p[0] != nil && p[0] != starlark.None {
		s, ok := p[0].(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "initial_value must be str or None, not %s", pyTypeName(p[0]))
		}
		f.write(f.translate(string(s)))
		f.pos = 0
	}
	return f, nil
}

// translate is what a write stores, by the newline argument.
func (f *stringIO) translate(s string) []rune {
	switch {
	case f.newline == nil:
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	case *f.newline == "\r" || *f.newline == "\r\n":
		s = strings.ReplaceAll(s, "\n", *f.newline)
	}
	return []rune(s)
}

// lineEnd is where a line that ends at data[i] finishes, by newline.
func (f *stringIO) lineEnd(data []rune, i int) int {
	switch {
	case f.newline != nil && *f.newline == "":
		if data[i] == '\n' {
			return i + 1
		}
		if data[i] == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
	case f.newline != nil && *f.newline == "\r":
		if data[i] == '\r' {
			return i + 1
		}
	case f.newline != nil && *f.newline == "\r\n":
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			return i + 2
		}
	default:
		if data[i] == '\n' {
			return i + 1
		}
	}
	return -1
}

func (f *stringIO) String() string        { return f.Repr() }
func (f *stringIO) Repr() string          { return fmt.Sprintf("<_io.StringIO object at %#x>", addressOf(f)) }
func (f *stringIO) Type() string          { return "_io.StringIO" }
func (f *stringIO) Freeze()               {}
func (f *stringIO) Truth() starlark.Bool  { return true }
func (f *stringIO) Hash() (uint32, error) { return uint32(addressOf(f)), nil }
func (f *stringIO) isClosed() bool        { return f.closed }
func (f *stringIO) closedMessage() string { return "I/O operation on closed file" }

func (f *stringIO) Attr(name string) (starlark.Value, error) {
	switch name {
	case "closed":
		return starlark.Bool(f.closed), nil
	case "newlines", "encoding", "errors":
		return starlark.None, nil
	case "line_buffering":
		return starlark.False, nil
	}
	if m, ok := stringIOMethods.bind(f, name); ok {
		return m, nil
	}
	return nil, noAttr("_io.StringIO", name)
}

func (f *stringIO) AttrNames() []string {
	return stringIOMethods.names("closed", "encoding", "errors", "line_buffering", "newlines")
}

func (f *stringIO) next(*starlark.Thread) (starlark.Value, bool, error) {
	if err := checkOpen(f); err != nil {
		return nil, false, err
	}
	line := f.readline(-1, f.lineEnd)
	if len(line) == 0 {
		return nil, false, nil
	}
	return starlark.String(string(line)), true, nil
}

func (f *stringIO) Iterate() starlark.Iterator { return iterateNext(f) }

var stringIOMethods = newMethodSet("_io.StringIO", func() map[string]method {
	ms := ioCommon("StringIO", func(v starlark.Value) {
		f := v.(*stringIO)
		f.closed, f.data = true, nil
	})
	m := func(name string, min, max int, sig, doc string, fn func(f *stringIO, args starlark.Tuple) (starlark.Value, error)) {
		ms[name] = method{sig: sig, doc: doc, fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs("StringIO", name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			f := b.Receiver().(*stringIO)
			if err := checkOpen(f); err != nil {
				return nil, err
			}
			return fn(f, args)
		}}
	}
	m("write", 1, 1, "f.write(text) -> int", "Write text at the position and return how many characters.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		s, ok := args[0].(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "string argument expected, got '%s'", pyTypeName(args[0]))
		}
		f.write(f.translate(string(s)))
		return starlark.MakeInt(len([]rune(string(s)))), nil
	})
	m("writelines", 1, 1, "f.writelines(lines)", "Write each str of an iterable, adding nothing between them.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		return starlark.None, eachOf(args[0], func(v starlark.Value) error {
			s, ok := v.(starlark.String)
			if !ok {
				return pyErrorf("TypeError", "string argument expected, got '%s'", pyTypeName(v))
			}
			f.write(f.translate(string(s)))
			return nil
		})
	})
	m("read", 0, 1, "f.read([n]) -> str", "Up to n characters from the position (all that is left without n); '' at the end.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		n, err := sizeOrNone(args)
		if err != nil {
			return nil, err
		}
		return starlark.String(string(f.read(n))), nil
	})
	m("readline", 0, 1, "f.readline([size]) -> str", "One line, with its '\\n' (at most size characters); '' at the end.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		n, err := sizeOrNone(args)
		if err != nil {
			return nil, err
		}
		return starlark.String(string(f.readline(n, f.lineEnd))), nil
	})
	m("readlines", 0, 1, "f.readlines([hint]) -> list", "The remaining lines as a list.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && args[0] != starlark.None && !isPyInt(args[0]) {
			return nil, pyErrorf("TypeError", "argument should be integer or None, not '%s'", pyTypeName(args[0]))
		}
		hint, _ := hintArg(args)
		var lines []starlark.Value
		for total := 0; hint <= 0 || total < hint; {
			line := f.readline(-1, f.lineEnd)
			if len(line) == 0 {
				break
			}
			total += len(line)
			lines = append(lines, starlark.String(string(line)))
		}
		return starlark.NewList(lines), nil
	})
	m("getvalue", 0, 0, "f.getvalue() -> str", "Everything in the file, wherever the position is.", func(f *stringIO, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.String(string(f.data)), nil
	})
	m("tell", 0, 0, "f.tell() -> int", "The position, in characters.", func(f *stringIO, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt(f.pos), nil
	})
	m("truncate", 0, 1, "f.truncate([size]) -> int", "Cut the text to size characters (the position by default); the position stays.", func(f *stringIO, args starlark.Tuple) (starlark.Value, error) {
		size, err := truncateSize(args, f.pos, "Negative size value %d")
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(f.truncate(size)), nil
	})
	ms["seek"] = method{sig: "f.seek(pos[, whence]) -> int", doc: "Move the position: seek(0) to the start, seek(0, 2) to the end; text files allow no other relative seeks.", fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		pos, whence, err := seekArgs("StringIO", args, kwargs)
		if err != nil {
			return nil, err
		}
		f := b.Receiver().(*stringIO)
		if err := checkOpen(f); err != nil {
			return nil, err
		}
		switch whence {
		case 0:
			if pos < 0 {
				return nil, pyErrorf("ValueError", "Negative seek position %d", pos)
			}
		case 1, 2:
			if pos != 0 {
				// CPython 3.11 says "cur" for both.
				return nil, pyErrorf("OSError", "Can't do nonzero cur-relative seeks")
			}
			if whence == 2 {
				pos = len(f.data)
			} else {
				pos = f.pos
			}
		default:
			return nil, pyErrorf("ValueError", "Invalid whence (%d, should be 0, 1 or 2)", whence)
		}
		f.pos = pos
		return starlark.MakeInt(pos), nil
	}}
	return ms
}())

// truncateSize is truncate()'s size: the position when none is given;
// negative says how this file type words a negative size.
func truncateSize(args starlark.Tuple, pos int, negative string) (int, error) {
	if len(args) == 0 || args[0] == starlark.None {
		return pos, nil
	}
	n, err := sizeOrNone(args)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, pyErrorf("ValueError", negative, n)
	}
	return n, nil
}
