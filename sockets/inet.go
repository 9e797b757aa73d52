package sockets

import (
	"net/netip"
	"strconv"
	"strings"
)

// Linux values used by the platform-neutral parts of the package.
const (
	afUnspec = 0
	afUnix   = 1
	afInet   = 2
	afInet6  = 10
)

// errAFNoSupport is EAFNOSUPPORT as CPython raises it from inet_pton.
func errAFNoSupport(op string) *Error {
	return &Error{Class: "OSError", Errno: 97, Msg: "[Errno 97] Address family not supported by protocol", Op: op}
}

// Htons is socket.htons; Linux on x86 and arm is little-endian, so it swaps.
func Htons(x int) (int, error) { return swap16("htons", x) }

// Ntohs is socket.ntohs.
func Ntohs(x int) (int, error) { return swap16("ntohs", x) }

// Htonl is socket.htonl.
func Htonl(x int) (int, error) { return swap32(x) }

// Ntohl is socket.ntohl.
func Ntohl(x int) (int, error) { return swap32(x) }

func swap16(name string, x int) (int, error) {
	if x < 0 {
		return 0, OverflowError(name + ": can't convert negative Python int to C 16-bit unsigned integer")
	}
	if x > 0xffff {
		return 0, OverflowError(name + ": Python int too large to convert to C 16-bit unsigned integer")
	}
	return (x>>8)&0xff | (x&0xff)<<8, nil
}

func swap32(x int) (int, error) {
	if x < 0 {
		return 0, OverflowError("can't convert negative value to unsigned int")
	}
	if x > 0xffffffff {
		return 0, OverflowError("int larger than 32 bits")
	}
	return (x>>24)&0xff | (x>>8)&0xff00 | (x&0xff00)<<8 | (x&0xff)<<24, nil
}

// InetAton is socket.inet_aton: the classic forms a, a.b, a.b.c and
// a.b.c.d with decimal, octal (0) or hex (0x) parts, as glibc takes them.
func InetAton(s string) ([]byte, error) {
	ip, ok := parseAton(s)
	if !ok {
		return nil, OSError("illegal IP address string passed to inet_aton")
	}
	return ip[:], nil
}

func parseAton(s string) ([4]byte, bool) {
	var out [4]byte
	// glibc stops at the first blank and ignores what follows.
	if i := strings.IndexAny(s, " \t\n\v\f\r"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return out, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base := 10
		switch {
		case strings.HasPrefix(p, "0x") || strings.HasPrefix(p, "0X"):
			base, p = 16, p[2:]
			if p == "" { // "0x" alone is zero in glibc
				p = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		if p == "" {
			return out, false
		}
		v, err := strconv.ParseUint(p, base, 32)
		if err != nil {
			return out, false
		}
		vals[i] = v
	}
	// The last part fills the remaining bytes.
	n := len(vals)
	for i := 0; i < n-1; i++ {
		if vals[i] > 0xff {
			return out, false
		}
		out[i] = byte(vals[i])
	}
	last := vals[n-1]
	if rest := 4 - (n - 1); rest < 4 && last>>(8*rest) != 0 {
		return out, false
	}
	for i := 3; i >= n-1; i-- {
		out[i] = byte(last)
		last >>= 8
	}
	return out, true
}

// InetNtoa is socket.inet_ntoa.
func InetNtoa(b []byte) (string, error) {
	if len(b) != 4 {
		return "", OSError("packed IP wrong length for inet_ntoa")
	}
	return netip.AddrFrom4([4]byte(b)).String(), nil
}

// InetPton is socket.inet_pton for AF_INET and AF_INET6.
func InetPton(family int, s string) ([]byte, error) {
	switch family {
	case afInet:
		if ip, ok := parsePton4(s); ok {
			return ip[:], nil
		}
	case afInet6:
		if ip, ok := parsePton6(s); ok {
			return ip[:], nil
		}
	default:
		return nil, errAFNoSupport("inet_pton")
	}
	return nil, OSError("illegal IP address string passed to inet_pton")
}

// parsePton4 takes exactly four decimal parts, no leading zeros, as
// glibc's inet_pton does.
func parsePton4(s string) ([4]byte, bool) {
	var out [4]byte
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return out, false
	}
	for i, p := range parts {
		if p == "" || len(p) > 3 || (len(p) > 1 && p[0] == '0') {
			return out, false
		}
		v, err := strconv.ParseUint(p, 10, 8)
		if err != nil || strings.ContainsAny(p, "+-") {
			return out, false
		}
		out[i] = byte(v)
	}
	return out, true
}

// parsePton6 takes an IPv6 literal without a zone.
func parsePton6(s string) ([16]byte, bool) {
	if !strings.Contains(s, ":") || strings.Contains(s, "%") {
		return [16]byte{}, false
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return [16]byte{}, false
	}
	return a.As16(), true
}

// InetNtop is socket.inet_ntop for AF_INET and AF_INET6.
func InetNtop(family int, b []byte) (string, error) {
	switch family {
	case afInet:
		if len(b) != 4 {
			return "", ValueError("invalid length of packed IP address string")
		}
		return netip.AddrFrom4([4]byte(b)).String(), nil
	case afInet6:
		if len(b) != 16 {
			return "", ValueError("invalid length of packed IP address string")
		}
		return ntop6([16]byte(b)), nil
	}
	return "", ValueError("unknown address family " + strconv.Itoa(family))
}

// ntop6 formats like glibc: RFC 5952 compression, plus the dotted tail
// for IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms.
func ntop6(ip [16]byte) string {
	zero12 := true
	for _, c := range ip[:12] {
		zero12 = zero12 && c == 0
	}
	if zero12 && (ip[12] != 0 || ip[13] != 0) {
		return "::" + netip.AddrFrom4([4]byte(ip[12:])).String()
	}
	return netip.AddrFrom16(ip).String()
}
