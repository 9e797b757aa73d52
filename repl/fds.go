package repl

import (
	"os"

	"golang.org/x/sys/unix"
)

// reservedBelow: start-up descriptors go at or above this number.
const reservedBelow = 10

// keepLowFDsFree runs setup while descriptors 3..9 are held, so that what
// setup opens (the wake fd, /dev/tty, the Go runtime's poller) lands above
// them. The learner's first socket then gets fd 3, as in Python and in
// the source material's transcripts.
func keepLowFDsFree(setup func()) {
	var held []int
	for {
		fd, err := unix.Open("/dev/null", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			break
		}
		if fd >= reservedBelow {
			unix.Close(fd)
			break
		}
		held = append(held, fd)
	}
	// Start the runtime's poller now, while the low numbers are taken.
	if r, w, err := os.Pipe(); err == nil {
		r.Close()
		w.Close()
	}
	setup()
	for _, fd := range held {
		unix.Close(fd)
	}
}
