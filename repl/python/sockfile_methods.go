package python

import (
	"go.starlark.net/starlark"
)

// The methods of socket files, shared by the layers; each checks what
// its layer allows, with CPython's messages.

type fileMethod = func(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func fm(name string, fn fileMethod, sig, doc string) goMethod {
	return goMethod{name: name, sig: sig, doc: doc, fn: func(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fn(thread, recv.(*sockFile), args, kwargs)
	}}
}

var (
	mRead       = fm("read", fileRead, "f.read(size=-1)", "Read up to size bytes (characters for a text file), waiting until that many came or the peer closed; read() reads until the peer closes.")
	mRead1      = fm("read1", fileRead1, "f.read1(size=-1) -> bytes", "What is buffered, or else one recv: never waits twice.")
	mReadline   = fm("readline", fileReadline, "f.readline(size=-1)", "One line, up to and including its newline, waiting for more data until it comes; '' or b'' when the peer has closed.")
	mReadlines  = fm("readlines", fileReadlines, "f.readlines(hint=-1) -> list", "Every line until the peer closes.")
	mPeek       = fm("peek", filePeek, "f.peek(size=0) -> bytes", "The bytes buffered, reading once if there are none, without consuming them.")
	mReadinto   = fm("readinto", fileReadinto, "f.readinto(buffer) -> int", "Read into a bytearray; returns how many bytes came.")
	mWrite      = fm("write", fileWrite, "f.write(data) -> int", "Add data to the buffer (str for a text file, bytes otherwise). It is sent when the buffer fills, or on flush() or close(): forget both and the peer never sees it.")
	mWritelines = fm("writelines", fileWritelines, "f.writelines(lines)", "write() each item in turn; no newlines are added.")
	mFlush      = fm("flush", fileFlush, "f.flush()", "Send everything written so far.")
	mClose      = fm("close", fileClose, "f.close()", "Flush, then close the file. The socket stays open until it is closed too (and its descriptor until both are).")
	mReadable   = fm("readable", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return starlark.Bool(f.io.reading), nil
	}, "f.readable() -> bool", "Whether the file was made for reading ('r' in the mode).")
	mWritable = fm("writable", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return starlark.Bool(f.io.writing), nil
	}, "f.writable() -> bool", "Whether the file was made for writing ('w' in the mode).")
	mSeekable = fm("seekable", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return starlark.False, nil
	}, "f.seekable() -> False", "A socket is a stream: there is no going back.")
	mIsatty = fm("isatty", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return starlark.False, nil
	}, "f.isatty() -> False", "A socket is not a terminal.")
	mFileno = fm("fileno", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.layer == layerPair || (f.layer == layerText && f.inner.layer == layerPair) {
			return nil, unsupported("fileno")
		}
		if f.io.closed {
			return nil, closedFile()
		}
		if f.io.buffer != nil {
			return f.io.bufferCall("fileno")
		}
		return starlark.MakeInt(f.io.sock.s.Fileno()), nil
	}, "f.fileno() -> int", "The socket's descriptor, so select() and selectors accept the file.")
	mSeek = fm("seek", fileNoSeek, "", "")
	mTell = fm("tell", fileNoSeek, "", "")
	mIter = fm("__iter__", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return f, nil
	}, "", "")
	mNext = fm("__next__", func(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		line, err := f.nextLine(thread)
		if err != nil {
			return nil, err
		}
		if line == nil {
			return nil, &PyError{Class: "StopIteration"}
		}
		return line, nil
	}, "", "")
	mEnter = fm("__enter__", func(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.io.closed {
			return nil, closedFile()
		}
		return f, nil
	}, "with s.makefile() as f: ...", "A file is a context manager: leaving the block flushes and closes it.")
	mExit = fm("__exit__", func(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fileClose(thread, f, nil, nil)
	}, "", "")
)

