package python

import (
	"strings"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"
)

// sockMakefile is socket.makefile(mode='r', buffering=None, *,
// encoding=None, errors=None, newline=None), with socket.py's checks.
func sockMakefile(thread *starlark.Thread, v *socketValue, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals, err := bindArgs("socket.makefile", true, args, kwargs, "mode?", "buffering?", "*encoding?", "*errors?", "*newline?")
	if err != nil {
		return nil, err
	}
	mode := "r"
	if vals[0] != nil {
		m, ok := vals[0].(starlark.String)
		if !ok {
			if _, iterable := vals[0].(starlark.Iterable); !iterable {
				return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(vals[0]))
			}
			return nil, pyErrorf("ValueError", "invalid mode %s (only r, w, b allowed)", Repr(vals[0]))
		}
		mode = string(m)
	}
	if strings.Trim(mode, "rwb") != "" {
		return nil, pyErrorf("ValueError", "invalid mode %s (only r, w, b allowed)", Repr(starlark.String(mode)))
	}
	writing := strings.Contains(mode, "w")
	reading := strings.Contains(mode, "r") || !writing
	binary := strings.Contains(mode, "b")
	buffering := -1
	if b := orNone(vals[1]); b != starlark.None {
		if !isPyInt(b) {
			return nil, pyErrorf("TypeError", "'<' not supported between instances of '%s' and 'int'", pyTypeName(b))
		}
		n, ok := smallIntOf(b)
		if !ok {
			return nil, pyErrorf("OverflowError", "Python int too large to convert to C ssize_t")
		}
		buffering = int(n)
	}
	if buffering < 0 {
		buffering = defaultBufferSize
	}
	if buffering == 0 && !binary {
		return nil, pyErrorf("ValueError", "unbuffered streams must be binary")
	}
	var text *textState
	if !binary {
		if text, err = newTextState(vals[2], vals[3], vals[4]); err != nil {
			return nil, err
		}
	}
	s := &sockIO{in: interpOf(thread), sock: v, reading: reading, writing: writing, bufSize: buffering, text: text}
	v.ioRefs++
	raw := &sockFile{io: s, layer: layerRaw}
	if buffering == 0 {
		return raw, nil
	}
	buf := &sockFile{io: s, inner: raw, layer: layerReader}
	switch {
	case reading && writing:
		buf.layer = layerPair
	case writing:
		buf.layer = layerWriter
	}
	if binary {
		return buf, nil
	}
	return &sockFile{io: s, inner: buf, layer: layerText, mode: mode}, nil
}

// newTextState checks TextIOWrapper's encoding, errors and newline.
func newTextState(encoding, errs, newline starlark.Value) (*textState, error) {
	t := &textState{encoding: "utf-8", codec: "utf-8", errors: "strict"}
	str := func(v starlark.Value, name string) (*string, error) {
		switch x := orNone(v).(type) {
		case starlark.NoneType:
			return nil, nil
		case starlark.String:
			s := string(x)
			return &s, nil
		}
		return nil, pyErrorf("TypeError", "TextIOWrapper() argument '%s' must be str or None, not %s", name, pyTypeName(v))
	}
	enc, err := str(encoding, "encoding")
	if err != nil {
		return nil, err
	}
	if enc != nil {
		if t.codec, err = normEncoding(*enc); err != nil {
			return nil, err
		}
		t.encoding = *enc
	}
	e, err := str(errs, "errors")
	if err != nil {
		return nil, err
	}
	if e != nil {
		t.errors = *e
	}
	if t.newline, err = str(newline, "newline"); err != nil {
		return nil, err
	}
	if nl := t.newline; nl != nil && *nl != "" && *nl != "\n" && *nl != "\r" && *nl != "\r\n" {
		return nil, pyErrorf("ValueError", "illegal newline value: %s", *nl)
	}
	return t, nil
}

// sockSendfile is socket.sendfile(file, offset=0, count=None). With no
// regular files in this shell, it is socket.py's fallback: file.read()
// in blocks of 8192 bytes, each sent with send(), then file.seek() to
// where the sending stopped.
func sockSendfile(thread *starlark.Thread, v *socketValue, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals, err := bindArgs("socket.sendfile", true, args, kwargs, "file", "offset?", "count?")
	if err != nil {
		return nil, err
	}
	file, offsetV, countV := vals[0], vals[1], orNone(vals[2])
	if offsetV == nil {
		offsetV = starlark.MakeInt(0)
	}
	// _check_sendfile_params
	if m, err := getAttr(file, "mode"); err == nil {
		if m, ok := m.(starlark.String); ok && !strings.Contains(string(m), "b") {
			return nil, pyErrorf("ValueError", "file should be opened in binary mode")
		}
	}
	if v.s.Type()&unix.SOCK_STREAM == 0 {
		return nil, pyErrorf("ValueError", "only SOCK_STREAM type sockets are supported")
	}
	count := 0
	if countV != starlark.None {
		if !isPyInt(countV) {
			return nil, pyErrorf("TypeError", "count must be a positive integer (got %s)", Repr(countV))
		}
		n, ok := smallIntOf(countV)
		if !ok || n <= 0 {
			if ok {
				return nil, pyErrorf("ValueError", "count must be a positive integer (got %s)", Repr(countV))
			}
			n = 1 << 62
		}
		count = int(n)
	}
	// A file with a descriptor (another socket's file, sys.stdin) is not
	// a regular file: os.fstat gives size 0, and CPython sends nothing.
	if fileno, err := getAttr(file, "fileno"); err == nil {
		if _, err := starlark.Call(thread, fileno, nil, nil); err == nil {
			return starlark.MakeInt(0), nil
		}
	}
	if t := v.s.Gettimeout(); t != nil && *t == 0 {
		return nil, pyErrorf("ValueError", "non-blocking sockets are not supported")
	}
	offset, _ := smallIntOf(offsetV)
	if offsetV.Truth() {
		if err := callMethod(thread, file, "seek", offsetV); err != nil {
			return nil, err
		}
	}
	block := 8192
	if count > 0 {
		block = min(count, 8192)
	}
	total := 0
	read, err := getAttr(file, "read")
	if err != nil {
		return nil, err
	}
	err = func() error {
		for {
			if count > 0 {
				block = min(count-total, block)
				if block <= 0 {
					return nil
				}
			}
			r, err := starlark.Call(thread, read, starlark.Tuple{starlark.MakeInt(block)}, nil)
			if err != nil {
				return err
			}
			data, err := dataArg(r)
			if err != nil {
				return pyErrorf("TypeError", "memoryview: a bytes-like object is required, not '%s'", pyTypeName(r))
			}
			if len(data) == 0 {
				return nil
			}
			for len(data) > 0 {
				n, err := v.s.Send(data, 0)
				if err != nil {
					if wouldBlock(err) {
						continue
					}
					return err
				}
				total += n
				data = data[n:]
			}
		}
	}()
	if total > 0 {
		if _, serr := getAttr(file, "seek"); serr == nil {
			if serr := callMethod(thread, file, "seek", starlark.MakeInt64(offset+int64(total))); err == nil {
				err = serr
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(total), nil
}

// callMethod calls obj.name(args...).
func callMethod(thread *starlark.Thread, obj starlark.Value, name string, args ...starlark.Value) error {
	m, err := getAttr(obj, name)
	if err != nil {
		return err
	}
	_, err = starlark.Call(thread, m, args, nil)
	return err
}
