// Package lessons reads the course's lesson files and follows a learner
// through one of them, checking each step against the live state of the
// learner's sockets and of the kernel.
//
// A lesson file (see docs/LESSON_FORMAT.md) holds steps in English and
// Simplified Chinese; each step has the code to type and a check, a
// Starlark expression over read-only views of state (views.go). The
// repl builds a Snapshot after every statement and hands it to a Tutor,
// which says when a step is done and shows the next one. Verify replays a
// lesson's reference solution through Runners the repl provides.
//
// Text returned by this package is plain (no colour) and already wrapped.
package lessons
