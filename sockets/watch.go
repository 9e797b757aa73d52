//go:build linux

package sockets

import (
	"golang.org/x/sys/unix"
)

// Watch tells which of a Runtime's sockets may have changed since the
// last look, so that the shell's notices read the kernel state of those
// only: with 10,000 sockets open, reading every one after each statement
// (and every 250 ms while the prompt is idle) cost a tenth of a second.
//
// A socket may have changed when the program used it (any call that can
// change kernel state marks it: Socket.touch), when it is new to the
// Watch, or when the kernel woke its waiters: every socket is in an
// edge-triggered epoll set for input, output, hang-up and errors, so a
// peer's data, FIN or RST, a finished connect() or a new connection in a
// listener's queue shows as an event. Changes the kernel makes without
// waking anyone (timers) are not seen; the shell rescans everything now
// and then.
type Watch struct {
	rt    *Runtime
	epfd  int
	known map[*Socket]int // registered sockets and the fd they had then
	byFD  map[int]*Socket
	buf   []unix.EpollEvent
}

// NewWatch makes a Watch; Close releases its epoll fd.
func (rt *Runtime) NewWatch() (*Watch, error) {
	fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, sysError("epoll_create1", err)
	}
	return &Watch{rt: rt, epfd: fd, known: map[*Socket]int{}, byFD: map[int]*Socket{}, buf: make([]unix.EpollEvent, 256)}, nil
}

// Close releases the Watch.
func (w *Watch) Close() error {
	if w.epfd < 0 {
		return nil
	}
	err := unix.Close(w.epfd)
	w.epfd = -1
	return err
}

// Changed returns the sockets that may have changed since the last call
// (every socket, the first time), in the Runtime's order.
func (w *Watch) Changed() []*Socket {
	all := w.rt.Sockets()
	dirty := make(map[*Socket]bool)
	live := make(map[*Socket]bool, len(all))
	for _, s := range all {
		live[s] = true
		fd := s.fd
		if s.touched.Swap(false) {
			dirty[s] = true
		}
		if old, ok := w.known[s]; ok && old == fd {
			continue
		}
		// New to the watch, or its fd changed (closed, detached).
		dirty[s] = true
		w.known[s] = fd
		if fd >= 0 && w.epfd >= 0 {
			ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLOUT | unix.EPOLLRDHUP | unix.EPOLLPRI | unix.EPOLLET, Fd: int32(fd)}
			if err := unix.EpollCtl(w.epfd, unix.EPOLL_CTL_ADD, fd, &ev); err == unix.EEXIST {
				// The fd number was another socket's, closed since.
				unix.EpollCtl(w.epfd, unix.EPOLL_CTL_MOD, fd, &ev)
			}
			w.byFD[fd] = s
		}
	}
	for s := range w.known {
		if !live[s] {
			delete(w.known, s)
		}
	}
	for w.epfd >= 0 {
		n, err := unix.EpollWait(w.epfd, w.buf, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		for _, ev := range w.buf[:n] {
			if s := w.byFD[int(ev.Fd)]; s != nil && live[s] {
				dirty[s] = true
			}
		}
		if n < len(w.buf) {
			break
		}
	}
	out := make([]*Socket, 0, len(dirty))
	for _, s := range all {
		if dirty[s] {
			out = append(out, s)
		}
	}
	return out
}
