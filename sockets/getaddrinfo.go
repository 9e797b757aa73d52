package sockets

import (
	"net/netip"
	"strconv"
	"strings"
)

const (
	sockStream    = 1
	sockDgram     = 2
	sockRaw       = 3
	sockSeqpacket = 5
	sockDCCP      = 6

	aiPassive     = 0x1
	aiCanonname   = 0x2
	aiNumerichost = 0x4
	aiV4mapped    = 0x8
	aiAll         = 0x10
	aiAddrconfig  = 0x20
	aiNumericserv = 0x400

	// aiKnown is every flag glibc accepts, the IDN ones included
	// (AI_IDN, AI_CANONIDN and the two deprecated IDN bits).
	aiKnown = aiPassive | aiCanonname | aiNumerichost | aiV4mapped | aiAll |
		aiAddrconfig | 0x40 | 0x80 | 0x300 | aiNumericserv
)

// gaiProto is one row of glibc's socket type/protocol table. A raw row
// takes any protocol and no service.
type gaiProto struct {
	typ, proto int
	byDefault  bool // answered when the caller sets neither type nor protocol
	name       string
	raw        bool
}

// gaiProtos is glibc's table, in its order: the first row that matches a
// caller's type and protocol is the one used.
var gaiProtos = []gaiProto{
	{sockStream, 6, true, "tcp", false},
	{sockDgram, 17, true, "udp", false},
	{sockDCCP, 33, false, "dccp", false},
	{sockDgram, 136, false, "udplite", false},
	{sockStream, 132, false, "sctp", false},
	{sockSeqpacket, 132, false, "sctp", false},
	{sockRaw, 0, true, "raw", true},
}

func (p gaiProto) matches(typ, proto int) bool {
	return (typ == 0 || typ == p.typ) && (proto == 0 || p.raw || proto == p.proto)
}

// servTuple is one (type, protocol, port) the answer is made of.
type servTuple struct{ typ, proto, port int }

// Getaddrinfo is socket.getaddrinfo(host, port, family, type, proto, flags),
// answered offline. host is nil, str or bytes; port is nil, int, str or
// bytes. Each result is (family, type, proto, canonname, sockaddr).
//
// CPython hands the arguments to glibc as C strings, so a str host first
// goes through Python's idna codec and anything after a NUL is dropped;
// glibc's checks and tables are then followed in glibc's order.
func Getaddrinfo(host, port any, family, typ, proto, flags int) ([]Tuple, error) {
	const op = "getaddrinfo"
	var name *string // nil is C's NULL
	switch h := host.(type) {
	case nil:
	case string:
		if err := idnaCheck(h); err != nil {
			return nil, err
		}
		s := cString(h)
		name = &s
	case []byte:
		s := cString(string(h))
		name = &s
	default:
		return nil, TypeError("getaddrinfo() argument 1 must be string or None")
	}
	var service *string
	switch p := port.(type) {
	case nil:
	case int:
		s := strconv.Itoa(p)
		service = &s
	case string:
		s := cString(p)
		service = &s
	case []byte:
		s := cString(string(p))
		service = &s
	default: // bool and float too: CPython wants an exact int
		return nil, OSError("Int or String expected")
	}

	// "*" stands for no host or no service.
	if name != nil && *name == "*" {
		name = nil
	}
	if service != nil && *service == "*" {
		service = nil
	}
	switch {
	case name == nil && service == nil:
		return nil, gaiError(op, eaiNoName)
	case flags&^aiKnown != 0, flags&aiCanonname != 0 && name == nil:
		return nil, gaiError(op, eaiBadFlags)
	case family != afUnspec && family != afInet && family != afInet6:
		return nil, gaiError(op, eaiFamily)
	}
	if flags&aiAddrconfig != 0 {
		v4, v6 := configuredFamilies()
		switch {
		case family == afUnspec && v4 != v6:
			if v4 {
				family = afInet
			} else {
				family = afInet6
			}
		case family == afInet && !v4, family == afInet6 && !v6:
			return nil, gaiError(op, eaiNoName)
		}
	}
	// A service glibc reads as a number is a port; anything else is a
	// name for /etc/services. An empty service is no service.
	servNum, servName := 0, ""
	if service != nil && *service != "" {
		n, numeric := strtoul10(*service)
		switch {
		case numeric && n >= 0:
			servNum = n
		case !numeric && flags&aiNumericserv != 0:
			return nil, gaiError(op, eaiNoName)
		default:
			servName = *service
		}
	} else {
		service = nil
	}
	servs, err := servTuples(op, service != nil, servNum, servName, typ, proto)
	if err != nil {
		return nil, err
	}

	var addrs []netip.Addr
	canon := ""
	if name == nil {
		addrs = nullAddrs(family, flags)
	} else {
		addrs, canon, err = lookupName(op, *name, family, flags)
		if err != nil {
			return nil, err
		}
	}
	var out []Tuple
	for _, a := range addrs {
		fam := afInet
		if a.Is6() {
			fam = afInet6
		}
		for _, st := range servs {
			cn := ""
			if flags&aiCanonname != 0 && len(out) == 0 {
				cn = canon
			}
			out = append(out, Tuple{fam, st.typ, st.proto, cn, inetTuple(a, st.port, 0)})
		}
	}
	return out, nil
}

