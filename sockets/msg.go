//go:build linux

package sockets

import (
	"encoding/binary"
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// sendmsg and recvmsg carry, besides the data, control messages
// ("ancillary data"): the way Unix sockets pass descriptors (SCM_RIGHTS)
// and credentials (SCM_CREDENTIALS), and the way the kernel reports
// per-datagram facts. A descriptor received is a new descriptor of this
// process: the Runtime owns it until socket(fileno=fd) adopts it (Adopt),
// and closes it with itself otherwise, so nothing leaks past a session.

// Sendmsg is sendmsg(buffers[, ancdata[, flags[, address]]]): the buffers
// go out as one message, with the control messages; address is nil for a
// connected socket. It waits for room as send() does.
func (s *Socket) Sendmsg(buffers [][]byte, anc []Ancillary, flags int, address any) (n int, err error) {
	var to *sockaddr
	if address != nil {
		if to, err = encodeAddr("sendmsg", s.family, address); err != nil {
			return 0, err
		}
	}
	oob := packControl(anc)
	s.rt.handOutFDs(anc)
	c := s.rt.begin("sendmsg", s)
	defer c.end(&err)
	deadline := s.deadline()
	for {
		start := s.rt.traceStart()
		n, e := sysSendmsg(s.fd, buffers, oob, to, flags|sendFlags)
		if e == nil && n > 0 {
			s.written.Add(int64(n))
		}
		if s.rt.tracing() {
			s.rt.emit(fmt.Sprintf("sendmsg(%d, {iov=%d buffers, control=%d bytes}, %s)", s.fd, len(buffers), len(oob), msgFlagsText(flags|sendFlags)), n, e, start)
		}
		switch {
		case e == nil:
			return n, nil
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitSendBuffer); err != nil {
				return 0, waitErr("sendmsg", err)
			}
		default:
			return 0, sysError("sendmsg", e)
		}
	}
}

// Recvmsg is recvmsg(bufsize[, ancbufsize[, flags]]): up to bufsize bytes
// of data, the control messages that fit in ancbufsize bytes, the
// message's flags (MSG_TRUNC: a datagram was cut; MSG_CTRUNC: control
// messages were) and the sender's address (nil when the kernel gave
// none). Descriptors received are the Runtime's until adopted.
func (s *Socket) Recvmsg(bufsize, ancbufsize, flags int) (data []byte, anc []Ancillary, msgFlags int, addr any, err error) {
	if bufsize < 0 {
		return nil, nil, 0, nil, opValueError("recvmsg", "negative buffer size in recvmsg()")
	}
	if ancbufsize < 0 {
		return nil, nil, 0, nil, opValueError("recvmsg", "invalid ancillary data buffer length")
	}
	c := s.rt.begin("recvmsg", s)
	defer c.end(&err)
	var from sockaddr
	var oob []byte
	_, err = s.recvLoop(c, "recvmsg", max(bufsize, 1), flags, func(_, flags int) (int, error) {
		buf := make([]byte, bufsize)
		oob = make([]byte, ancbufsize)
		start := s.rt.traceStart()
		n, oobn, mf, e := sysRecvmsg(s.fd, buf, oob, &from, flags|unix.MSG_DONTWAIT|unix.MSG_CMSG_CLOEXEC)
		if s.rt.tracing() {
			s.rt.emit(fmt.Sprintf("recvmsg(%d, {iov=%d bytes, control=%d bytes}, %s)", s.fd, bufsize, ancbufsize, msgFlagsText(flags|unix.MSG_DONTWAIT)), n, e, start)
		}
		if e != nil {
			return 0, e
		}
		// MSG_CMSG_CLOEXEC comes back in the flags; CPython never sets it.
		data, oob, msgFlags = buf[:min(n, len(buf))], oob[:oobn], mf&^unix.MSG_CMSG_CLOEXEC
		return len(data), nil
	}, func() []byte { return data })
	if err != nil {
		return nil, nil, 0, nil, err
	}
	anc = s.rt.unpackControl(oob)
	return data, anc, msgFlags, from.value(), nil
}

// packControl lays the control messages out as the kernel reads them:
// each a cmsghdr and its data, padded to the alignment.
func packControl(anc []Ancillary) []byte {
	var out []byte
	for _, a := range anc {
		b := make([]byte, unix.CmsgSpace(len(a.Data)))
		h := (*unix.Cmsghdr)(unsafe.Pointer(&b[0]))
		h.Level, h.Type = int32(a.Level), int32(a.Type)
		h.SetLen(unix.CmsgLen(len(a.Data)))
		copy(b[unix.CmsgLen(0):], a.Data)
		out = append(out, b...)
	}
	return out
}

// unpackControl splits received control messages; the descriptors of an
// SCM_RIGHTS message become the Runtime's.
func (rt *Runtime) unpackControl(oob []byte) []Ancillary {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	out := make([]Ancillary, 0, len(msgs))
	for _, m := range msgs {
		a := Ancillary{Level: int(m.Header.Level), Type: int(m.Header.Type), Data: append([]byte(nil), m.Data...)}
		if a.Level == unix.SOL_SOCKET && a.Type == unix.SCM_RIGHTS {
			for i := 0; i+4 <= len(a.Data); i += 4 {
				rt.own(int(int32(binary.NativeEndian.Uint32(a.Data[i:]))))
			}
		}
		out = append(out, a)
	}
	return out
}

// CmsgLen and CmsgSpace are socket.CMSG_LEN and socket.CMSG_SPACE: the
// length of a control message with n bytes of data, without and with the
// padding that follows it.
func CmsgLen(n int) int   { return unix.CmsgLen(n) }
func CmsgSpace(n int) int { return unix.CmsgSpace(n) }

func rawSendmsg(fd int, bufs [][]byte, oob []byte, to *sockaddr, flags int) (int, error) {
	var msg unix.Msghdr
	iov := make([]unix.Iovec, len(bufs)+1) // never empty, so &iov[0] is valid
	for i, b := range bufs {
		iov[i].Base = bufBase(b)
		iov[i].SetLen(len(b))
	}
	msg.Iov = &iov[0]
	msg.SetIovlen(len(bufs))
	if len(oob) > 0 {
		msg.Control = &oob[0]
		msg.SetControllen(len(oob))
	}
	if to != nil {
		msg.Name = (*byte)(unsafe.Pointer(&to.raw))
		msg.Namelen = to.n
	}
	r, _, e := unix.RawSyscall(unix.SYS_SENDMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags))
	return int(r), errnoErr(e)
}

// rawRecvmsg returns the data length (the datagram's full length when
// MSG_TRUNC cut it), the control bytes and the message's flags.
func rawRecvmsg(fd int, p, oob []byte, from *sockaddr, flags int) (n, oobn, msgFlags int, err error) {
	var msg unix.Msghdr
	var iov unix.Iovec
	iov.Base = bufBase(p)
	iov.SetLen(len(p))
	msg.Iov = &iov
	msg.SetIovlen(1)
	if len(oob) > 0 {
		msg.Control = &oob[0]
		msg.SetControllen(len(oob))
	}
	from.n = unix.SizeofSockaddrAny
	msg.Name = (*byte)(unsafe.Pointer(&from.raw))
	msg.Namelen = from.n
	r, _, e := unix.RawSyscall(unix.SYS_RECVMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags))
	from.n = msg.Namelen
	return int(r), int(msg.Controllen), int(msg.Flags), errnoErr(e)
}
