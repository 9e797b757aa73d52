package python

import (
	"strings"
	"unicode"
)

// wrapText is Python's textwrap.wrap(text, width) with its defaults, as
// argparse uses it for help: text already has single spaces; chunks are
// words and the spaces between them, a word may break after a hyphen
// between letters, a word longer than a line is cut, and spaces at the
// ends of lines are dropped. Widths count characters.
func wrapText(text string, width int) []string {
	chunks := wrapChunks([]rune(text))
	// Work from the end of the slice, as textwrap does with its reversed list.
	for i, j := 0, len(chunks)-1; i < j; i, j = i+1, j-1 {
		chunks[i], chunks[j] = chunks[j], chunks[i]
	}
	var lines []string
	for len(chunks) > 0 {
		var line [][]rune
		n := 0
		if len(lines) > 0 && isSpaceChunk(chunks[len(chunks)-1]) {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := len(chunks[len(chunks)-1])
			if n+l > width {
				break
			}
			line = append(line, chunks[len(chunks)-1])
			chunks = chunks[:len(chunks)-1]
			n += l
		}
		if len(chunks) > 0 && len(chunks[len(chunks)-1]) > width {
			// A word longer than a whole line: cut it, after a hyphen if
			// there is one in what fits.
			left := width - n
			if width < 1 {
				left = 1
			}
			chunk := chunks[len(chunks)-1]
			end := left
			if len(chunk) > left && left > 0 {
				if h := lastIndexRune(chunk[:left], '-'); h > 0 && strings.Trim(string(chunk[:h]), "-") != "" {
					end = h + 1
				}
			}
			line = append(line, chunk[:end])
			chunks[len(chunks)-1] = chunk[end:]
		}
		if len(line) > 0 && isSpaceChunk(line[len(line)-1]) {
			line = line[:len(line)-1]
		}
		if len(line) > 0 {
			var b strings.Builder
			for _, c := range line {
				b.WriteString(string(c))
			}
			lines = append(lines, b.String())
		}
	}
	return lines
}

func isSpaceChunk(c []rune) bool { return strings.TrimSpace(string(c)) == "" }

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// wrapChunks splits text the way textwrap's wordsep_re does with
// break_on_hyphens: runs of spaces, and words, a word ending early after
// a hyphen that joins letters ("non-blocking" is "non-" and "blocking")
// or before an em-dash ("--") that follows a word.
func wrapChunks(t []rune) [][]rune {
	letter := func(i int) bool {
		return i >= 0 && i < len(t) && (unicode.IsLetter(t[i]) || t[i] == '_')
	}
	wordPunct := func(i int) bool {
		return i >= 0 && i < len(t) && (unicode.IsLetter(t[i]) || unicode.IsDigit(t[i]) || t[i] == '_' || strings.ContainsRune("!\"'&.,?", t[i]))
	}
	word := func(i int) bool {
		return i >= 0 && i < len(t) && (unicode.IsLetter(t[i]) || unicode.IsDigit(t[i]) || t[i] == '_')
	}
	space := func(i int) bool { return i < len(t) && unicode.IsSpace(t[i]) }
	emDashAt := func(i int) bool { // "--" (or more) then a word character
		j := i
		for j < len(t) && t[j] == '-' {
			j++
		}
		return j-i >= 2 && word(j)
	}
	var out [][]rune
	for i := 0; i < len(t); {
		start := i
		switch {
		case space(i):
			for i < len(t) && space(i) {
				i++
			}
		case t[i] == '-' && wordPunct(i-1) && emDashAt(i):
			for i < len(t) && t[i] == '-' {
				i++
			}
		default:
			i++ // at least one character
			for i < len(t) {
				// A hyphen between letters ends the word after it.
				if t[i-1] == '-' && i-1 > start && (letter(i-3) && letter(i-2) || letter(i-4) && t[i-3] == '-' && letter(i-2)) &&
					letter(i) && (letter(i+1) || i+1 < len(t) && t[i+1] == '-' && letter(i+2)) {
					break
				}
				if space(i) || wordPunct(i-1) && emDashAt(i) {
					break
				}
				i++
			}
		}
		out = append(out, t[start:i])
	}
	return out
}
