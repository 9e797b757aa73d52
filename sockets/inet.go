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
	if strings.IndexByte(s, 0) >= 0 {
		return nil, embeddedNull()
	}
	ip, ok := parseAton(s, false)
	if !ok {
		return nil, OSError("illegal IP address string passed to inet_aton")
	}
	return ip[:], nil
}

// embeddedNull is CPython's error for a str argument holding a NUL where
// a C string is wanted.
func embeddedNull() *Error { return ValueError("embedded null character") }

// parseAton is glibc's inet_aton: each part starts with a digit and is
// read as strtoul(part, 0) reads it; the last part fills the bytes left.
// After the address inet_aton allows a blank and anything beyond it;
// getaddrinfo (exact) allows nothing.
func parseAton(s string, exact bool) ([4]byte, bool) {
	var out [4]byte
	var parts []uint64
	for {
		if s == "" || s[0] < '0' || s[0] > '9' {
			return out, false
		}
		v, rest, ok := strtoul0(s)
		if !ok {
			return out, false
		}
		parts = append(parts, v)
		s = rest
		if s == "" || s[0] != '.' {
			break
		}
		if len(parts) > 3 || v > 0xff {
			return out, false
		}
		s = s[1:]
	}
	if s != "" && (exact || !strings.ContainsRune(" \t\n\v\f\r", rune(s[0]))) {
		return out, false
	}
	n := len(parts)
	last := parts[n-1]
	if last > 0xffffffff>>(8*(n-1)) {
		return out, false
	}
	for i := 0; i < n-1; i++ {
		out[i] = byte(parts[i])
	}
	for i := 3; i >= n-1; i-- {
		out[i] = byte(last)
		last >>= 8
	}
	return out, true
}

// strtoul0 reads an unsigned number the way strtoul(s, &end, 0) does from
// a leading digit: 0x hex, 0 octal, else decimal, stopping at the first
// byte that is not a digit of the base ("0x" alone reads as 0, leaving
// "x"). ok is false when the value does not fit 32 bits.
func strtoul0(s string) (v uint64, rest string, ok bool) {
	base, i := uint64(10), 0
	switch {
	case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hexDigit(s[2]) >= 0:
		base, i = 16, 2
	case s[0] == '0':
		base = 8
	}
	for ; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 || uint64(d) >= base {
			break
		}
		v = v*base + uint64(d)
		if v > 0xffffffff {
			return 0, "", false // glibc gives up on a part above 32 bits
		}
	}
	return v, s[i:], true
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
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
	if strings.IndexByte(s, 0) >= 0 {
		return nil, embeddedNull()
	}
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

// parsePton4 is glibc's inet_pton for AF_INET: exactly four decimal
// parts of at most 255, no leading zeros.
func parsePton4(s string) ([4]byte, bool) {
	var out [4]byte
	octets, cur, sawDigit := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			if sawDigit && cur == 0 {
				return out, false // a leading zero
			}
			if cur = cur*10 + int(c-'0'); cur > 255 {
				return out, false
			}
			if !sawDigit {
				if octets++; octets > 4 {
					return out, false
				}
				sawDigit = true
			}
			out[octets-1] = byte(cur)
		case c == '.' && sawDigit && octets < 4:
			cur, sawDigit = 0, false
		default:
			return out, false
		}
	}
	return out, octets == 4
}

// parsePton6 is glibc's inet_pton for AF_INET6: up to eight groups of
// at most four hex digits, one "::", an optional dotted IPv4 tail, and
// no zone.
func parsePton6(s string) ([16]byte, bool) {
	var out [16]byte
	if s == "" {
		return out, false
	}
	if s[0] == ':' {
		if len(s) < 2 || s[1] != ':' {
			return out, false
		}
		s = s[1:]
	}
	tp, colonp := 0, -1
	digits, val := 0, 0
	tok := 0 // start of the current group, for an IPv4 tail
	for i := 0; i < len(s); i++ {
		c := s[i]
		if d := hexDigit(c); d >= 0 {
			if digits == 4 {
				return out, false
			}
			val = val<<4 | d
			digits++
			continue
		}
		switch {
		case c == ':':
			tok = i + 1
			if digits == 0 {
				if colonp >= 0 {
					return out, false
				}
				colonp = tp
				continue
			}
			if i+1 == len(s) || tp+2 > 16 {
				return out, false
			}
			out[tp], out[tp+1] = byte(val>>8), byte(val)
			tp, digits, val = tp+2, 0, 0
		case c == '.' && tp+4 <= 16:
			v4, ok := parsePton4(s[tok:])
			if !ok {
				return out, false
			}
			copy(out[tp:], v4[:])
			tp, digits = tp+4, 0
			i = len(s)
		default:
			return out, false
		}
	}
	if digits > 0 {
		if tp+2 > 16 {
			return out, false
		}
		out[tp], out[tp+1] = byte(val>>8), byte(val)
		tp += 2
	}
	if colonp >= 0 {
		if tp == 16 {
			return out, false // "::" standing for no group at all
		}
		n := tp - colonp
		copy(out[16-n:], out[colonp:tp])
		for i := colonp; i < 16-n; i++ {
			out[i] = 0
		}
		tp = 16
	}
	return out, tp == 16
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
