package repl

import (
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// localeIsUTF8 reports whether the locale (LC_ALL, LC_CTYPE, LANG, the
// first one set) writes UTF-8: C and POSIX count as UTF-8, as in python3,
// and so does no locale at all; a named locale without a codeset
// ("zh_CN") is its legacy charset, as in the C library.
func localeIsUTF8() bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		val := os.Getenv(v)
		if val == "" {
			continue
		}
		name, _, _ := strings.Cut(val, "@")
		_, codeset, ok := strings.Cut(name, ".")
		if !ok {
			return name == "C" || name == "POSIX"
		}
		codeset = strings.ToLower(strings.ReplaceAll(codeset, "-", ""))
		return codeset == "utf8"
	}
	return true
}

// asciiWriter writes text for a terminal that is not UTF-8 (a GB18030 or
// Latin-1 locale, where UTF-8 Chinese and symbols come out as garbage):
// the shell's symbols become ASCII look-alikes, anything else not ASCII
// becomes '?'. The shell speaks English there (pickLang).
type asciiWriter struct{ w io.Writer }

func (a asciiWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(a.w, asciiText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// asciiSymbols are the shell's own non-ASCII symbols, and what stands for
// them in ASCII. The spinner's frames become a turning bar.
var asciiSymbols = map[rune]string{
	'·': "-", '…': "...", '●': "*", '✓': "+", '→': "->", '—': "--", '–': "-",
	'‘': "'", '’': "'", '“': `"`, '”': `"`,
	// %timeline's ladder
	'│': "|", '─': "-", '▶': ">", '◀': "<", '┆': ":", '⇄': "<->",
}

func asciiText(s string) string {
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(s[i])
		case asciiSymbols[r] != "":
			b.WriteString(asciiSymbols[r])
		case r >= 0x2800 && r <= 0x28ff: // the spinner's braille frames
			b.WriteByte(`-\|/`[int(r)%4])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
