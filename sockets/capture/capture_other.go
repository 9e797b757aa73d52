//go:build !linux

package capture

import "errors"

// Capture is Linux-only: packet sockets are Linux's.
type Capture struct{}

// Open says that capture needs Linux.
func Open(Filter) (*Capture, error) {
	return nil, errors.New("capture: packet capture needs Linux")
}

// SetFilter does nothing off Linux.
func (*Capture) SetFilter(Filter) error { return nil }

// Take returns nothing off Linux.
func (*Capture) Take() ([]Packet, int) { return nil, 0 }

// Close does nothing off Linux.
func (*Capture) Close() error { return nil }

// Available is false off Linux.
func Available() bool { return false }
