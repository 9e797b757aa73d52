package capture

import (
	"encoding/binary"
	"net/netip"
	"time"
)

// Proto is the transport protocol of a packet.
type Proto uint8

// The protocols decoded.
const (
	TCP    Proto = 6
	UDP    Proto = 17
	ICMP   Proto = 1
	ICMPv6 Proto = 58
)

func (p Proto) String() string {
	switch p {
	case TCP:
		return "TCP"
	case UDP:
		return "UDP"
	case ICMP:
		return "ICMP"
	case ICMPv6:
		return "ICMPv6"
	}
	return "?"
}

// TCP header flags.
const (
	FIN = 1 << iota
	SYN
	RST
	PSH
	ACK
	URG
	ECE
	CWR
)

// PreviewLen is how many payload bytes a Packet keeps.
const PreviewLen = 32

// Packet is one decoded packet: the headers sockrepl shows and the first
// bytes of its payload.
type Packet struct {
	Time     time.Time
	Ifindex  int
	Proto    Proto
	Src, Dst netip.AddrPort // ICMP: port 0

	// TCP
	Seq, Ack uint32
	Flags    uint8
	Window   uint16 // as sent, before window scaling
	WScale   int    // the window scale option of a SYN; -1 without one
	MSS      int    // the MSS option of a SYN; 0 without one

	// ICMP and ICMPv6
	Type, Code uint8
	ID, Echo   uint16 // an echo's identifier and sequence number
	// Quoted is the packet an ICMP error quotes (its addresses, ports and
	// protocol), when it carried one.
	Quoted *Packet

	// Len is the payload length: TCP or UDP data, or ICMP data after the
	// 8-byte header. Head holds its first PreviewLen bytes at most.
	Len  int
	Head []byte
}

// Decode reads an IPv4 or IPv6 packet (from its network header: a
// SOCK_DGRAM packet socket's view) carrying TCP, UDP, ICMP or ICMPv6. It
// never panics on short or malformed input: it says false instead.
func Decode(b []byte) (Packet, bool) {
	var p Packet
	if len(b) < 1 {
		return p, false
	}
	var body []byte
	var total int // bytes of transport header and payload, from the IP header
	switch b[0] >> 4 {
	case 4:
		if len(b) < 20 {
			return p, false
		}
		ihl := int(b[0]&0x0f) * 4
		if ihl < 20 || len(b) < ihl {
			return p, false
		}
		if binary.BigEndian.Uint16(b[6:8])&0x1fff != 0 {
			return p, false // not the first fragment
		}
		p.Proto = Proto(b[9])
		p.Src = netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[12:16])), 0)
		p.Dst = netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[16:20])), 0)
		total = int(binary.BigEndian.Uint16(b[2:4])) - ihl
		body = b[ihl:]
	case 6:
		if len(b) < 40 {
			return p, false
		}
		p.Proto = Proto(b[6])
		p.Src = netip.AddrPortFrom(netip.AddrFrom16([16]byte(b[8:24])), 0)
		p.Dst = netip.AddrPortFrom(netip.AddrFrom16([16]byte(b[24:40])), 0)
		total = int(binary.BigEndian.Uint16(b[4:6]))
		body = b[40:]
	default:
		return p, false
	}
	if total < 0 {
		return p, false
	}
	switch p.Proto {
	case TCP:
		if len(body) < 20 {
			return p, false
		}
		off := int(body[12]>>4) * 4
		if off < 20 || len(body) < off {
			return p, false
		}
		p.Src = netip.AddrPortFrom(p.Src.Addr(), binary.BigEndian.Uint16(body[0:2]))
		p.Dst = netip.AddrPortFrom(p.Dst.Addr(), binary.BigEndian.Uint16(body[2:4]))
		p.Seq = binary.BigEndian.Uint32(body[4:8])
		p.Ack = binary.BigEndian.Uint32(body[8:12])
		p.Flags = body[13]
		p.Window = binary.BigEndian.Uint16(body[14:16])
		p.WScale = -1
		p.tcpOptions(body[20:off])
		p.payload(body[off:], total-off)
	case UDP:
		if len(body) < 8 {
			return p, false
		}
		p.Src = netip.AddrPortFrom(p.Src.Addr(), binary.BigEndian.Uint16(body[0:2]))
		p.Dst = netip.AddrPortFrom(p.Dst.Addr(), binary.BigEndian.Uint16(body[2:4]))
		p.payload(body[8:], int(binary.BigEndian.Uint16(body[4:6]))-8)
	case ICMP, ICMPv6:
		if len(body) < 8 {
			return p, false
		}
		p.Type, p.Code = body[0], body[1]
		if p.isEcho() {
			p.ID = binary.BigEndian.Uint16(body[4:6])
			p.Echo = binary.BigEndian.Uint16(body[6:8])
		} else if p.isError() {
			if q, ok := decodeQuoted(body[8:]); ok {
				p.Quoted = &q
			}
		}
		p.payload(body[8:], total-8)
	default:
		return p, false
	}
	return p, true
}

