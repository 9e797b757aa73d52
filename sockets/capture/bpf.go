//go:build linux

package capture

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// The kernel's ancillary loads (linux/filter.h): a classic BPF load at
// SKF_AD_OFF+n reads a field of the packet's metadata, not its bytes.
const (
	skfAdOff      = 0xfffff000 // -0x1000 as the 32-bit k operand
	skfAdProtocol = 0          // skb->protocol, the ethertype, host order
	skfAdPkttype  = 4          // PACKET_HOST, PACKET_OUTGOING...
	skfAdIfindex  = 8          // the device's ifindex
)

// snapLen is how much of a packet the filter keeps: IPv6 (40) plus a TCP
// header with every option (60) plus the payload's first bytes, or an ICMP
// error with the header it quotes. Only headers and a preview are shown,
// so the kernel copies no more than this into the socket.
const snapLen = 192

// maxPorts bounds the filter: each port costs six instructions, and the
// conditional jumps of classic BPF reach at most 255 ahead.
const maxPorts = 100

// asm assembles a classic BPF program with named forward labels.
type asm struct {
	ins    []unix.SockFilter
	labels map[string]int
	refs   []ref
	n      int    // for unique label names
	dup    string // a label defined twice
}

type ref struct {
	at    int
	label string
	kind  byte // 't', 'f' (conditional targets) or 'k' (ja)
}

func (a *asm) op(code uint16, k uint32) {
	a.ins = append(a.ins, unix.SockFilter{Code: code, K: k})
}

// jmp is a conditional jump; an empty label means the next instruction.
func (a *asm) jmp(code uint16, k uint32, t, f string) {
	at := len(a.ins)
	a.op(unix.BPF_JMP|code|unix.BPF_K, k)
	if t != "" {
		a.refs = append(a.refs, ref{at, t, 't'})
	}
	if f != "" {
		a.refs = append(a.refs, ref{at, f, 'f'})
	}
}

func (a *asm) ja(label string) {
	a.refs = append(a.refs, ref{len(a.ins), label, 'k'})
	a.op(unix.BPF_JMP|unix.BPF_JA, 0)
}

func (a *asm) label(name string) {
	if a.labels == nil {
		a.labels = map[string]int{}
	}
	if _, ok := a.labels[name]; ok {
		a.dup = name
	}
	a.labels[name] = len(a.ins)
}

// fresh returns a label name not used before.
func (a *asm) fresh(base string) string {
	a.n++
	return fmt.Sprintf("%s#%d", base, a.n) // "#" keeps them apart from fixed names
}

func (a *asm) assemble() ([]unix.SockFilter, error) {
	if a.dup != "" {
		return nil, fmt.Errorf("bpf: label %q defined twice", a.dup)
	}
	for _, r := range a.refs {
		to, ok := a.labels[r.label]
		if !ok {
			return nil, fmt.Errorf("bpf: no label %q", r.label)
		}
		off := to - r.at - 1
		if off < 0 || (r.kind != 'k' && off > 255) {
			return nil, fmt.Errorf("bpf: jump to %q out of reach (%d)", r.label, off)
		}
		switch r.kind {
		case 't':
			a.ins[r.at].Jt = uint8(off)
		case 'f':
			a.ins[r.at].Jf = uint8(off)
		default:
			a.ins[r.at].K = uint32(off)
		}
	}
	return a.ins, nil
}

// ports emits a block that keeps the packet when the 16-bit value at
// either offset (relative to X when indexed) is one of ports, and drops
// it otherwise. The block carries its own returns so that no jump has
// to reach past the other blocks.
func (a *asm) ports(indexed bool, off1, off2 uint32, ports []uint16) {
	keep := a.fresh("keep")
	mode := uint16(unix.BPF_ABS)
	if indexed {
		mode = unix.BPF_IND
	}
	for _, off := range []uint32{off1, off2} {
		a.op(unix.BPF_LD|unix.BPF_H|mode, off)
		for _, p := range ports {
			a.jmp(unix.BPF_JEQ, uint32(p), keep, "")
		}
	}
	a.op(unix.BPF_RET|unix.BPF_K, 0)
	a.label(keep)
	a.op(unix.BPF_RET|unix.BPF_K, snapLen)
}

