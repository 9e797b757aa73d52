package sockets

import (
	"bufio"
	"errors"
	"net"
	"net/netip"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// Name resolution is offline on purpose: numeric hosts, '' and
// '<broadcast>', and names from /etc/hosts. There is no DNS query that
// could hang a learner's shell; an unknown name fails at once with
// gaierror -2, as glibc's getaddrinfo does when no source knows it.

// Files read by the resolver; tests point them elsewhere.
var (
	hostsPath    = "/etc/hosts"
	servicesPath = "/etc/services"
)

// Gethostname is socket.gethostname.
func Gethostname() (string, error) {
	h, err := os.Hostname()
	if err != nil {
		if e := errnoOf("gethostname", err); e != nil {
			return "", e
		}
		return "", OSError("gethostname failed")
	}
	return h, nil
}

// Gethostbyname is socket.gethostbyname: IPv4 only, like CPython. The
// name goes through Python's idna codec, then must hold no NUL.
func Gethostbyname(host string) (string, error) {
	if err := idnaCheck(host); err != nil {
		return "", err
	}
	if strings.IndexByte(host, 0) >= 0 {
		return "", TypeError("gethostbyname() argument 1 must be encoded string without null bytes, not str")
	}
	a, err := resolveHost("gethostbyname", host, afInet)
	if err != nil {
		return "", err
	}
	return a.String(), nil
}

// errnoOf is the OSError CPython raises for the errno under err, as in
// "[Errno 24] Too many open files"; nil when err carries no errno.
func errnoOf(op string, err error) *Error {
	var e syscall.Errno
	if !errors.As(err, &e) {
		return nil
	}
	msg := e.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return &Error{Class: "OSError", Errno: int(e), Msg: "[Errno " + strconv.Itoa(int(e)) + "] " + msg, Op: op, Err: e}
}

// idnaCheck is the check Python's idna codec makes of an ASCII name:
// every label but a last empty one (a trailing dot) is 1-63 bytes long.
// Names with other characters are passed as they are: the offline
// resolver knows none of them, so they end as an unknown name.
func idnaCheck(name string) *Error {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return nil
		}
	}
	if name == "" {
		return nil
	}
	labels := strings.Split(name, ".")
	for _, l := range labels[:len(labels)-1] {
		if len(l) == 0 || len(l) > 63 {
			return UnicodeError("label empty or too long")
		}
	}
	if len(labels[len(labels)-1]) > 63 {
		return UnicodeError("label too long")
	}
	return nil
}

// resolveHost turns the host part of an address tuple into one IP for a
// socket of the given family, the way CPython's setipaddr does: the
// wildcard and broadcast names, then inet_pton, then getaddrinfo.
func resolveHost(op, host string, family int) (netip.Addr, error) {
	switch host {
	case "":
		if family == afInet6 {
			return netip.IPv6Unspecified(), nil
		}
		return netip.IPv4Unspecified(), nil
	case "<broadcast>", "255.255.255.255":
		if family != afInet && family != afUnspec {
			return netip.Addr{}, OSError("address family mismatched")
		}
		return netip.AddrFrom4([4]byte{255, 255, 255, 255}), nil
	}
	if family == afInet || family == afUnspec {
		if ip, ok := parsePton4(host); ok {
			return netip.AddrFrom4(ip), nil
		}
	}
	if (family == afInet6 || family == afUnspec) && !strings.Contains(host, "%") {
		if ip, ok := parsePton6(host); ok {
			return netip.AddrFrom16(ip), nil
		}
	}
	name := &host
	if host == "*" { // getaddrinfo reads "*" as no name, and then has none
		name = nil
	}
	if name == nil {
		return netip.Addr{}, gaiError(op, eaiNoName)
	}
	addrs, _, err := lookupName(op, host, family, 0)
	if err != nil {
		return netip.Addr{}, err
	}
	return addrs[0], nil
}

