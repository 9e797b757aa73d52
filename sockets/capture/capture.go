//go:build linux

package capture

import (
	"encoding/binary"
	"net"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// maxPending bounds the packets read but not yet taken; past it packets
// are counted, not kept, so a bulk transfer cannot grow memory.
const maxPending = 20000

// Capture reads one packet socket. Its goroutine reads packets as they
// come (so the kernel's queue does not overflow) and Close stops it.
type Capture struct {
	fd   int
	wake int // eventfd: Close writes it to stop the goroutine
	done chan struct{}

	mu       sync.Mutex // guards the fd's reads, pending and lost
	pending  []Packet
	lost     int // read but not kept (maxPending), or dropped by the kernel
	closed   bool
	loopback []int
	buf      [snapLen + 64]byte
	oob      [64]byte
}

// Open makes a packet socket that receives on every interface of this
// network namespace what f lets through. Without CAP_NET_RAW it returns
// ErrPermission.
func Open(f Filter) (*Capture, error) {
	// Protocol 0 receives nothing, so no packet arrives unfiltered
	// between socket() and the filter: bind turns reception on after.
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		if err == unix.EPERM || err == unix.EACCES {
			return nil, ErrPermission
		}
		return nil, err
	}
	c := &Capture{fd: fd, wake: -1, done: make(chan struct{}), loopback: loopbacks()}
	fail := func(err error) (*Capture, error) {
		unix.Close(fd)
		if c.wake >= 0 {
			unix.Close(c.wake)
		}
		return nil, err
	}
	if err := c.attach(f); err != nil {
		return fail(err)
	}
	// Timestamps from the kernel: when the packet passed, not when it was read.
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1); err != nil {
		return fail(err)
	}
	// A bigger queue rides out bursts (root may pass the limit).
	if unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, 4<<20) != nil {
		unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, 4<<20)
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL)}); err != nil {
		return fail(err)
	}
	if c.wake, err = unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK); err != nil {
		return fail(err)
	}
	go c.run()
	return c, nil
}

// SetFilter replaces the filter; the kernel swaps it atomically.
func (c *Capture) SetFilter(f Filter) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return net.ErrClosed
	}
	return c.attach(f)
}

func (c *Capture) attach(f Filter) error {
	prog, err := program(f, c.loopback)
	if err != nil {
		return err
	}
	fp := unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
	return unix.SetsockoptSockFprog(c.fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp)
}

// Take returns the packets captured since the last Take, oldest first,
// and how many were lost meanwhile. It first reads whatever the kernel
// has queued, so packets a statement caused on loopback (sent and
// answered before its system call returned) are all there.
func (c *Capture) Take() ([]Packet, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, 0
	}
	c.readLocked()
	if st, err := unix.GetsockoptTpacketStats(c.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS); err == nil {
		c.lost += int(st.Drops) // reading the counters resets them
	}
	out, lost := c.pending, c.lost
	c.pending, c.lost = nil, 0
	return out, lost
}

// Close stops the goroutine and closes the socket. Safe to call twice.
func (c *Capture) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	one := [8]byte{1}
	unix.Write(c.wake, one[:])
	c.mu.Unlock()
	<-c.done
	unix.Close(c.wake)
	return unix.Close(c.fd)
}

// run waits for packets and reads them until Close.
func (c *Capture) run() {
	defer close(c.done)
	fds := []unix.PollFd{{Fd: int32(c.fd), Events: unix.POLLIN}, {Fd: int32(c.wake), Events: unix.POLLIN}}
	for {
		fds[0].Revents, fds[1].Revents = 0, 0
		_, err := unix.Poll(fds, -1)
		if err != nil && err != unix.EINTR {
			return
		}
		if fds[1].Revents != 0 {
			return
		}
		if fds[0].Revents&(unix.POLLERR|unix.POLLNVAL) != 0 {
			return
		}
		c.mu.Lock()
		if c.closed {
			c.mu.Unlock()
			return
		}
		c.readLocked()
		c.mu.Unlock()
	}
}

// readLocked reads every queued packet without waiting.
func (c *Capture) readLocked() {
	for {
		n, oobn, _, from, err := unix.Recvmsg(c.fd, c.buf[:], c.oob[:], unix.MSG_DONTWAIT)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return
		}
		if len(c.pending) >= maxPending {
			c.lost++
			continue
		}
		p, ok := Decode(c.buf[:n])
		if !ok {
			continue
		}
		p.Time = stamp(c.oob[:oobn])
		if ll, ok := from.(*unix.SockaddrLinklayer); ok {
			p.Ifindex = ll.Ifindex
		}
		c.pending = append(c.pending, p)
	}
}

// stamp reads the SCM_TIMESTAMPNS control message; now without one.
func stamp(oob []byte) time.Time {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err == nil {
		for _, m := range msgs {
			if m.Header.Level == unix.SOL_SOCKET && m.Header.Type == unix.SO_TIMESTAMPNS && len(m.Data) >= int(unsafe.Sizeof(unix.Timespec{})) {
				ts := (*unix.Timespec)(unsafe.Pointer(&m.Data[0]))
				return time.Unix(ts.Unix())
			}
		}
	}
	return time.Now()
}

// loopbacks lists the ifindex of every loopback device.
func loopbacks() []int {
	ifs, err := net.Interfaces()
	if err != nil {
		return []int{1}
	}
	var out []int
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback != 0 {
			out = append(out, i.Index)
		}
	}
	return out
}

func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return *(*uint16)(unsafe.Pointer(&b[0]))
}
