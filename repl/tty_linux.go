package repl

import "golang.org/x/sys/unix"

// The termios requests differ by system: Linux's names.
const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS
)

// flushInput drops what was typed but not yet read.
func flushInput() { unix.IoctlSetInt(0, unix.TCFLSH, unix.TCIFLUSH) }