var sockFileTypes = [...]*goType{
	layerRaw: newGoType("socket.SocketIO", "SocketIO", "A raw socket file (makefile with buffering=0): each read is one recv_into, each write one send.",
		mRead, mReadinto, mReadline, mReadlines, mWrite, mWritelines, mFlush, mClose, mReadable, mWritable, mSeekable, mIsatty, mFileno, mSeek, mTell, mIter, mNext, mEnter, mExit),
	layerReader: newGoType("_io.BufferedReader", "_io.BufferedReader", "A socket file for reading bytes (makefile('rb')): it reads ahead a buffer at a time, so readline() costs one recv per buffer.",
		mRead, mRead1, mReadline, mReadlines, mPeek, mReadinto, mWrite, mFlush, mClose, mReadable, mWritable, mSeekable, mIsatty, mFileno, mSeek, mTell, mIter, mNext, mEnter, mExit),
	layerWriter: newGoType("_io.BufferedWriter", "_io.BufferedWriter", "A socket file for writing bytes (makefile('wb')): writes wait in a buffer until it fills, flush() or close().",
		mRead, mReadline, mWrite, mWritelines, mFlush, mClose, mReadable, mWritable, mSeekable, mIsatty, mFileno, mSeek, mTell, mEnter, mExit),
	layerPair: newGoType("_io.BufferedRWPair", "_io.BufferedRWPair", "A socket file for reading and writing bytes (makefile('rwb')).",
		mRead, mRead1, mReadline, mReadlines, mPeek, mReadinto, mWrite, mWritelines, mFlush, mClose, mReadable, mWritable, mIsatty, mFileno, mIter, mNext, mEnter, mExit),
	layerText: newGoType("_io.TextIOWrapper", "_io.TextIOWrapper", "A socket file for text (makefile('r') or 'w'): str in and out, encoded and decoded, lines split by newline.",
		mRead, mReadline, mReadlines, mWrite, mWritelines, mFlush, mClose, mReadable, mWritable, mSeekable, mIsatty, mFileno, mSeek, mTell, mIter, mNext, mEnter, mExit),
}

func fileNoSeek(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if f.layer == layerText {
		return nil, unsupported("underlying stream is not seekable")
	}
	return nil, unsupported("seek")
}

// fileSizeArg reads an optional size: an int, or None for -1.
func fileSizeArg(f *sockFile, fn string, args starlark.Tuple, kwargs []starlark.Tuple, def int) (int, error) {
	if err := noKwargs(fn, kwargs); err != nil {
		return 0, err
	}
	if len(args) > 1 {
		return 0, pyErrorf("TypeError", "%s expected at most 1 argument, got %d", fn, len(args))
	}
	if len(args) == 0 || args[0] == starlark.None {
		if len(args) == 1 && f.layer == layerText && fn == "readline" {
			return 0, pyErrorf("TypeError", "'NoneType' object cannot be interpreted as an integer")
		}
		return def, nil
	}
	if !isPyInt(args[0]) {
		if f.layer == layerText && fn == "readline" {
			return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(args[0]))
		}
		return 0, pyErrorf("TypeError", "argument should be integer or None, not '%s'", pyTypeName(args[0]))
	}
	n, ok := smallIntOf(args[0])
	if !ok {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

// checkRead is what a read on each layer says when it cannot.
func (f *sockFile) checkRead(what string) error {
	if f.layer == layerWriter {
		return unsupported("read")
	}
	if f.io.closed {
		if f.layer == layerReader || f.layer == layerPair {
			return pyErrorf("ValueError", "%s of closed file", what)
		}
		return closedFile()
	}
	if !f.io.reading {
		if f.layer == layerText {
			return unsupported("not readable")
		}
		return unsupported("File or stream is not readable.")
	}
	return nil
}

func bytesOrNone(p []byte, none bool) starlark.Value {
	if none {
		return starlark.None
	}
	return starlark.Bytes(p)
}

func fileRead(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := fileSizeArg(f, "read", args, kwargs, -1)
	if err != nil {
		return nil, err
	}
	if err := f.checkRead("read"); err != nil {
		return nil, err
	}
	switch f.layer {
	case layerText:
		s, err := f.io.text.read(f.io, n)
		return starlark.String(s), err
	case layerRaw:
		if n >= 0 {
			p, none, err := f.io.rawRead(n)
			if err != nil {
				return nil, err
			}
			return bytesOrNone(p, none), nil
		}
		var all []byte
		for {
			p, none, err := f.io.rawRead(defaultBufferSize)
			if err != nil {
				return nil, err
			}
			if none {
				if all == nil {
					return starlark.None, nil
				}
				return starlark.Bytes(all), nil
			}
			if len(p) == 0 {
				return starlark.Bytes(all), nil
			}
			all = append(all, p...)
		}
	}
	p, none, err := f.io.bufRead(n)
	if err != nil {
		return nil, err
	}
	return bytesOrNone(p, none), nil
}

func fileRead1(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := fileSizeArg(f, "read1", args, kwargs, -1)
	if err != nil {
		return nil, err
	}
	if err := f.checkRead("read"); err != nil {
		return nil, err
	}
	p, err := f.io.bufRead1(n)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(p), nil
}

func filePeek(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := fileSizeArg(f, "peek", args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := f.checkRead("peek"); err != nil {
		return nil, err
	}
	if len(f.io.rbuf) == 0 {
		if _, _, err := f.io.fill(0); err != nil {
			return nil, err
		}
	}
	return starlark.Bytes(append([]byte(nil), f.io.rbuf...)), nil
}

func (f *sockFile) readline(_ *starlark.Thread, limit int) (starlark.Value, error) {
	if err := f.checkRead("readline"); err != nil {
		return nil, err
	}
	switch f.layer {
	case layerText:
		s, err := f.io.text.readline(f.io, limit)
		return starlark.String(s), err
	case layerRaw:
		// IOBase.readline on a raw file reads one byte at a time.
		var line []byte
		for limit < 0 || len(line) < limit {
			p, none, err := f.io.rawRead(1)
			if err != nil {
				return nil, err
			}
			if none || len(p) == 0 {
				break
			}
			line = append(line, p...)
			if p[0] == '\n' {
				break
			}
		}
		return starlark.Bytes(line), nil
	}
	p, err := f.io.bufReadline(limit)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(p), nil
}

func fileReadline(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := fileSizeArg(f, "readline", args, kwargs, -1)
	if err != nil {
		return nil, err
	}
	return f.readline(thread, n)
}

func fileReadlines(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	hint, err := fileSizeArg(f, "readlines", args, kwargs, -1)
	if err != nil {
		return nil, err
	}
	if f.io.closed {
		return nil, closedFile()
	}
	var lines []starlark.Value
	total := 0
	for {
		line, err := f.nextLine(thread)
		if err != nil {
			return nil, err
		}
		if line == nil {
			break
		}
		lines = append(lines, line)
		total += starlark.Len(line)
		if hint > 0 && total >= hint {
			break
		}
	}
	return starlark.NewList(lines), nil
}

func fileReadinto(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("readinto", args, kwargs)
	if err != nil {
		return nil, err
	}
	buf, ok := v.(*byteArray)
	if !ok {
		return nil, pyErrorf("TypeError", "readinto() argument must be read-write bytes-like object, not %s", pyTypeName(v))
	}
	if err := f.checkRead("readinto"); err != nil {
		return nil, err
	}
	var p []byte
	var none bool
	if f.layer == layerRaw {
		p, none, err = f.io.rawRead(len(buf.b))
	} else {
		p, none, err = f.io.bufRead(len(buf.b))
	}
	if err != nil {
		return nil, err
	}
	if none {
		return starlark.None, nil
	}
	copy(buf.b, p)
	return starlark.MakeInt(len(p)), nil
}

func fileWrite(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noKwargs("write", kwargs); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "write() takes exactly one argument (%d given)", len(args))
	}
	return f.write(args[0])
}

