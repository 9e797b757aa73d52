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

// banner is the first line of an interactive shell, with --role too: a
// terminal started for a lesson's role is a learner's first sight of it.
func banner(lang, role string) string {
	if role != "" {
		return tr(lang, "sockrepl (%s): Python-style sockets on live system calls. %%help lists commands, %%lesson starts a lesson, Ctrl-D leaves.", role)
	}
	return tr(lang, "sockrepl: Python-style sockets on live system calls. %help lists commands, %lesson starts a lesson, Ctrl-D leaves.")
}
