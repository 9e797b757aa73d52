package capture

import "errors"

// Filter says which packets the kernel hands over.
type Filter struct {
	// Ports: a TCP or UDP packet passes when its source or destination
	// port is one of these (the most recent maxPorts count).
	Ports []uint16
	// ICMP lets echo requests and replies pass too. ICMP errors pass when
	// the packet they quote has one of Ports.
	ICMP bool
}

// ErrPermission is Open's error without CAP_NET_RAW.
var ErrPermission = errors.New("capture: packet sockets need CAP_NET_RAW")