func (f *sockFile) write(v starlark.Value) (starlark.Value, error) {
	if f.layer == layerText {
		s, ok := v.(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "write() argument must be str, not %s", pyTypeName(v))
		}
		if err := f.io.text.write(f.io, string(s)); err != nil {
			return nil, err
		}
		return starlark.MakeInt(len([]rune(string(s)))), nil
	}
	if f.layer == layerReader {
		if f.io.closed {
			return nil, closedFile()
		}
		return nil, unsupported("write")
	}
	data, err := dataArg(v)
	if err != nil {
		return nil, err
	}
	if f.layer == layerRaw {
		n, none, err := f.io.rawWrite(data)
		if err != nil {
			return nil, err
		}
		if none {
			return starlark.None, nil
		}
		return starlark.MakeInt(n), nil
	}
	if !f.io.closed && !f.io.writing {
		return nil, unsupported("File or stream is not writable.")
	}
	if err := f.io.bufWrite(data); err != nil {
		return nil, err
	}
	return starlark.MakeInt(len(data)), nil
}

func fileWritelines(thread *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("writelines", args, kwargs)
	if err != nil {
		return nil, err
	}
	if f.io.closed {
		return nil, closedFile()
	}
	items, err := collect(thread, v)
	if err != nil {
		return nil, err
	}
	for _, item := range items {
		if _, err := f.write(item); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func fileFlush(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "flush() takes no arguments (%d given)", len(args)+len(kwargs))
	}
	if f.io.closed {
		if f.layer == layerReader || f.layer == layerWriter || f.layer == layerPair {
			return nil, pyErrorf("ValueError", "flush of closed file")
		}
		return nil, closedFile()
	}
	if f.io.text != nil {
		if err := f.io.text.flushPending(f.io); err != nil {
			return nil, err
		}
	}
	return starlark.None, f.io.bufFlush()
}

func fileClose(_ *starlark.Thread, f *sockFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "close() takes no arguments (%d given)", len(args)+len(kwargs))
	}
	return starlark.None, f.io.close()
}
