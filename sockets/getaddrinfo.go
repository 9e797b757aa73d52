package sockets

import (
	"net/netip"
	"strconv"
)

const (
	sockStream = 1
	sockDgram  = 2
	sockRaw    = 3

	aiPassive     = 1
	aiCanonname   = 2
	aiNumerichost = 4
)

// gaiKinds is glibc's table of socket types getaddrinfo answers with
// when the caller leaves type and protocol open.
var gaiKinds = []struct{ typ, proto int }{
	{sockStream, 6},
	{sockDgram, 17},
	{sockRaw, 0},
}

// Getaddrinfo is socket.getaddrinfo(host, port, family, type, proto, flags),
// answered offline. host is nil, str or bytes; port is nil, int, str or
// bytes. Each result is (family, type, proto, canonname, sockaddr).
func Getaddrinfo(host, port any, family, typ, proto, flags int) ([]Tuple, error) {
	const op = "getaddrinfo"
	var hostStr string
	switch h := host.(type) {
	case nil:
	case string:
		hostStr = h
	case []byte:
		hostStr = string(h)
	default:
		return nil, TypeError("getaddrinfo() argument 1 must be string or None")
	}
	var portStr string
	switch p := port.(type) {
	case nil:
	case int:
		portStr = strconv.Itoa(p)
	case bool:
		portStr = "0"
		if p {
			portStr = "1"
		}
	case string:
		portStr = p
	case []byte:
		portStr = string(p)
	default:
		return nil, OSError("Int or String expected")
	}
	if family != afUnspec && family != afInet && family != afInet6 {
		return nil, gaiError(op, eaiFamily)
	}
	if typ != 0 && typ != sockStream && typ != sockDgram && typ != sockRaw {
		return nil, gaiError(op, eaiSocktype)
	}
	if host == nil && port == nil {
		return nil, gaiError(op, eaiNoName)
	}

	var addrs []netip.Addr
	canon := ""
	if host == nil {
		v4, v6 := netip.AddrFrom4([4]byte{127, 0, 0, 1}), netip.IPv6Loopback()
		order := []netip.Addr{v6, v4}
		if flags&aiPassive != 0 {
			order = []netip.Addr{netip.IPv4Unspecified(), netip.IPv6Unspecified()}
		}
		for _, a := range order {
			if family == afUnspec || (family == afInet) == a.Is4() {
				addrs = append(addrs, a)
			}
		}
	} else {
		var err error
		addrs, canon, err = lookupName(op, hostStr, family, flags&aiNumerichost != 0)
		if err != nil {
			return nil, err
		}
	}

	// Which (type, proto) pairs answer, and on which port.
	type kind struct{ typ, proto, port int }
	var kinds []kind
	numeric, portNum := true, 0
	if port != nil {
		n, err := strconv.Atoi(portStr)
		numeric = err == nil && n >= 0
		portNum = n & 0xffff // glibc keeps the low 16 bits
	}
	for _, k := range gaiKinds {
		if typ != 0 && k.typ != typ {
			continue
		}
		p := k.proto
		if proto != 0 {
			if k.typ == sockRaw {
				p = proto
			} else if k.proto != proto {
				continue
			}
		}
		switch {
		case port == nil || numeric:
			if k.typ == sockRaw && port != nil && proto != 0 {
				continue
			}
			kinds = append(kinds, kind{k.typ, p, portNum})
		case k.typ != sockRaw:
			name := "tcp"
			if k.typ == sockDgram {
				name = "udp"
			}
			if n, ok := serviceLookup(portStr, name); ok {
				kinds = append(kinds, kind{k.typ, p, n})
			}
		}
	}
	if len(kinds) == 0 {
		return nil, gaiError(op, eaiService)
	}

	var out []Tuple
	for _, a := range addrs {
		fam := afInet
		if a.Is6() {
			fam = afInet6
		}
		for _, k := range kinds {
			cn := ""
			if flags&aiCanonname != 0 && len(out) == 0 {
				cn = canon
			}
			out = append(out, Tuple{fam, k.typ, k.proto, cn, inetTuple(a, k.port, 0)})
		}
	}
	return out, nil
}

// inetTuple is the Python value of an IP socket address:
// (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6.
func inetTuple(a netip.Addr, port int, flowinfo uint32) Tuple {
	if a.Is4() {
		return Tuple{a.String(), port}
	}
	return Tuple{ntop6(a.As16()), port, int(flowinfo), scopeID(a)}
}
