package repl

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// The termios requests differ by system: Linux's names.
const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS
)

// flushInput drops what was typed but not yet read.
func flushInput() { unix.IoctlSetInt(0, unix.TCFLSH, unix.TCIFLUSH) }

// stopSelf stops the process with SIGTSTP's default action, as Ctrl-Z
// does outside raw mode. The signal goes to this very thread, so the
// kernel acts on it before the call returns. Like the terminal's own
// Ctrl-Z, it does nothing to an orphaned process group (no job shell to
// resume it). The shell never Notifies SIGTSTP: that would install Go's
// handler for good, and the default action would be lost.
func stopSelf() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	unix.Tgkill(unix.Getpid(), unix.Gettid(), unix.SIGTSTP)
}
