package python

import (
	"fmt"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// socket.makefile's file objects, in CPython's three layers:
//
//	SocketIO        the raw file: one recv_into or send per call
//	BufferedReader  reads ahead into a buffer, so readline costs one
//	BufferedWriter  recv per buffer rather than per line; the writer
//	BufferedRWPair  keeps writes until flush(), close() or a full buffer
//	TextIOWrapper   str on top of a buffered file: encoding, newlines
//
// Each layer is a sockFile value with its own type (layer); all of them
// share one sockIO. As in CPython, the socket counts the files made from
// it (its io refs): socket.close() with a file still open leaves the
// descriptor open until the last file closes too. Every read waits
// through the socket's own recv, so Ctrl-C and the status line work as
// for recv().

const (
	layerRaw = iota
	layerReader
	layerWriter
	layerPair
	layerText
)

const defaultBufferSize = 8192 // io.DEFAULT_BUFFER_SIZE

// sockIO is the state every layer over one makefile() call shares.
type sockIO struct {
	in               *Interp
	sock             *socketValue   // the socket of makefile(); nil for a TextIOWrapper over buffer
	buffer           starlark.Value // io.TextIOWrapper(buffer): the binary file object wrapped
	reading, writing bool
	closed           bool // the raw file is closed
	timedOut         bool // a read timed out: later reads refuse
	bufSize          int
	rbuf             []byte // read ahead, not yet returned
	wbuf             []byte // written, not yet sent
	text             *textState
}

// sockFile is one layer as a Python object.
type sockFile struct {
	io    *sockIO
	layer int
	inner *sockFile // the buffer of a text file, the raw of a buffered one
	mode  string    // the text file's mode attribute, as makefile gave it
}

var (
	_ goValue    = (*sockFile)(nil)
	_ pyIterator = (*sockFile)(nil)
)

func (f *sockFile) goType() *goType { return sockFileTypes[f.layer] }
func (f *sockFile) Type() string    { return sockFileTypes[f.layer].tpName }
func (f *sockFile) Freeze()         {}
func (f *sockFile) Truth() starlark.Bool {
	return true
}
func (f *sockFile) Hash() (uint32, error) { return uint32(addressOf(f)), nil }
func (f *sockFile) String() string        { return f.Repr() }

func (f *sockFile) Repr() string {
	if f.io.buffer != nil && f.layer == layerText {
		return f.bufferRepr()
	}
	switch f.layer {
	case layerRaw:
		return fmt.Sprintf("<socket.SocketIO object at %#x>", addressOf(f))
	case layerPair:
		return fmt.Sprintf("<_io.BufferedRWPair object at %#x>", addressOf(f))
	case layerText:
		name := ""
		if f.inner.layer != layerPair {
			name = fmt.Sprintf("name=%d ", f.io.name())
		}
		return fmt.Sprintf("<_io.TextIOWrapper %smode=%s encoding=%s>", name, Repr(starlark.String(f.mode)), Repr(starlark.String(f.io.text.encoding)))
	}
	return fmt.Sprintf("<%s name=%d>", sockFileTypes[f.layer].qualified, f.io.name())
}

// name is SocketIO.name: the descriptor, -1 once the file is closed.
func (s *sockIO) name() int {
	if s.closed || s.sock == nil {
		return -1
	}
	return s.sock.s.Fileno()
}

func (s *sockIO) rawMode() string {
	switch {
	case s.reading && s.writing:
		return "rwb"
	case s.writing:
		return "wb"
	}
	return "rb"
}

func (f *sockFile) AttrNames() []string {
	return f.goType().names(sockFileAttrs[f.layer]...)
}

var sockFileAttrs = [...][]string{
	layerRaw:    {"closed", "mode", "name"},
	layerReader: {"closed", "mode", "name", "raw"},
	layerWriter: {"closed", "mode", "name", "raw"},
	layerPair:   {"closed"},
	layerText:   {"buffer", "closed", "encoding", "errors", "line_buffering", "mode", "name", "newlines"},
}

func (f *sockFile) Attr(name string) (starlark.Value, error) {
	for _, a := range sockFileAttrs[f.layer] {
		if a == name {
			return f.attr(name)
		}
	}
	if m := f.goType().method(f, name); m != nil {
		return m, nil
	}
	return nil, f.goType().noAttr(name)
}

func (f *sockFile) attr(name string) (starlark.Value, error) {
	switch name {
	case "closed":
		return starlark.Bool(f.io.closed), nil
	case "mode":
		if f.layer == layerText {
			return starlark.String(f.mode), nil
		}
		return starlark.String(f.io.rawMode()), nil
	case "name":
		if f.layer == layerText && f.inner.layer == layerPair {
			return nil, pyErrorf("AttributeError", "'_io.BufferedRWPair' object has no attribute 'name'")
		}
		return starlark.MakeInt(f.io.name()), nil
	case "raw", "buffer":
		if f.io.buffer != nil {
			return f.io.buffer, nil
		}
		return f.inner, nil
	case "encoding":
		return starlark.String(f.io.text.encoding), nil
	case "errors":
		return starlark.String(f.io.text.errors), nil
	case "line_buffering":
		return starlark.False, nil
	case "newlines":
		return f.io.text.newlines(), nil
	}
	return nil, f.goType().noAttr(name)
}

// SetField allows only the text file's mode, as makefile itself sets it.
func (f *sockFile) SetField(name string, v starlark.Value) error {
	if f.layer == layerText && name == "mode" {
		s, ok := v.(starlark.String)
		if !ok {
			return pyErrorf("TypeError", "mode must be str")
		}
		f.mode = string(s)
		return nil
	}
	return f.goType().noAttr(name)
}

// Iterate gives the file's lines to a Starlark builtin looping over it;
// a for statement goes through next (pyIterator), so a failed read is
// raised in the loop.
func (f *sockFile) Iterate() starlark.Iterator { return iterateNext(f) }

// checkIter is iter(f)'s check: a closed file has no lines.
func (f *sockFile) checkIter() error {
	if f.io.closed {
		return closedFile()
	}
	return nil
}

// next is next(f): a line, false at the end.
func (f *sockFile) next(thread *starlark.Thread) (starlark.Value, bool, error) {
	line, err := f.nextLine(thread)
	if err != nil || line == nil {
		return nil, false, err
	}
	return line, true, nil
}

// nextLine is __next__: a line, nil at the end.
func (f *sockFile) nextLine(thread *starlark.Thread) (starlark.Value, error) {
	if f.io.closed {
		return nil, closedFile()
	}
	line, err := f.readline(thread, -1)
	if err != nil {
		return nil, err
	}
	if v, ok := line.(starlark.String); ok && v == "" {
		return nil, nil
	}
	if v, ok := line.(starlark.Bytes); ok && v == "" {
		return nil, nil
	}
	return line, nil
}

func closedFile() error { return pyErrorf("ValueError", "I/O operation on closed file.") }

func unsupported(what string) error { return &PyError{Class: "io.UnsupportedOperation", Msg: what} }

// ---- the raw layer: socket.SocketIO ----

// rawRead is SocketIO.readinto: one recv_into of up to n bytes. none
// reports a non-blocking socket with nothing queued (Python's None).
func (s *sockIO) rawRead(n int) (data []byte, none bool, err error) {
	if s.closed {
		return nil, false, closedFile()
	}
	if !s.reading {
		return nil, false, unsupported("File or stream is not readable.")
	}
	if s.timedOut {
		return nil, false, pyErrorf("OSError", "cannot read from timed out object")
	}
	if n == 0 {
		return []byte{}, false, nil
	}
	if s.buffer != nil {
		return s.bufferRead(n)
	}
	buf := make([]byte, n)
	got, err := s.sock.s.RecvInto(buf, 0, 0)
	if err != nil {
		if sockets.IsTimeout(err) {
			s.timedOut = true
			return nil, false, err
		}
		if wouldBlock(err) {
			return nil, true, nil
		}
		return nil, false, err
	}
	return buf[:got:got], false, nil
}

// rawWrite is SocketIO.write: one send.
func (s *sockIO) rawWrite(p []byte) (n int, none bool, err error) {
	if s.closed {
		return 0, false, closedFile()
	}
	if !s.writing {
		return 0, false, unsupported("File or stream is not writable.")
	}
	if s.buffer != nil {
		return s.bufferWrite(p)
	}
	n, err = s.sock.s.Send(p, 0)
	if err != nil {
		if wouldBlock(err) {
			return 0, true, nil
		}
		return 0, false, err
	}
	return n, false, nil
}

// wouldBlock is a BlockingIOError (EAGAIN): SocketIO returns None then.
func wouldBlock(err error) bool {
	pe := asPyError(err)
	return pe.Class == "BlockingIOError" && pe.Errno == 11
}

// rawClose is SocketIO.close: the socket loses one io ref and closes if
// socket.close() was already asked for.
func (s *sockIO) rawClose() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.buffer != nil {
		_, err := s.bufferCall("close")
		return err
	}
	return s.sock.decref()
}

