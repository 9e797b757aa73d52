package repl

import "bytes"

// transcript reads the lines of one bracketed paste and, when the paste
// is a copied interactive session (its first line starts with ">>>", as
// in the Python docs, the socket HOWTO or a lesson's code), gives back
// the code as it would have been typed, as IPython does: the ">>> " and
// "... " prompts are removed, and the lines without a prompt (what the
// session printed) are dropped. Python's own prompt does not do this
// (python3 -i runs ">>> x" as a SyntaxError), so line mode leaves pastes
// alone; only the terminal's keySplitter uses a transcript.
type transcript struct {
	started bool   // a line with something on it has been read
	on      bool   // the paste is a session: prompts are stripped
	margin  []byte // the indentation before the first >>> (a lesson's "  >>> ")
	cont    bool   // the last line kept was a "... " line: a block may be open
}

// take returns the lines to type for one pasted line (nil: a blank
// line): none for an output line, one usually, and a blank one first when
// an output line or a new ">>>" shows that a block just ended.
func (tr *transcript) take(line []byte) [][]byte {
	if !tr.started {
		if len(bytes.TrimSpace(line)) == 0 {
			return [][]byte{nil}
		}
		tr.started = true
		trimmed := bytes.TrimLeft(line, " \t")
		if isPrompt(trimmed, ">>>") {
			tr.on = true
			tr.margin = append([]byte(nil), line[:len(line)-len(trimmed)]...)
		}
	}
	if !tr.on {
		return [][]byte{line}
	}
	line = bytes.TrimPrefix(line, tr.margin)
	var out [][]byte
	switch {
	case isPrompt(line, ">>>"):
		if tr.cont {
			out = append(out, nil) // the block above ended without a bare "..."
		}
		tr.cont = false
		return append(out, afterPrompt(line))
	case isPrompt(line, "..."):
		code := afterPrompt(line)
		tr.cont = code != nil
		return [][]byte{code}
	}
	// Output (or a blank line between examples): dropped. It also shows
	// that the block above has run.
	if tr.cont {
		out = append(out, nil)
	}
	tr.cont = false
	return out
}

// isPrompt reports whether line starts with the prompt p followed by a
// space, or is just p.
func isPrompt(line []byte, p string) bool {
	return bytes.HasPrefix(line, []byte(p+" ")) || bytes.Equal(bytes.TrimRight(line, " \t"), []byte(p))
}

// afterPrompt is the code after a prompt and its space; nil when blank.
func afterPrompt(line []byte) []byte {
	code := line[min(4, len(line)):]
	if len(bytes.TrimSpace(code)) == 0 {
		return nil
	}
	return code
}
