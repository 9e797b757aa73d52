package lab

import "net/netip"

// Host is one machine of the lab.
type Host struct {
	Name string
	Addr netip.Addr
}

// Hosts are the lab's machines, on 10.77.0.0/24.
var Hosts = []Host{
	{"alpha", netip.MustParseAddr("10.77.0.1")},
	{"beta", netip.MustParseAddr("10.77.0.2")},
	{"gamma", netip.MustParseAddr("10.77.0.3")},
}

// Prefix is the lab's one network.
var Prefix = netip.MustParsePrefix("10.77.0.0/24")

// HostNamed finds a host by name.
func HostNamed(name string) (Host, bool) {
	for _, h := range Hosts {
		if h.Name == name {
			return h, true
		}
	}
	return Host{}, false
}

// HostAt names the host with an address, "" for none.
func HostAt(a netip.Addr) string {
	for _, h := range Hosts {
		if h.Addr == a {
			return h.Name
		}
	}
	return ""
}

// hostsFile is the lab's /etc/hosts.
func hostsFile() string {
	s := "# sockrepl --lab: the hosts of this lab\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
	for _, h := range Hosts {
		s += h.Addr.String() + "\t" + h.Name + "\n"
	}
	return s
}