// servTuples is glibc's get_servtuples: the rows of the type/protocol
// table that answer, each with its port.
func servTuples(op string, hasService bool, num int, name string, typ, proto int) ([]servTuple, error) {
	var row *gaiProto
	if typ != 0 || proto != 0 {
		for i := range gaiProtos {
			if gaiProtos[i].matches(typ, proto) {
				row = &gaiProtos[i]
				break
			}
		}
		switch {
		case row == nil && typ != 0:
			return nil, gaiError(op, eaiSocktype)
		case row == nil:
			return nil, gaiError(op, eaiService)
		}
	}
	if hasService && row != nil && row.raw {
		return nil, gaiError(op, eaiService)
	}
	protoOf := func(p gaiProto) int {
		if p.raw {
			return proto
		}
		return p.proto
	}
	if name == "" { // no service, or a port number
		port := num & 0xffff
		if row != nil {
			return []servTuple{{row.typ, protoOf(*row), port}}, nil
		}
		var out []servTuple
		for _, p := range gaiProtos {
			if p.byDefault {
				out = append(out, servTuple{p.typ, p.proto, port})
			}
		}
		return out, nil
	}
	if row != nil {
		port, ok := serviceLookup(name, row.name)
		if !ok {
			return nil, gaiError(op, eaiService)
		}
		return []servTuple{{row.typ, protoOf(*row), port}}, nil
	}
	var out []servTuple
	for _, p := range gaiProtos {
		if p.raw {
			continue
		}
		if port, ok := serviceLookup(name, p.name); ok {
			out = append(out, servTuple{p.typ, p.proto, port})
		}
	}
	if len(out) == 0 {
		return nil, gaiError(op, eaiService)
	}
	return out, nil
}

// nullAddrs answers for no host: loopback, or the wildcard addresses
// with AI_PASSIVE, in the order glibc's sorting leaves them.
func nullAddrs(family, flags int) []netip.Addr {
	order := []netip.Addr{netip.IPv6Loopback(), netip.AddrFrom4([4]byte{127, 0, 0, 1})}
	if flags&aiPassive != 0 {
		order = []netip.Addr{netip.IPv4Unspecified(), netip.IPv6Unspecified()}
	}
	var out []netip.Addr
	for _, a := range order {
		if family == afUnspec || (family == afInet) == a.Is4() {
			out = append(out, a)
		}
	}
	return out
}

// strtoul10 reads s as glibc's getaddrinfo reads a service: strtoul(s,
// &end, 10), numeric when nothing follows the number, the value then
// kept in a C int (so "-1" and an overflow are names, not ports).
func strtoul10(s string) (int, bool) {
	i := 0
	for i < len(s) && strings.IndexByte(" \t\n\v\f\r", s[i]) >= 0 {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	var v uint64
	overflow := false
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		d := uint64(s[i] - '0')
		if v > (1<<64-1-d)/10 {
			overflow = true
		}
		v = v*10 + d
	}
	if i == start || i != len(s) {
		return 0, false // no digits, or something after them
	}
	if overflow {
		v = 1<<64 - 1
	} else if neg {
		v = -v
	}
	return int(int32(uint32(v))), true
}

// cString is what C sees of a Go string: everything before the first NUL.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// inetTuple is the Python value of an IP socket address:
// (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6.
func inetTuple(a netip.Addr, port int, flowinfo uint32) Tuple {
	if a.Is4() {
		return Tuple{a.String(), port}
	}
	return Tuple{ntop6(a.As16()), port, int(flowinfo), scopeID(a)}
}
