package repl

import "bytes"

// keySplitter turns what the terminal sends into the keys go-prompt reads,
// one at a time: a control key, an escape sequence, or a run of text.
// go-prompt treats each read as one key, so a paste became one line with
// raw \r inside, and keys sent faster than they are read merged.
//
// It also drops the escape sequences go-prompt does not know (F-keys and
// Alt-keys used to insert "?[24~" or "?x"), and understands bracketed
// paste: between ESC [200~ and ESC [201~ each pasted line is handed over
// whole as text (tabs kept, so indentation survives and Tab does not
// complete; other control characters dropped), followed by Enter, so the
// lines run as if typed. A paste of a copied session has its prompts and
// output taken out first (transcript, paste.go).
type keySplitter struct {
	pending []byte
	pasting bool
	queued  [][]byte // keys of pasted lines, handed over first
	session transcript
}

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// next returns the next key, calling read (non-blocking) for more input
// when needed; nil when nothing is waiting. known reports whether
// go-prompt knows an escape sequence.
func (k *keySplitter) next(read func() ([]byte, error), known func([]byte) bool) ([]byte, error) {
	for {
		if len(k.queued) > 0 {
			key := k.queued[0]
			k.queued = k.queued[1:]
			return key, nil
		}
		if k.pasting {
			if k.pastedLine() {
				continue
			}
			if more, err := k.readMore(read); !more {
				return nil, err
			}
			continue
		}
		if len(k.pending) == 0 {
			if more, err := k.readMore(read); !more {
				return nil, err
			}
		}
		n, complete := nextKey(k.pending)
		if !complete {
			// An escape sequence cut by the end of a read: wait for the rest
			// if it is coming, else take what there is.
			if more, _ := k.readMore(read); more {
				continue
			}
		}
		out := append([]byte(nil), k.pending[:n]...)
		k.pending = k.pending[n:]
		switch {
		case bytes.Equal(out, pasteStart):
			k.pasting, k.session = true, transcript{}
			continue
		case bytes.Equal(out, pasteEnd):
			continue
		case out[0] == 0x1b && len(out) > 1 && !known(out):
			continue // an F-key or Alt-key go-prompt has no use for
		}
		if len(out) == 1 && out[0] == '\n' {
			out[0] = '\r' // a pasted newline is Enter
		}
		if out[0] == '\r' && len(k.pending) > 0 && k.pending[0] == '\n' {
			k.pending = k.pending[1:]
		}
		return out, nil
	}
}

// readMore appends what read returns; false when nothing came.
func (k *keySplitter) readMore(read func() ([]byte, error)) (bool, error) {
	b, err := read()
	if err != nil || len(b) == 0 {
		return false, err
	}
	k.pending = append(k.pending, b...)
	return true, nil
}

// pastedLine takes the next pasted line from pending and queues its keys:
// its text with Enter, or at the end of the paste the text before the end
// marker, with no Enter. It reports false when more input is needed.
func (k *keySplitter) pastedLine() bool {
	end := bytes.Index(k.pending, pasteEnd)
	nl := bytes.IndexAny(k.pending, "\r\n")
	switch {
	case nl >= 0 && (end < 0 || nl < end):
		text := pastedText(k.pending[:nl])
		skip := nl + 1
		if k.pending[nl] == '\r' && skip < len(k.pending) && k.pending[skip] == '\n' {
			skip++
		}
		k.pending = k.pending[skip:]
		k.queue(k.session.take(text), true)
		return true
	case end >= 0:
		text := pastedText(k.pending[:end])
		k.pending = k.pending[end+len(pasteEnd):]
		k.pasting = false
		if text != nil {
			k.queue(k.session.take(text), false)
		}
		return true
	}
	return false
}

// queue adds the keys that type lines: each line's text and Enter (a blank
// line is Enter alone, which ends a block), except that the last line of
// a paste with no newline after it is left typed, without Enter.
func (k *keySplitter) queue(lines [][]byte, enter bool) {
	for i, l := range lines {
		last := i == len(lines)-1
		if l == nil {
			if enter || !last {
				k.queued = append(k.queued, []byte{'\r'})
			}
			continue
		}
		k.queued = append(k.queued, l)
		if enter || !last {
			k.queued = append(k.queued, []byte{'\r'})
		}
	}
}

// pastedText is a pasted line as text: tabs kept, other control characters
// dropped; nil when nothing but blanks is left.
func pastedText(line []byte) []byte {
	var out []byte
	for _, c := range line {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			continue
		}
		out = append(out, c)
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil
	}
	return out
}

// reset drops everything read but not yet handed over.
func (k *keySplitter) reset() {
	k.pending, k.pasting, k.queued = k.pending[:0], false, nil
}

// nextKey returns the length of the first key in b: a control byte, an
// escape sequence (CSI, SS3 or Alt+key), or a run of printable text.
// complete is false for a CSI sequence with its final byte not yet read.
func nextKey(b []byte) (n int, complete bool) {
	switch {
	case b[0] == 0x1b:
		if len(b) >= 2 && b[1] == '[' {
			for i := 2; i < len(b); i++ {
				if b[i] >= 0x40 && b[i] <= 0x7e {
					return i + 1, true
				}
			}
			return len(b), false
		}
		if len(b) >= 3 && b[1] == 'O' {
			return 3, true
		}
		return min(len(b), 2), len(b) >= 2
	case b[0] < 0x20 || b[0] == 0x7f:
		return 1, true
	}
	for i := 1; i < len(b); i++ {
		if b[i] < 0x20 || b[i] == 0x7f {
			return i, true
		}
	}
	return len(b), true
}
