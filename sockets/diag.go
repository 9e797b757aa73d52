//go:build linux

package sockets

import (
	"bytes"
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// /proc/net/tcp does not show a listener's backlog; the sock_diag netlink
// interface does (as ss shows it), and needs no root. Only listeners are
// asked for, so the answer stays small.

// inetDiagSockID is struct inet_diag_sockid.
type inetDiagSockID struct {
	Sport, Dport [2]byte
	Src, Dst     [16]byte
	If           uint32
	Cookie       [2]uint32
}

// inetDiagReqV2 is struct inet_diag_req_v2.
type inetDiagReqV2 struct {
	Family, Protocol, Ext, Pad uint8
	States                     uint32
	ID                         inetDiagSockID
}

// inetDiagMsg is struct inet_diag_msg.
type inetDiagMsg struct {
	Family, State, Timer, Retrans uint8
	ID                            inetDiagSockID
	Expires, Rqueue, Wqueue, UID  uint32
	Inode                         uint32
}

const tcpListen = 10

// fillListenBacklogs sets SendQ of TCP listeners to their backlog and
// RecvQ to their accept queue, as ss prints them. Without sock_diag the
// rows keep what /proc showed.
func fillListenBacklogs(socks []KernelSocket) {
	byInode := map[uint64]int{}
	for i, k := range socks {
		if (k.Proto == "tcp" || k.Proto == "tcp6") && k.State == "LISTEN" {
			byInode[k.Inode] = i
		}
	}
	if len(byInode) == 0 {
		return
	}
	for _, fam := range []uint8{unix.AF_INET, unix.AF_INET6} {
		msgs, err := diagListeners(fam)
		if err != nil {
			return
		}
		for _, m := range msgs {
			if i, ok := byInode[uint64(m.Inode)]; ok {
				socks[i].RecvQ, socks[i].SendQ = int(m.Rqueue), int(m.Wqueue)
			}
		}
	}
}

// diagListeners dumps the TCP listeners of one address family.
func diagListeners(family uint8) ([]inetDiagMsg, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	// The kernel answers a dump at once; the timeout only guards a
	// kernel that never does.
	unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &unix.Timeval{Sec: 1})

	req := inetDiagReqV2{Family: family, Protocol: unix.IPPROTO_TCP, States: 1 << tcpListen}
	var body bytes.Buffer
	binary.Write(&body, binary.NativeEndian, req)
	hdr := unix.NlMsghdr{
		Len:   uint32(unix.SizeofNlMsghdr + body.Len()),
		Type:  unix.SOCK_DIAG_BY_FAMILY,
		Flags: unix.NLM_F_REQUEST | unix.NLM_F_DUMP,
		Seq:   1,
	}
	var msg bytes.Buffer
	binary.Write(&msg, binary.NativeEndian, hdr)
	msg.Write(body.Bytes())
	if err := unix.Sendto(fd, msg.Bytes(), 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return nil, err
	}
	var out []inetDiagMsg
	buf := make([]byte, 32<<10)
	for {
		n, _, err := unix.Recvfrom(fd, buf, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		for b := buf[:n]; len(b) >= unix.SizeofNlMsghdr; {
			var h unix.NlMsghdr
			binary.Read(bytes.NewReader(b), binary.NativeEndian, &h)
			if int(h.Len) < unix.SizeofNlMsghdr || int(h.Len) > len(b) {
				return nil, unix.EINVAL
			}
			switch h.Type {
			case unix.NLMSG_DONE:
				return out, nil
			case unix.NLMSG_ERROR:
				return nil, unix.EINVAL
			}
			var m inetDiagMsg
			if binary.Read(bytes.NewReader(b[unix.SizeofNlMsghdr:h.Len]), binary.NativeEndian, &m) == nil {
				out = append(out, m)
			}
			b = b[min(len(b), int(h.Len+3)&^3):]
		}
	}
}
