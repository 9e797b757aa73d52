package python

import (
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// textState is what TextIOWrapper adds over the buffered file: the codec,
// the newline rules, decoded text not yet returned, and encoded text not
// yet handed to the buffer.
type textState struct {
	encoding string  // as given ("utf-8" by default)
	codec    string  // normalized: utf-8, ascii, latin-1
	errors   string  // "strict" by default
	newline  *string // nil is None: universal newlines, translated
	decoded  string  // decoded, not yet returned
	partial  []byte  // the start of a character split between reads
	pendCR   bool    // a '\r' at the end of a read, waiting for a '\n'
	seen     int     // newline kinds seen: 1 '\r', 2 '\n', 4 '\r\n'
	pending  []byte  // encoded writes not yet given to the buffer
}

const textChunk = 8192 // TextIOWrapper's _CHUNK_SIZE

// universal reports whether lines may end in '\r', '\n' or '\r\n'.
func (t *textState) universal() bool { return t.newline == nil || *t.newline == "" }

// decode turns bytes from the buffer into text, keeping an incomplete
// character and a trailing '\r' for the next read unless final.
func (t *textState) decode(p []byte, final bool) error {
	data := append(t.partial, p...)
	t.partial = nil
	cut := len(data)
	if t.codec == "utf-8" && !final {
		cut -= incompleteUTF8(data)
	}
	s, err := decodeBytes(data[:cut], t.codec, t.errors)
	if err != nil {
		return err
	}
	t.partial = append([]byte(nil), data[cut:]...)
	if t.universal() {
		if t.pendCR {
			s = "\r" + s
			t.pendCR = false
		}
		if !final && strings.HasSuffix(s, "\r") {
			s = s[:len(s)-1]
			t.pendCR = true
		}
		t.record(s)
		if t.newline == nil {
			s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		}
	}
	t.decoded += s
	return nil
}

// incompleteUTF8 is how many bytes at the end of p start a character
// that the next read may complete.
func incompleteUTF8(p []byte) int {
	for k := 1; k <= 3 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 {
			if n, reason := utf8Seq(p[len(p)-k:]); reason == "unexpected end of data" && n == k {
				return k
			}
			return 0
		}
	}
	return 0
}

func (t *textState) record(s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			t.seen |= 2
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				t.seen |= 4
				i++
			} else {
				t.seen |= 1
			}
		}
	}
}

// newlines is TextIOWrapper.newlines: the kinds of line ending read so far.
func (t *textState) newlines() starlark.Value {
	if !t.universal() {
		return starlark.None
	}
	cr, lf, crlf := starlark.String("\r"), starlark.String("\n"), starlark.String("\r\n")
	return [...]starlark.Value{starlark.None, cr, lf, starlark.Tuple{cr, lf}, crlf,
		starlark.Tuple{cr, crlf}, starlark.Tuple{lf, crlf}, starlark.Tuple{cr, lf, crlf}}[t.seen]
}

// lineEnd finds the end of the first line in t.decoded (just past its
// terminator), or -1.
func (t *textState) lineEnd() int {
	s := t.decoded
	switch {
	case t.newline == nil || *t.newline == "\n":
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			return i + 1
		}
	case *t.newline == "":
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			return -1
		}
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			return i + 2
		}
		return i + 1 // a '\r' at the very end is only kept there at EOF
	default:
		if i := strings.Index(s, *t.newline); i >= 0 {
			return i + len(*t.newline)
		}
	}
	return -1
}

// takeChars removes and returns the first n characters of t.decoded.
func (t *textState) takeChars(n int) string {
	i := 0
	for k := 0; k < n && i < len(t.decoded); k++ {
		_, size := utf8.DecodeRuneInString(t.decoded[i:])
		i += size
	}
	out := t.decoded[:i]
	t.decoded = t.decoded[i:]
	return out
}

// readChunk decodes one more read of the buffer; eof at the end.
func (t *textState) readChunk(s *sockIO) (eof bool, err error) {
	data, err := s.bufRead1(textChunk)
	if err != nil {
		return false, err
	}
	if len(data) == 0 {
		return true, t.decode(nil, true)
	}
	return false, t.decode(data, false)
}

// readline is TextIOWrapper.readline(limit).
func (t *textState) readline(s *sockIO, limit int) (string, error) {
	for {
		if e := t.lineEnd(); e >= 0 {
			if limit >= 0 && utf8.RuneCountInString(t.decoded[:e]) > limit {
				return t.takeChars(limit), nil
			}
			out := t.decoded[:e]
			t.decoded = t.decoded[e:]
			return out, nil
		}
		if limit >= 0 && utf8.RuneCountInString(t.decoded) >= limit {
			return t.takeChars(limit), nil
		}
		eof, err := t.readChunk(s)
		if err != nil {
			return "", err
		}
		if eof {
			if e := t.lineEnd(); e >= 0 {
				continue
			}
			out := t.decoded
			if limit >= 0 {
				out = t.takeChars(limit)
			} else {
				t.decoded = ""
			}
			return out, nil
		}
	}
}

// read is TextIOWrapper.read(n); n < 0 reads to the end.
func (t *textState) read(s *sockIO, n int) (string, error) {
	if n < 0 {
		data, _, err := s.bufRead(-1)
		if err != nil {
			return "", err
		}
		if err := t.decode(data, true); err != nil {
			return "", err
		}
		out := t.decoded
		t.decoded = ""
		return out, nil
	}
	for utf8.RuneCountInString(t.decoded) < n {
		eof, err := t.readChunk(s)
		if err != nil {
			return "", err
		}
		if eof {
			break
		}
	}
	return t.takeChars(n), nil
}

// write is TextIOWrapper.write: translate '\n', encode, and keep up to a
// chunk before handing it to the buffer, as CPython's C version does.
func (t *textState) write(s *sockIO, text string) error {
	if s.closed {
		return closedFile()
	}
	if !s.writing {
		return unsupported("not writable")
	}
	// As CPython's TextIOWrapper does, a write drops the text decoded
	// ahead of the reader and resets the decoder: on a makefile('rw')
	// file, lines already received but not yet read are lost.
	t.decoded, t.partial, t.pendCR = "", nil, false
	if t.newline == nil || (*t.newline != "" && *t.newline != "\n") {
		nl := "\n"
		if t.newline != nil {
			nl = *t.newline
		}
		text = strings.ReplaceAll(text, "\n", nl)
	}
	data, err := encodeString(text, t.codec, t.errors)
	if err != nil {
		return err
	}
	if len(t.pending)+len(data) > textChunk {
		if err := t.flushPending(s); err != nil {
			return err
		}
	}
	t.pending = append(t.pending, data...)
	if len(t.pending) >= textChunk {
		return t.flushPending(s)
	}
	return nil
}

// flushPending hands the encoded text to the buffer.
func (t *textState) flushPending(s *sockIO) error {
	if len(t.pending) == 0 {
		return nil
	}
	p := t.pending
	t.pending = nil
	return s.bufWrite(p)
}