// payload records the payload's length (from the headers: the capture
// keeps only its start) and its first bytes.
func (p *Packet) payload(b []byte, n int) {
	p.Len = max(n, 0)
	b = b[:min(len(b), p.Len, PreviewLen)]
	p.Head = append([]byte(nil), b...)
}

// tcpOptions reads the window scale and MSS options.
func (p *Packet) tcpOptions(o []byte) {
	for len(o) > 0 {
		switch o[0] {
		case 0: // end of options
			return
		case 1: // no-op
			o = o[1:]
			continue
		}
		if len(o) < 2 || int(o[1]) < 2 || int(o[1]) > len(o) {
			return
		}
		switch {
		case o[0] == 2 && o[1] == 4:
			p.MSS = int(binary.BigEndian.Uint16(o[2:4]))
		case o[0] == 3 && o[1] == 3:
			p.WScale = int(min(o[2], 14))
		}
		o = o[o[1]:]
	}
}

func (p *Packet) isEcho() bool {
	if p.Proto == ICMP {
		return p.Type == 0 || p.Type == 8
	}
	return p.Type == 128 || p.Type == 129
}

func (p *Packet) isError() bool {
	if p.Proto == ICMP {
		return p.Type == 3 || p.Type == 11
	}
	return p.Type == 1 || p.Type == 3
}

// decodeQuoted reads the start of the packet an ICMP error quotes: its
// addresses and, for TCP and UDP, its ports (the first 8 bytes of its
// transport header are all an ICMPv4 error must carry).
func decodeQuoted(b []byte) (Packet, bool) {
	var q Packet
	if len(b) < 1 {
		return q, false
	}
	var rest []byte
	switch b[0] >> 4 {
	case 4:
		if len(b) < 20 {
			return q, false
		}
		ihl := int(b[0]&0x0f) * 4
		if ihl < 20 || len(b) < ihl {
			return q, false
		}
		q.Proto = Proto(b[9])
		q.Src = netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[12:16])), 0)
		q.Dst = netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[16:20])), 0)
		rest = b[ihl:]
	case 6:
		if len(b) < 40 {
			return q, false
		}
		q.Proto = Proto(b[6])
		q.Src = netip.AddrPortFrom(netip.AddrFrom16([16]byte(b[8:24])), 0)
		q.Dst = netip.AddrPortFrom(netip.AddrFrom16([16]byte(b[24:40])), 0)
		rest = b[40:]
	default:
		return q, false
	}
	if (q.Proto == TCP || q.Proto == UDP) && len(rest) >= 4 {
		q.Src = netip.AddrPortFrom(q.Src.Addr(), binary.BigEndian.Uint16(rest[0:2]))
		q.Dst = netip.AddrPortFrom(q.Dst.Addr(), binary.BigEndian.Uint16(rest[2:4]))
	}
	return q, true
}