// program builds the filter for a packet socket of type SOCK_DGRAM, whose
// filter sees the packet from its network header on. It keeps:
//   - IPv4 and IPv6 TCP and UDP with either port in f.Ports;
//   - ICMP and ICMPv6 errors (unreachable, time exceeded) that quote such
//     a packet, so a datagram to a closed port shows its answer;
//   - with f.ICMP, echo requests and replies (ping);
//
// and drops the copy of each packet that the loopback device hands to
// packet sockets as it is sent (PACKET_OUTGOING on lo): on lo every packet
// is both sent and received, and the received copy is the one kept.
// IPv4 fragments after the first and IPv6 extension headers are dropped.
func program(f Filter, loopback []int) ([]unix.SockFilter, error) {
	ports := f.Ports
	if len(ports) > maxPorts {
		ports = ports[len(ports)-maxPorts:]
	}
	var a asm
	ld := func(size uint16, mode uint16, k uint32) { a.op(unix.BPF_LD|size|mode, k) }
	drop := func() { a.op(unix.BPF_RET|unix.BPF_K, 0) }

	// The outgoing copy on loopback.
	ld(unix.BPF_B, unix.BPF_ABS, skfAdOff+skfAdPkttype)
	a.jmp(unix.BPF_JEQ, unix.PACKET_OUTGOING, "", "proto")
	ld(unix.BPF_W, unix.BPF_ABS, skfAdOff+skfAdIfindex)
	for _, i := range loopback {
		a.jmp(unix.BPF_JEQ, uint32(i), "drop0", "")
	}
	a.ja("proto")
	a.label("drop0")
	drop()

	a.label("proto")
	ld(unix.BPF_H, unix.BPF_ABS, skfAdOff+skfAdProtocol)
	a.jmp(unix.BPF_JEQ, unix.ETH_P_IP, "v4", "")
	a.jmp(unix.BPF_JEQ, unix.ETH_P_IPV6, "v6jump", "")
	drop()
	a.label("v6jump")
	a.ja("v6")

	// IPv4: protocol at 9, header length from the low nibble of byte 0.
	a.label("v4")
	ld(unix.BPF_H, unix.BPF_ABS, 6)
	a.jmp(unix.BPF_JSET, 0x1fff, "drop1", "")
	ld(unix.BPF_B, unix.BPF_ABS, 9)
	a.op(unix.BPF_LDX|unix.BPF_B|unix.BPF_MSH, 0)
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_TCP, "t4", "")
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_UDP, "t4", "")
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_ICMP, "i4jump", "")
	a.label("drop1")
	drop()
	a.label("i4jump")
	a.ja("i4")
	a.label("t4")
	a.ports(true, 0, 2, ports)

	a.label("i4")
	ld(unix.BPF_B, unix.BPF_IND, 0) // ICMP type
	if f.ICMP {
		a.jmp(unix.BPF_JEQ, 0, "keep4", "")
		a.jmp(unix.BPF_JEQ, 8, "keep4", "")
	}
	a.jmp(unix.BPF_JEQ, 3, "e4", "")
	a.jmp(unix.BPF_JEQ, 11, "e4", "")
	drop()
	a.label("keep4")
	a.op(unix.BPF_RET|unix.BPF_K, snapLen)
	// The quoted IPv4 header starts 8 bytes into the ICMP message; add
	// its length to X so the quoted ports sit at X+8 and X+10.
	a.label("e4")
	ld(unix.BPF_B, unix.BPF_IND, 8)
	a.op(unix.BPF_ALU|unix.BPF_AND|unix.BPF_K, 0x0f)
	a.op(unix.BPF_ALU|unix.BPF_LSH|unix.BPF_K, 2)
	a.op(unix.BPF_ALU|unix.BPF_ADD|unix.BPF_X, 0)
	a.op(unix.BPF_MISC|unix.BPF_TAX, 0)
	a.ports(true, 8, 10, ports)

	// IPv6: the next header at 6, the transport header at 40.
	a.label("v6")
	ld(unix.BPF_B, unix.BPF_ABS, 6)
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_TCP, "t6", "")
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_UDP, "t6", "")
	a.jmp(unix.BPF_JEQ, unix.IPPROTO_ICMPV6, "i6jump", "")
	drop()
	a.label("i6jump")
	a.ja("i6")
	a.label("t6")
	a.ports(false, 40, 42, ports)

	a.label("i6")
	ld(unix.BPF_B, unix.BPF_ABS, 40)
	if f.ICMP {
		a.jmp(unix.BPF_JEQ, 128, "keep6", "")
		a.jmp(unix.BPF_JEQ, 129, "keep6", "")
	}
	a.jmp(unix.BPF_JEQ, 1, "e6", "")
	a.jmp(unix.BPF_JEQ, 3, "e6", "")
	drop()
	a.label("keep6")
	a.op(unix.BPF_RET|unix.BPF_K, snapLen)
	// The quoted IPv6 header starts at 48; its ports at 88 and 90.
	a.label("e6")
	a.ports(false, 88, 90, ports)
	return a.assemble()
}
