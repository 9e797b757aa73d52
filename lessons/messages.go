package lessons

import "sockrepl/lessons/words"

// tr formats one of the engine's messages in lang (words.Tr); the English
// format is the key.
func tr(lang, format string, args ...any) string { return words.Tr(lang, format, args...) }

// reaction is what to say about the exception in last, or "".
func reaction(last Last, lang string) string {
	if last.OK || last.Error == "" {
		return ""
	}
	return words.Advice(lang, last.Errno, last.Error)
}
