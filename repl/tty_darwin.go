package repl

import "golang.org/x/sys/unix"

// The termios requests differ by system: the BSD names on macOS.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA
)

// flushInput drops what was typed but not yet read (TIOCFLUSH with
// FREAD, the BSD form of tcflush(TCIFLUSH)).
func flushInput() { unix.IoctlSetPointerInt(0, unix.TIOCFLUSH, fread) }

// fread is FREAD from <sys/fcntl.h>, which x/sys/unix does not export.
const fread = 1

// stopSelf stops the process with SIGTSTP's default action, as Ctrl-Z
// does outside raw mode (see tty_linux.go). macOS has no tgkill: the
// signal goes to the process, which the kernel stops on the way out of
// kill().
func stopSelf() { unix.Kill(unix.Getpid(), unix.SIGTSTP) }
