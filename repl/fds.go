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

// ReadSource reads a program's file with plain system calls. os.ReadFile
// would start the Go runtime's poller first, whose two descriptors would
// take fds 4 and 5 before keepLowFDsFree can keep them high, so the
// program's sockets would be 3, 6, 7 where python3 gives 3, 4, 5.
func ReadSource(path string) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var data []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = append(data, buf[:n]...)
	}
}
