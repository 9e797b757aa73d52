// Package words is what sockrepl says to a learner, in English and
// Simplified Chinese: one catalogue of messages (Tr looks a message up by
// its English format) and one table of hints about the exceptions
// learners meet (Hint for the prompt, Advice for a lesson's %hint).
//
// The shell and the lessons both speak through it. It lives under lessons
// because the shell already imports the lessons and the lessons must
// never import the shell; it imports nothing of ours, so either can use
// it. Python's own exception text is not here: it stays in English, as
// Python prints it.
//
// To add a message, write tr(lang, "English format", args...) where it is
// said and add its Chinese to zh in catalogue.go; TestEveryMessageHasChinese
// finds a message without one. To add a hint, add a row to hints.
package words
