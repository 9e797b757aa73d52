package translate

import (
	"strings"

	"sockrepl/repl/python/translate/pyparse"
)

// Chunker groups typed lines into statements the way Python's interactive
// loop does: a line that opens a block (ends with ':') collects lines until
// a blank one; unclosed brackets, strings or a trailing backslash collect
// lines until they close; anything else runs at once.
type Chunker struct {
	lines []string
	block bool
}

// Pending reports whether a statement is half typed (the prompt shows "...").
func (c *Chunker) Pending() bool { return len(c.lines) > 0 }

// Reset drops a half-typed statement (Ctrl-C at a "..." prompt).
func (c *Chunker) Reset() { c.lines, c.block = nil, false }

// Chunk is one statement or block as typed, complete.
type Chunk struct {
	Src string
	// Err is set when the lines can never form a statement (a block
	// followed by a dedented statement with no blank line between, which
	// Python's prompt rejects): it is reported instead of running Src.
	Err *Error
}

// Add takes one line and returns a complete chunk when there is one.
func (c *Chunker) Add(line string) (Chunk, bool) {
	line = strings.TrimRight(line, "\r\n")
	blank := strings.TrimSpace(line) == ""
	if len(c.lines) == 0 && blank {
		return Chunk{}, false
	}
	if len(c.lines) == 0 && strings.HasPrefix(strings.TrimSpace(line), "%") {
		return Chunk{Src: line}, true // a % command is one line, whatever brackets its file name holds
	}
	if c.block && blank && !openBrackets(strings.Join(c.lines, "\n")) {
		return c.Flush(), true
	}
	c.lines = append(c.lines, line)
	text := strings.Join(c.lines, "\n")
	if openBrackets(text) {
		return Chunk{}, false
	}
	if !c.block && (opensBlock(line) || isDecorator(line)) {
		c.block = true
	}
	if c.block {
		if len(c.lines) > 1 && dedented(line) && !isClauseContinuation(line) && !isDecorator(c.lines[len(c.lines)-2]) {
			// Python rejects a new statement right after a block without a
			// blank line; run it whole so the parser reports it.
			c.block = false
			return blockThenStatement(c.Flush().Src), true
		}
		return Chunk{}, false
	}
	return c.Flush(), true
}

// blockThenStatement is the chunk for a block followed by a dedented
// statement without a blank line: a SyntaxError at Python's prompt, or
// the IndentationError of an empty block when the block has no body.
func blockThenStatement(src string) Chunk {
	if _, err := pyparse.Parse("<stdin>", src); err != nil {
		if e, ok := err.(*pyparse.Error); ok && e.Kind == "IndentationError" {
			return Chunk{Src: src, Err: &Error{Class: e.Kind, Msg: e.Msg}}
		}
	}
	return Chunk{Src: src, Err: &Error{Class: "SyntaxError", Msg: "invalid syntax"}}
}

// Flush returns what has been typed as a chunk, complete or not (the end
// of input), and starts afresh.
func (c *Chunker) Flush() Chunk {
	text := strings.Join(c.lines, "\n")
	c.Reset()
	return Chunk{Src: text}
}

func opensBlock(line string) bool {
	code := stripComment(line)
	return strings.HasSuffix(strings.TrimSpace(code), ":")
}

// isDecorator reports a decorator line: the def or class it decorates
// follows, so the statement is not complete yet.
func isDecorator(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "@")
}

func dedented(line string) bool {
	return line != "" && line[0] != ' ' && line[0] != '\t'
}

func isClauseContinuation(line string) bool {
	word := strings.TrimSpace(line)
	for _, kw := range []string{"else", "elif", "except", "finally"} {
		if strings.HasPrefix(word, kw) {
			rest := word[len(kw):]
			if rest == "" || rest[0] == ':' || rest[0] == ' ' || rest[0] == '(' {
				return true
			}
		}
	}
	return false
}

// stripComment removes a trailing # comment that is not inside a string.
func stripComment(line string) string {
	var quote byte
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case quote != 0 && ch == '\\':
			i++
		case quote != 0 && ch == quote:
			quote = 0
		case quote == 0 && (ch == '\'' || ch == '"'):
			quote = ch
		case quote == 0 && ch == '#':
			return line[:i]
		}
	}
	return line
}

// openBrackets reports whether text ends inside brackets, a triple-quoted
// string, or after a line-continuation backslash.
func openBrackets(text string) bool {
	depth := 0
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch ch {
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case '\'', '"':
			if strings.HasPrefix(text[i:], strings.Repeat(string(ch), 3)) {
				end := strings.Index(text[i+3:], strings.Repeat(string(ch), 3))
				if end < 0 {
					return true
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(text) && text[i] != ch && text[i] != '\n'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '\\':
			if i == len(text)-1 {
				return true
			}
		}
	}
	return depth > 0
}
