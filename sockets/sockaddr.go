//go:build linux

package sockets

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// sunPathOffset is offsetof(struct sockaddr_un, sun_path).
const sunPathOffset = 2

// pyInt converts a Python int argument (bool counts, as in Python).
func pyInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func notInteger(v any) *Error {
	return TypeError("'" + pyTypeName(v) + "' object cannot be interpreted as an integer")
}

// cInt is PyArg's "i" conversion: a Python int that must fit a C int.
func cInt(v any) (int, *Error) {
	n, ok := pyInt(v)
	if !ok {
		return 0, notInteger(v)
	}
	if n > 1<<31-1 {
		return 0, OverflowError("signed integer is greater than maximum")
	}
	if n < -1<<31 {
		return 0, OverflowError("signed integer is less than minimum")
	}
	return n, nil
}

// encodeAddr turns a Python address value into the kernel's layout for a
// socket of family, checking it the way CPython's getsockaddrarg does and
// with its messages. op names the calling method ("bind", "connect").
func encodeAddr(op string, family int, addr any) (_ *sockaddr, err error) {
	defer func() {
		if e, ok := err.(*Error); ok && e.Op == "" {
			e.Op = op // so the repl can hint about the call that failed
		}
	}()
	sa := &sockaddr{}
	switch family {
	case unix.AF_INET, unix.AF_INET6:
		return encodeInet(op, family, addr, sa)
	case unix.AF_UNIX:
		var path []byte
		switch p := addr.(type) {
		case string:
			path = []byte(p)
		case []byte:
			path = p
		default:
			return nil, TypeError("a bytes-like object is required, not '" + pyTypeName(addr) + "'")
		}
		raw := (*unix.RawSockaddrUnix)(unsafe.Pointer(&sa.raw))
		raw.Family = unix.AF_UNIX
		abstract := len(path) == 0 || path[0] == 0
		if len(path) > len(raw.Path) || (!abstract && len(path) == len(raw.Path)) {
			return nil, OSError("AF_UNIX path too long")
		}
		for i, c := range path {
			raw.Path[i] = int8(c)
		}
		sa.n = uint32(sunPathOffset + len(path))
		if !abstract {
			sa.n++ // the terminating NUL
		}
		return sa, nil
	}
	return nil, OSError(op + "(): bad family")
}

func encodeInet(op string, family int, addr any, sa *sockaddr) (*sockaddr, error) {
	fname := "AF_INET"
	if family == unix.AF_INET6 {
		fname = "AF_INET6"
	}
	t, ok := addr.(Tuple)
	if !ok {
		return nil, TypeError(op + "(): " + fname + " address must be tuple, not " + pyTypeName(addr))
	}
	if family == unix.AF_INET && len(t) != 2 {
		return nil, TypeError("AF_INET address must be a pair (host, port)")
	}
	if family == unix.AF_INET6 && (len(t) < 2 || len(t) > 4) {
		return nil, TypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
	}
	var host string
	switch h := t[0].(type) {
	case string:
		host = h
	case []byte:
		host = string(h)
	default:
		return nil, TypeError("str, bytes or bytearray expected, not " + pyTypeName(t[0]))
	}
	if strings.IndexByte(host, 0) >= 0 {
		return nil, TypeError("host name must not contain null character")
	}
	// Any int is taken here; the range check comes after resolution,
	// as in CPython.
	port, ok := pyInt(t[1])
	if !ok {
		return nil, notInteger(t[1])
	}
	// flowinfo and scope_id are C unsigned ints, converted without a
	// range check (so -1 wraps), as PyArg's "I" does.
	var extra [2]uint32
	for i := 2; i < len(t); i++ {
		n, ok := pyInt(t[i])
		if !ok {
			return nil, notInteger(t[i])
		}
		extra[i-2] = uint32(n)
	}
	ip, err := resolveHost(op, host, family)
	if err != nil {
		return nil, err
	}
	if port < 0 || port > 0xffff {
		return nil, OverflowError(op + "(): port must be 0-65535.")
	}
	if family == unix.AF_INET {
		raw := (*unix.RawSockaddrInet4)(unsafe.Pointer(&sa.raw))
		raw.Family = unix.AF_INET
		putPort(&raw.Port, port)
		raw.Addr = ip.As4()
		sa.n = unix.SizeofSockaddrInet4
		return sa, nil
	}
	if extra[0] > 0xfffff {
		return nil, OverflowError(op + "(): flowinfo must be 0-1048575.")
	}
	raw := (*unix.RawSockaddrInet6)(unsafe.Pointer(&sa.raw))
	raw.Family = unix.AF_INET6
	putPort(&raw.Port, port)
	raw.Flowinfo = htonl32(extra[0])
	raw.Addr = ip.As16()
	raw.Scope_id = extra[1]
	sa.n = unix.SizeofSockaddrInet6
	return sa, nil
}

