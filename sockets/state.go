//go:build linux

package sockets

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// State reads the socket's kernel state: TCP_INFO, SIOCINQ/SIOCOUTQ and
// getsockopt, all without root. A closed socket gives Closed with FD -1.
// Laddr is nil for an unbound socket (port 0, or an unnamed AF_UNIX one).
// Raddr is getpeername's answer, except that a socket still connecting
// (SYN_SENT, where getpeername fails) shows the address it is connecting
// to, taken from the kernel's table as ss shows it.
func (s *Socket) State() State {
	st := State{
		FD: s.fd, Family: s.family, Type: s.typ, Kind: kindOf(s.family, s.typ),
		Mode: s.mode, Timeout: s.Gettimeout(),
		Received: s.received.Load(), EOFSeen: s.eofSeen.Load(),
	}
	if s.fd < 0 {
		st.Closed, st.FD = true, -1
		if s.backlog >= 0 {
			st.Backlog = s.backlog
		}
		return st
	}
	var sa sockaddr
	if sysGetsockname(s.fd, &sa) == nil && sa.endpoint() != "" {
		st.Laddr = sa.value()
	}
	if sysGetpeername(s.fd, &sa) == nil {
		st.Raddr = sa.value()
	}
	if acc, err := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_ACCEPTCONN); err == nil {
		st.Listening = acc != 0
	}
	if s.isTCP() {
		if info, err := unix.GetsockoptTCPInfo(s.fd, unix.IPPROTO_TCP, unix.TCP_INFO); err == nil {
			st.TCPState = TCPState(info.State)
		}
		if st.Raddr == nil && st.TCPState == TCPSynSent {
			st.Raddr = s.connectingTo()
		}
		st.NoDelay = getsockoptBool(s.fd, unix.IPPROTO_TCP, unix.TCP_NODELAY)
		st.KeepIdle, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_KEEPIDLE)
		st.KeepIntvl, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_KEEPINTVL)
		st.KeepCnt, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_KEEPCNT)
		st.UserTimeout, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_USER_TIMEOUT)
		st.SynCnt, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_SYNCNT)
		st.DeferAccept, _ = unix.GetsockoptInt(s.fd, unix.IPPROTO_TCP, unix.TCP_DEFER_ACCEPT)
	}
	if st.Listening {
		st.AcceptQ, st.Backlog = s.acceptQueue()
		st.RecvQ = st.AcceptQ
	} else {
		st.RecvQ, _ = sysIoctlInt(s.fd, unix.SIOCINQ)
		st.SendQ, _ = sysIoctlInt(s.fd, unix.SIOCOUTQ)
		st.Sent = s.written.Load()
	}
	st.RcvBuf, _ = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_RCVBUF)
	st.SndBuf, _ = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_SNDBUF)
	st.ReuseAddr = getsockoptBool(s.fd, unix.SOL_SOCKET, unix.SO_REUSEADDR)
	st.ReusePort = getsockoptBool(s.fd, unix.SOL_SOCKET, unix.SO_REUSEPORT)
	st.KeepAlive = getsockoptBool(s.fd, unix.SOL_SOCKET, unix.SO_KEEPALIVE)
	switch s.family {
	case unix.AF_INET6:
		st.V6Only = getsockoptBool(s.fd, unix.IPPROTO_IPV6, unix.IPV6_V6ONLY)
	case unix.AF_INET:
		buf := make([]byte, 40) // the most options an IPv4 header holds
		if n, err := sysGetsockopt(s.fd, unix.IPPROTO_IP, unix.IP_OPTIONS, buf); err == nil && n > 0 {
			st.IPOptions = buf[:n]
		}
	}
	st.Drops = memDrops(s.fd)
	return st
}

// getsockoptBool reads an int option as a flag; an error reads as false.
func getsockoptBool(fd, level, opt int) bool {
	v, err := unix.GetsockoptInt(fd, level, opt)
	return err == nil && v != 0
}

// memDrops is SO_MEMINFO's drop counter: the kernel's sk_drops, which
// counts datagrams refused for a full receive buffer and, on a listener,
// SYNs and handshakes dropped for a full accept queue.
func memDrops(fd int) int {
	// include/uapi/linux/sock_diag.h: SK_MEMINFO_DROPS is the 9th of 9 u32.
	const vars, drops = 9, 8
	buf := make([]byte, vars*4)
	n, err := sysGetsockopt(fd, unix.SOL_SOCKET, unix.SO_MEMINFO, buf)
	if err != nil || n < (drops+1)*4 {
		return 0
	}
	return int(binary.NativeEndian.Uint32(buf[drops*4:]))
}

func (s *Socket) isTCP() bool {
	return (s.family == unix.AF_INET || s.family == unix.AF_INET6) && s.typ == unix.SOCK_STREAM
}

// acceptQueue is a listener's queue length and backlog. For TCP, TCP_INFO
// on a listener carries them in tcpi_unacked and tcpi_sacked; other
// listeners report the backlog passed to listen and no length.
func (s *Socket) acceptQueue() (n, backlog int) {
	backlog = max(s.backlog, 0)
	if s.isTCP() {
		if info, err := unix.GetsockoptTCPInfo(s.fd, unix.IPPROTO_TCP, unix.TCP_INFO); err == nil && TCPState(info.State) == TCPListen {
			return int(info.Unacked), int(info.Sacked)
		}
	}
	return 0, backlog
}

// kindOf is the short kind name the shell shows: "tcp4", "unix-stream"...
func kindOf(family, typ int) Kind {
	var base string
	switch typ {
	case unix.SOCK_STREAM:
		base = "tcp"
	case unix.SOCK_DGRAM:
		base = "udp"
	case unix.SOCK_RAW:
		base = "raw"
	case unix.SOCK_SEQPACKET:
		base = "seqpacket"
	default:
		base = "sock"
	}
	switch family {
	case unix.AF_INET:
		return Kind(base + "4")
	case unix.AF_INET6:
		return Kind(base + "6")
	case unix.AF_UNIX:
		switch typ {
		case unix.SOCK_STREAM:
			return KindUnixStream
		case unix.SOCK_DGRAM:
			return KindUnixDgram
		case unix.SOCK_SEQPACKET:
			return KindUnixSeqpacket
		}
		return "unix"
	}
	return Kind(familyText(family) + "-" + base)
}

// connectingTo is the destination of a SYN_SENT socket: the address given
// to connect(), else its row in /proc/net/tcp{,6}, found by inode.
func (s *Socket) connectingTo() any {
	if s.dialed != nil {
		// Remembered from connect(): reading /proc/net/tcp costs
		// hundreds of ms on a machine full of TIME_WAIT entries.
		return s.dialed.value()
	}
	var stat unix.Stat_t
	if unix.Fstat(s.fd, &stat) != nil {
		return nil
	}
	file := "/net/tcp"
	if s.family == unix.AF_INET6 {
		file = "/net/tcp6"
	}
	rows, err := readInetTable(procRoot+file, "", false)
	if err != nil {
		return nil
	}
	for _, k := range rows {
		if k.Inode == stat.Ino {
			if s.family == unix.AF_INET6 {
				return Tuple{k.RemoteHost, k.RemotePort, 0, 0}
			}
			return Tuple{k.RemoteHost, k.RemotePort}
		}
	}
	return nil
}
