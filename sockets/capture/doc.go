// Package capture shows the packets of a shell's own sockets: it reads a
// packet socket (AF_PACKET, SOCK_DGRAM) with a classic BPF filter on their
// ports attached in the kernel, decodes IPv4 and IPv6 with TCP, UDP, ICMP
// and ICMPv6, and follows each connection (relative sequence numbers,
// window scaling, both ends' TCP states).
//
// It needs CAP_NET_RAW; without it Open says ErrPermission. Nothing runs
// while no Capture is open. On the loopback device every packet passes
// the packet-socket tap twice, once sent and once received; the filter
// drops the sent copy on loopback devices only, so elsewhere (a veth in
// the lab) both directions of a host's traffic still show once.
//
// Files: bpf.go builds the filter, capture.go owns the socket and its
// goroutine, decode.go reads packets, flow.go follows connections.
// docs/WIRE.md tells the whole story and its limits.
package capture
