//go:build linux

package sockets

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// Descriptors that reach the shell without a socket around them, such as
// those recvmsg receives with SCM_RIGHTS and those detach() hands over,
// belong to the Runtime: a socket
// can adopt one (socket(fileno=fd)), and the Runtime closes the others
// with itself.

// own records fd as the Runtime's.
func (rt *Runtime) own(fd int) {
	if fd < 0 {
		return
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.closed {
		unix.Close(fd)
		return
	}
	if rt.detached == nil {
		rt.detached = map[int]bool{}
	}
	rt.detached[fd] = true
}

// Detached reports whether fd is a descriptor the Runtime owns that no
// socket holds.
func (rt *Runtime) Detached(fd int) bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.detached[fd]
}

// Adopt is socket.socket(fileno=fd) for a descriptor the Runtime owns: a
// Socket over it. family, type and proto -1 are read from the kernel
// (SO_DOMAIN, SO_TYPE, SO_PROTOCOL), as CPython does.
func (rt *Runtime) Adopt(fd, family, typ, proto int) (*Socket, error) {
	if !rt.Detached(fd) {
		return nil, ValueError(fmt.Sprintf("descriptor %d is not one this shell was handed: socket(fileno=) takes a descriptor from detach() or recv_fds()", fd))
	}
	for _, f := range []struct {
		v   *int
		opt int
	}{{&family, unix.SO_DOMAIN}, {&typ, unix.SO_TYPE}, {&proto, unix.SO_PROTOCOL}} {
		if *f.v != -1 {
			continue
		}
		n, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, f.opt)
		if err != nil {
			return nil, sysError("socket", err)
		}
		*f.v = n
	}
	rt.mu.Lock()
	delete(rt.detached, fd)
	rt.mu.Unlock()
	s := rt.newSocket(fd, family, typ, proto, nil)
	if acc, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ACCEPTCONN); err == nil && acc != 0 {
		s.backlog = 0 // listening, with a backlog this process never saw
	}
	return s, nil
}