// ---- the buffered layer ----

// fill reads once into the read buffer; eof when the peer closed.
func (s *sockIO) fill(n int) (eof, none bool, err error) {
	data, none, err := s.rawRead(max(n, s.bufSize))
	if err != nil || none {
		return false, none, err
	}
	if len(data) == 0 {
		return true, false, nil
	}
	s.rbuf = append(s.rbuf, data...)
	return false, false, nil
}

// take removes and returns the first n bytes read ahead.
func (s *sockIO) take(n int) []byte {
	out := append([]byte(nil), s.rbuf[:n]...)
	s.rbuf = s.rbuf[n:]
	if len(s.rbuf) == 0 {
		s.rbuf = nil
	}
	return out
}

// bufRead is BufferedReader.read(n): n < 0 reads to the end. It returns
// nil with none when a non-blocking socket had nothing at all.
func (s *sockIO) bufRead(n int) (out []byte, none bool, err error) {
	for n < 0 || len(s.rbuf) < n {
		eof, none, err := s.fill(0)
		if err != nil {
			return nil, false, err
		}
		if eof || none {
			if none && len(s.rbuf) == 0 {
				return nil, true, nil
			}
			break
		}
	}
	if n < 0 || n > len(s.rbuf) {
		n = len(s.rbuf)
	}
	return s.take(n), false, nil
}

