package repl

import (
	"sockrepl/lessons/words"
)

// The shell's messages are in lessons/words, shared with the lessons.

// tr formats a shell message in the session's language (words.Tr).
func tr(lang, format string, args ...any) string { return words.Tr(lang, format, args...) }

// pickLang returns "zh" or "en" for a --lang flag, or from the locale. A
// locale that is not UTF-8 gets English whatever was asked: its terminal
// cannot show the UTF-8 Chinese the shell writes (see asciiWriter).
func pickLang(flag string) string {
	if !localeIsUTF8() {
		return "en"
	}
	return words.Lang(flag)
}
