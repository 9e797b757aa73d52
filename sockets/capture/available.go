//go:build linux

package capture

import "golang.org/x/sys/unix"

// Available reports whether this process may capture packets here (it
// has CAP_NET_RAW in its network namespace: root, a capability, or
// sockrepl --lab), by opening a packet socket that receives nothing.
func Available() bool {
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return false
	}
	unix.Close(fd)
	return true
}