// putPort stores a port in network byte order.
func putPort(p *uint16, port int) {
	b := (*[2]byte)(unsafe.Pointer(p))
	b[0], b[1] = byte(port>>8), byte(port)
}

func getPort(p *uint16) int {
	b := (*[2]byte)(unsafe.Pointer(p))
	return int(b[0])<<8 | int(b[1])
}

func htonl32(x uint32) uint32 {
	return x>>24 | (x>>8)&0xff00 | (x&0xff00)<<8 | x<<24
}

func (sa *sockaddr) family() int { return int(sa.raw.Addr.Family) }

// value is the address as CPython returns it from getsockname, accept or
// recvfrom: a tuple for IP, str or (abstract) bytes for AF_UNIX, None
// when the kernel gave no address.
func (sa *sockaddr) value() any {
	if sa == nil || sa.n == 0 {
		return nil
	}
	switch sa.family() {
	case unix.AF_INET:
		raw := (*unix.RawSockaddrInet4)(unsafe.Pointer(&sa.raw))
		return Tuple{netip.AddrFrom4(raw.Addr).String(), getPort(&raw.Port)}
	case unix.AF_INET6:
		raw := (*unix.RawSockaddrInet6)(unsafe.Pointer(&sa.raw))
		return Tuple{ntop6(raw.Addr), getPort(&raw.Port), int(htonl32(raw.Flowinfo)), int(raw.Scope_id)}
	case unix.AF_UNIX:
		path := sa.unixPath()
		if len(path) > 0 && path[0] == 0 {
			return path
		}
		for i, c := range path {
			if c == 0 {
				path = path[:i]
				break
			}
		}
		return string(path)
	}
	return Tuple{sa.family(), sa.rawBytes()}
}

// unixPath is sun_path as far as the length says, NULs included.
func (sa *sockaddr) unixPath() []byte {
	raw := (*unix.RawSockaddrUnix)(unsafe.Pointer(&sa.raw))
	n := int(sa.n) - sunPathOffset
	if n <= 0 {
		return []byte{}
	}
	n = min(n, len(raw.Path))
	out := make([]byte, n)
	for i := range out {
		out[i] = byte(raw.Path[i])
	}
	return out
}

func (sa *sockaddr) rawBytes() []byte {
	n := min(int(sa.n), int(unsafe.Sizeof(sa.raw)))
	b := unsafe.Slice((*byte)(unsafe.Pointer(&sa.raw)), n)
	if n < 2 {
		return []byte{}
	}
	return append([]byte(nil), b[2:]...)
}

// endpoint is the address in the short form the status line uses:
// "127.0.0.1:65432", "[::1]:8080", "/tmp/sock", "@name"; "" when unbound.
func (sa *sockaddr) endpoint() string {
	if sa == nil || sa.n == 0 {
		return ""
	}
	switch v := sa.value().(type) {
	case Tuple:
		if len(v) >= 2 && sa.family() != unix.AF_INET && sa.family() != unix.AF_INET6 {
			return ""
		}
		host, _ := v[0].(string)
		port, _ := v[1].(int)
		if port == 0 {
			return ""
		}
		if sa.family() == unix.AF_INET6 {
			return "[" + host + "]:" + strconv.Itoa(port)
		}
		return host + ":" + strconv.Itoa(port)
	case string:
		return v
	case []byte:
		return "@" + string(v[1:])
	}
	return ""
}

// trace is the address as the tracer prints it: {AF_INET, 127.0.0.1:80}.
func (sa *sockaddr) trace() string {
	if sa == nil || sa.n == 0 {
		return "NULL"
	}
	name := FamilyName(sa.family())
	if name == "" {
		name = strconv.Itoa(sa.family())
	}
	switch v := sa.value().(type) {
	case Tuple:
		if sa.family() == unix.AF_INET || sa.family() == unix.AF_INET6 {
			host, _ := v[0].(string)
			port, _ := v[1].(int)
			if sa.family() == unix.AF_INET6 {
				host = "[" + host + "]"
			}
			return fmt.Sprintf("{%s, %s:%d}", name, host, port)
		}
		return fmt.Sprintf("{%s, %s}", name, Repr(v[1]))
	default:
		return fmt.Sprintf("{%s, %s}", name, Repr(v))
	}
}
