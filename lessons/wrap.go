package lessons

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// DefaultWidth is the column budget for text this package returns, unless
// SetWidth was given the terminal's width.
const DefaultWidth = 78

var textWidth atomic.Int64

// SetWidth fits lesson text to a terminal of the given width: narrower
// terminals get shorter lines, never more than DefaultWidth. 0 restores
// the default.
func SetWidth(columns int) {
	if columns <= 0 {
		textWidth.Store(0)
		return
	}
	textWidth.Store(int64(min(max(columns-2, 30), DefaultWidth)))
}

// width is the current column budget.
func width() int {
	if w := textWidth.Load(); w > 0 {
		return int(w)
	}
	return DefaultWidth
}

// wrap fills text into lines of at most width columns, each prefixed with
// indent. Lines of the text join into paragraphs and are refilled; a line
// that starts with a space is kept as it is (tables, examples). Chinese
// text breaks between any two characters, but not before closing
// punctuation.
func wrap(text string, width int, indent string) []string {
	avail := max(width-displayWidth(indent), 20)
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, fill(joinLines(para), avail, indent)...)
			para = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, " ") {
			flush()
			out = append(out, indent+strings.TrimRight(line, " "))
			continue
		}
		para = append(para, line)
	}
	flush()
	return out
}

// joinLines joins the lines of a paragraph: with a space, except between
// two Chinese characters.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 && b.Len() > 0 && l != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if runeWidth(prev) != 2 || runeWidth(next) != 2 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// fill breaks one paragraph into lines of at most avail columns.
func fill(para string, avail int, indent string) []string {
	var out []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		out = append(out, indent+strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, tok := range tokens(para) {
		w := displayWidth(tok)
		if tok == " " {
			if lineW > 0 && lineW < avail {
				line.WriteString(" ")
				lineW++
			}
			continue
		}
		if lineW > 0 && lineW+w > avail && !noBreakBefore(tok) {
			flush()
		}
		line.WriteString(tok)
		lineW += w
	}
	flush()
	return out
}

// tokens splits a paragraph into words, single spaces and single wide
// (CJK) characters.
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	end := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			end()
			out = append(out, " ")
		case runeWidth(r) == 2:
			end()
			out = append(out, string(r))
		default:
			word.WriteRune(r)
		}
	}
	end()
	return out
}

// noBreakBefore reports punctuation that must not start a line.
func noBreakBefore(tok string) bool {
	return strings.ContainsAny(tok, "，。、；：？！）」』》”’")
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0 || unicode.Is(unicode.Mn, r):
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// pad fills s with spaces to width columns.
func pad(s string, width int) string {
	if w := displayWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// truncate cuts s to at most width columns, marking the cut with "…".
func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		if w+runeWidth(r) > width-1 {
			break
		}
		b.WriteRune(r)
		w += runeWidth(r)
	}
	return b.String() + "…"
}

// Wrap fills text to width terminal cells at word boundaries (between
// any two Chinese characters), as lesson text is: the shell wraps its
// hints with it.
func Wrap(text string, width int) []string { return wrap(text, width, "") }
