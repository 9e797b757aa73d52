//go:build linux

package sockets

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// SetPortHook installs f (nil removes it), called with the port of every
// IPv4 or IPv6 address a socket is about to bind, connect or send to,
// before the system call: packet capture widens its kernel filter with
// it, so the SYN or datagram the call sends is not missed.
func (rt *Runtime) SetPortHook(f func(port int)) {
	if f == nil {
		rt.portHook.Store(nil)
		return
	}
	rt.portHook.Store(&f)
}

// notePort runs the port hook for an address about to be used.
func (rt *Runtime) notePort(sa *sockaddr) {
	h := rt.portHook.Load()
	if h == nil || sa == nil {
		return
	}
	switch sa.family() {
	case unix.AF_INET:
		(*h)(getPort(&(*unix.RawSockaddrInet4)(unsafe.Pointer(&sa.raw)).Port))
	case unix.AF_INET6:
		(*h)(getPort(&(*unix.RawSockaddrInet6)(unsafe.Pointer(&sa.raw)).Port))
	}
}