// lookupName is the host part of glibc's getaddrinfo: a numeric IPv4
// (inet_aton's forms, nothing after them) or IPv6 address with an
// optional %scope, then /etc/hosts. canon is the name AI_CANONNAME shows:
// the text itself for a number, else the official name of the first
// match.
func lookupName(op, name string, family, flags int) (addrs []netip.Addr, canon string, err error) {
	if ip, ok := parseAton(name, true); ok {
		a := netip.AddrFrom4(ip)
		switch {
		case family == afInet6 && flags&aiV4mapped != 0:
			a = netip.AddrFrom16(a.As16())
		case family == afInet6:
			return nil, "", gaiError(op, eaiAddrFamily)
		}
		return []netip.Addr{a}, name, nil
	}
	text, scope, hasScope := strings.Cut(name, "%")
	if ip, ok := parsePton6(text); ok {
		a := netip.AddrFrom16(ip)
		switch {
		case family == afInet && a.Is4In6():
			a = a.Unmap()
		case family == afInet:
			return nil, "", gaiError(op, eaiAddrFamily)
		}
		if hasScope {
			id, ok := scopeIndex(ip, scope)
			if !ok {
				return nil, "", gaiError(op, eaiNoName)
			}
			a = a.WithZone(strconv.FormatUint(uint64(id), 10))
		}
		return []netip.Addr{a}, name, nil
	}
	if flags&aiNumerichost != 0 || name == "" {
		return nil, "", gaiError(op, eaiNoName)
	}
	addrs, canon, openErr := hostsLookup(name, family, flags)
	if len(addrs) == 0 {
		// With no fd left to open /etc/hosts, glibc's IPv4-only path
		// (AF_INET without AI_CANONNAME, as gethostbyname and an AF_INET
		// address take) fails with EAI_SYSTEM, which CPython raises as
		// the errno's OSError; the general path just finds nothing.
		if e := errnoOf(op, openErr); e != nil && family == afInet && flags&aiCanonname == 0 &&
			(e.Errno == int(syscall.EMFILE) || e.Errno == int(syscall.ENFILE)) {
			return nil, "", e
		}
		return nil, "", gaiError(op, eaiNoName)
	}
	return addrs, canon, nil
}

// scopeIndex reads the scope after '%' as glibc does: an interface name
// (only for link-local and link- or node-local multicast addresses), or
// a decimal number that fits 32 bits.
func scopeIndex(ip [16]byte, scope string) (uint32, bool) {
	linkLocal := ip[0] == 0xfe && ip[1]&0xc0 == 0x80
	mcLocal := ip[0] == 0xff && (ip[1]&0xf == 1 || ip[1]&0xf == 2)
	if (linkLocal || mcLocal) && len(scope) < 16 && scope != "" {
		if ifc, err := net.InterfaceByName(scope); err == nil && ifc.Index > 0 {
			return uint32(ifc.Index), true
		}
	}
	if scope == "" || scope[0] < '0' || scope[0] > '9' {
		return 0, false
	}
	n, err := strconv.ParseUint(scope, 10, 32)
	return uint32(n), err == nil
}

// scopeID is the numeric zone of an address, 0 when none.
func scopeID(a netip.Addr) int {
	n, _ := strconv.Atoi(a.Zone())
	return n
}

// configuredFamilies is what AI_ADDRCONFIG looks at, as glibc counts it:
// an IPv4 address other than 127.0.0.1, an IPv6 address neither loopback
// nor link-local.
func configuredFamilies() (v4, v6 bool) {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false, false
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip, ok := netip.AddrFromSlice(n.IP)
		if !ok {
			continue
		}
		ip = ip.Unmap()
		switch {
		case ip.Is4():
			v4 = v4 || ip != netip.AddrFrom4([4]byte{127, 0, 0, 1})
		default:
			v6 = v6 || !(ip.IsLoopback() || ip.IsLinkLocalUnicast())
		}
	}
	return v4, v6
}

// hostsLookup finds name (case-insensitive, names and aliases) in the
// hosts file and orders the matches as glibc's default gai.conf would:
// ::1 first, then other IPv6, then IPv4, file order within each. Asked
// for IPv6 with AI_V4MAPPED, IPv4 entries come back mapped.
func hostsLookup(name string, family, flags int) ([]netip.Addr, string, error) {
	f, err := os.Open(hostsPath)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var addrs []netip.Addr
	canon := ""
	seen := map[netip.Addr]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		a, err := netip.ParseAddr(fields[0])
		if err != nil {
			continue
		}
		match := false
		for _, n := range fields[1:] {
			match = match || strings.EqualFold(n, name)
		}
		if !match {
			continue
		}
		if canon == "" {
			canon = fields[1] // the first match names the answer, whatever its family
		}
		switch {
		case a.Is4() && family == afInet6 && flags&aiV4mapped != 0:
			a = netip.AddrFrom16(a.As16())
		case a.Is4() && family == afInet6, a.Is6() && family == afInet:
			continue
		}
		if seen[a] {
			continue
		}
		seen[a] = true
		addrs = append(addrs, a)
	}
	sort.SliceStable(addrs, func(i, j int) bool { return precedence(addrs[i]) > precedence(addrs[j]) })
	return addrs, canon, nil
}

func precedence(a netip.Addr) int {
	switch {
	case a == netip.IPv6Loopback():
		return 50
	case a.Is6() && !a.Is4In6():
		return 40
	}
	return 35 // IPv4, mapped or not
}

// serviceLookup finds a service name in the services file for "tcp" or
// "udp"; ok is false when it is not listed for that protocol.
func serviceLookup(name, proto string) (port int, ok bool) {
	f, err := os.Open(servicesPath)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		p, pr, found := strings.Cut(fields[1], "/")
		if !found || pr != proto {
			continue
		}
		for _, n := range append([]string{fields[0]}, fields[2:]...) {
			if n == name {
				v, err := strconv.Atoi(p)
				return v, err == nil
			}
		}
	}
	return 0, false
}