// bufRead1 is read1(n): what is buffered, or one read.
func (s *sockIO) bufRead1(n int) ([]byte, error) {
	if n < 0 {
		n = s.bufSize
	}
	if n == 0 {
		return []byte{}, nil
	}
	if len(s.rbuf) == 0 {
		if _, _, err := s.fill(n); err != nil {
			return nil, err
		}
	}
	return s.take(min(n, len(s.rbuf))), nil
}

// bufReadline is readline(limit): up to and including b'\n'.
func (s *sockIO) bufReadline(limit int) ([]byte, error) {
	scanned := 0
	for {
		for i := scanned; i < len(s.rbuf); i++ {
			if limit >= 0 && i >= limit {
				return s.take(limit), nil
			}
			if s.rbuf[i] == '\n' {
				return s.take(i + 1), nil
			}
		}
		scanned = len(s.rbuf)
		if limit >= 0 && scanned >= limit {
			return s.take(limit), nil
		}
		eof, none, err := s.fill(0)
		if err != nil {
			return nil, err
		}
		if eof || none {
			return s.take(len(s.rbuf)), nil
		}
	}
}

// bufWrite is BufferedWriter.write: keep the data while it fits in the
// buffer; otherwise send what is buffered, send directly whatever is
// still more than a buffer, and keep the rest.
func (s *sockIO) bufWrite(p []byte) error {
	if s.closed {
		return pyErrorf("ValueError", "write to closed file")
	}
	if len(s.wbuf)+len(p) <= s.bufSize {
		s.wbuf = append(s.wbuf, p...)
		return nil
	}
	if err := s.bufFlush(); err != nil {
		return err
	}
	for len(p) > s.bufSize {
		n, none, err := s.rawWrite(p)
		if err != nil {
			return err
		}
		if none {
			break
		}
		p = p[n:]
	}
	s.wbuf = append(s.wbuf, p...)
	return nil
}

// bufFlush sends everything buffered.
func (s *sockIO) bufFlush() error {
	for len(s.wbuf) > 0 {
		n, none, err := s.rawWrite(s.wbuf)
		if err != nil {
			return err
		}
		if none {
			return &PyError{Class: "BlockingIOError", Errno: 11, Msg: "[Errno 11] write could not complete without blocking"}
		}
		s.wbuf = s.wbuf[n:]
	}
	s.wbuf = nil
	return nil
}

// close is the close of any layer: flush what is pending, then close
// the raw file (even when the flush failed, as CPython does).
func (s *sockIO) close() error {
	if s.closed {
		return nil
	}
	var err error
	if s.writing {
		if s.text != nil {
			err = s.text.flushPending(s)
		}
		if err == nil {
			err = s.bufFlush()
		}
	}
	if cerr := s.rawClose(); err == nil {
		err = cerr
	}
	return err
}
