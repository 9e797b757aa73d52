package sockets

import (
	"bufio"
	"net"
	"net/netip"
	"os"
	"sort"
	"strconv"
	"strings"
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
		return "", OSError(err.Error())
	}
	return h, nil
}

// Gethostbyname is socket.gethostbyname: IPv4 only, like CPython.
func Gethostbyname(host string) (string, error) {
	a, err := resolveHost("gethostbyname", host, afInet)
	if err != nil {
		return "", err
	}
	return a.String(), nil
}

// resolveHost turns the host part of an address tuple into one IP for a
// socket of the given family, the way CPython's setipaddr does.
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
	if family == afInet6 || family == afUnspec {
		if ip, ok := parsePton6(host); ok {
			return netip.AddrFrom16(ip), nil
		}
	}
	addrs, _, err := lookupName(op, host, family, false)
	if err != nil {
		return netip.Addr{}, err
	}
	return addrs[0], nil
}

// lookupName is getaddrinfo's host part: numeric forms first, then
// /etc/hosts. canon is the official name of the first match.
func lookupName(op, name string, family int, numericOnly bool) (addrs []netip.Addr, canon string, err error) {
	if ip, ok := parseAton(name); ok && name != "" {
		if family == afInet6 {
			return nil, "", gaiError(op, eaiAddrFamily)
		}
		return []netip.Addr{netip.AddrFrom4(ip)}, name, nil
	}
	if strings.Contains(name, ":") {
		if a, ok := parseScoped6(name); ok {
			if family == afInet {
				return nil, "", gaiError(op, eaiAddrFamily)
			}
			return []netip.Addr{a}, name, nil
		}
	}
	if numericOnly || name == "" {
		return nil, "", gaiError(op, eaiNoName)
	}
	addrs, canon = hostsLookup(name, family)
	if len(addrs) == 0 {
		return nil, "", gaiError(op, eaiNoName)
	}
	return addrs, canon, nil
}

// parseScoped6 takes an IPv6 literal with an optional %zone, a zone being
// an interface name or a number.
func parseScoped6(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return netip.Addr{}, false
	}
	if z := a.Zone(); z != "" {
		if _, err := strconv.ParseUint(z, 10, 32); err != nil {
			ifc, err := net.InterfaceByName(z)
			if err != nil {
				return netip.Addr{}, false
			}
			a = a.WithZone(strconv.Itoa(ifc.Index))
		}
	}
	return a, true
}

// scopeID is the numeric zone of an address, 0 when none.
func scopeID(a netip.Addr) int {
	n, _ := strconv.Atoi(a.Zone())
	return n
}

// hostsLookup finds name (case-insensitive, names and aliases) in the
// hosts file and orders the matches as glibc's default gai.conf would:
// ::1 first, then other IPv6, then IPv4, file order within each.
func hostsLookup(name string, family int) ([]netip.Addr, string) {
	f, err := os.Open(hostsPath)
	if err != nil {
		return nil, ""
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
		if !match || seen[a] {
			continue
		}
		if (a.Is4() && family == afInet6) || (a.Is6() && family == afInet) {
			continue
		}
		seen[a] = true
		if canon == "" {
			canon = fields[1]
		}
		addrs = append(addrs, a)
	}
	sort.SliceStable(addrs, func(i, j int) bool { return precedence(addrs[i]) > precedence(addrs[j]) })
	return addrs, canon
}

func precedence(a netip.Addr) int {
	switch {
	case a == netip.IPv6Loopback():
		return 50
	case a.Is6():
		return 40
	}
	return 35
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
