package capture

import (
	"net/netip"
)

// The TCP states, named as the kernel's tcp_states.h and the shell's %ls name them.
const (
	Closed      = "CLOSED"
	Listen      = "LISTEN"
	SynSent     = "SYN_SENT"
	SynRecv     = "SYN_RECV"
	Established = "ESTABLISHED"
	FinWait1    = "FIN_WAIT1"
	FinWait2    = "FIN_WAIT2"
	CloseWait   = "CLOSE_WAIT"
	Closing     = "CLOSING"
	LastAck     = "LAST_ACK"
	TimeWait    = "TIME_WAIT"
)

// Key names a flow: protocol and both ends, in the order of the packet
// that opened it (for TCP, the SYN's sender first).
type Key struct {
	Proto Proto
	A, B  netip.AddrPort
}

// Event is one packet as part of its flow.
type Event struct {
	Packet
	Flow *Flow
	// FromA: the packet went from the flow's end A to its end B.
	FromA bool
	// RelSeq and RelAck count from each direction's initial sequence
	// number, as Wireshark's relative numbers do: the SYN is 0, the first
	// data byte 1.
	RelSeq, RelAck uint32
	// Win is the receive window in bytes, the header's field scaled when
	// both SYNs carried the window scale option (seen in this capture).
	Win int
	// Before and After are the TCP states of ends A and B around the
	// packet, following the TCP rules for what was seen; "" when unknown.
	Before, After [2]string
}

// Flow is a TCP connection, or the packets between two UDP ends or two
// hosts' ICMP messages.
type Flow struct {
	Key
	State   [2]string // A's and B's TCP states now
	isn     [2]uint32
	haveISN [2]bool
	wscale  [2]int // -1: no option in the SYN; -2: SYN not seen
	finSeq  [2]uint32
	finSent [2]bool
	// Events are the flow's first KeptFirst packets (the handshake) and
	// its most recent ones, maxEvents in all; Dropped counts those between
	// the two that are no longer kept.
	Events  []Event
	Dropped int
}

// KeptFirst is how many of a flow's first packets are always kept.
const KeptFirst = 20

// maxEvents and maxFlows bound what a Tracker keeps for timelines.
const (
	maxEvents = 400
	maxFlows  = 256
)

// Tracker follows flows across packets: relative sequence numbers, the
// window scale, and each end's TCP state.
type Tracker struct {
	flows map[Key]*Flow
	order []*Flow // oldest first, for eviction
}

// NewTracker makes an empty Tracker.
func NewTracker() *Tracker { return &Tracker{flows: map[Key]*Flow{}} }

// Flows lists the flows, oldest first.
func (t *Tracker) Flows() []*Flow { return append([]*Flow(nil), t.order...) }

// Find returns the flow between a and b (either order) of proto.
func (t *Tracker) Find(proto Proto, a, b netip.AddrPort) *Flow {
	if f := t.flows[Key{proto, a, b}]; f != nil {
		return f
	}
	return t.flows[Key{proto, b, a}]
}

// Add places a packet in its flow and returns it as an Event.
func (t *Tracker) Add(p Packet) Event {
	proto := p.Proto
	a, b := p.Src, p.Dst
	if proto == ICMP || proto == ICMPv6 {
		a, b = netip.AddrPortFrom(a.Addr(), 0), netip.AddrPortFrom(b.Addr(), 0)
	}
	f := t.Find(proto, a, b)
	// A new SYN on a finished connection's ends (a port reused after
	// TIME_WAIT) starts a new flow.
	if f != nil && proto == TCP && p.Flags&(SYN|ACK) == SYN && f.finished() {
		t.remove(f)
		f = nil
	}
	if f == nil {
		f = &Flow{Key: Key{proto, a, b}, wscale: [2]int{-2, -2}}
		if proto == TCP && p.Flags&(SYN|ACK) == SYN|ACK {
			f.Key = Key{proto, b, a} // we missed the SYN: its receiver is B
		}
		t.flows[f.Key] = f
		t.order = append(t.order, f)
		if len(t.order) > maxFlows {
			t.remove(t.order[0])
		}
	}
	e := Event{Packet: p, Flow: f, FromA: p.Src == f.A || (proto != TCP && proto != UDP && p.Src.Addr() == f.A.Addr())}
	if proto == TCP {
		f.tcp(&e)
	}
	if len(f.Events) >= maxEvents {
		f.Events = append(f.Events[:KeptFirst], f.Events[KeptFirst+1:]...)
		f.Dropped++
	}
	f.Events = append(f.Events, e)
	return e
}

func (t *Tracker) remove(f *Flow) {
	delete(t.flows, f.Key)
	for i, g := range t.order {
		if g == f {
			t.order = append(t.order[:i], t.order[i+1:]...)
			break
		}
	}
}

// finished: both ends closed, or one in TIME_WAIT.
func (f *Flow) finished() bool {
	for _, s := range f.State {
		if s == TimeWait {
			return true
		}
	}
	return f.State[0] == Closed && f.State[1] == Closed
}

// tcp numbers the packet and applies it to both ends' states.
func (f *Flow) tcp(e *Event) {
	s, r := 1, 0 // sender and receiver, as indexes of A and B
	if e.FromA {
		s, r = 0, 1
	}
	p := &e.Packet
	if p.Flags&SYN != 0 {
		f.isn[s], f.haveISN[s] = p.Seq, true
		f.wscale[s] = p.WScale
	}
	if !f.haveISN[s] {
		f.isn[s], f.haveISN[s] = p.Seq-1, true // mid-stream: data starts at 1
	}
	if p.Flags&ACK != 0 && !f.haveISN[r] {
		f.isn[r], f.haveISN[r] = p.Ack-1, true
	}
	e.RelSeq = p.Seq - f.isn[s]
	if p.Flags&ACK != 0 {
		e.RelAck = p.Ack - f.isn[r]
	}
	e.Win = int(p.Window)
	if p.Flags&SYN == 0 && f.wscale[0] >= 0 && f.wscale[1] >= 0 {
		e.Win <<= f.wscale[s]
	}

	if f.State == [2]string{} {
		switch {
		case p.Flags&(SYN|ACK) == SYN:
			f.State[s], f.State[r] = Closed, Listen
		case p.Flags&(SYN|ACK) == SYN|ACK:
			f.State[s], f.State[r] = Listen, SynSent
		default:
			// Capture began after the handshake.
			f.State[s], f.State[r] = Established, Established
		}
	}
	e.Before = f.State
	f.step(s, r, p)
	e.After = f.State
}

// step moves both ends through the TCP state diagram (RFC 9293, with
// Linux's choices) for one packet from s to r, as if each end had sent
// or received it.
func (f *Flow) step(s, r int, p *Packet) {
	st := &f.State
	if p.Flags&RST != 0 {
		// The receiver drops the connection; the sender has none.
		st[s], st[r] = Closed, Closed
		return
	}
	switch {
	case p.Flags&(SYN|ACK) == SYN:
		st[s] = SynSent
		if st[r] == Listen || st[r] == Closed || st[r] == SynRecv || st[r] == "" {
			st[r] = SynRecv
		}
		return
	case p.Flags&(SYN|ACK) == SYN|ACK:
		st[s] = SynRecv
		if st[r] == SynSent {
			st[r] = Established
		}
		return
	}
	// The receiver's side of an ACK: of its SYN, or of its FIN.
	if p.Flags&ACK != 0 {
		finAcked := f.finSent[r] && p.Ack == f.finSeq[r]+1
		switch st[r] {
		case SynRecv:
			st[r] = Established
		case FinWait1:
			if finAcked {
				st[r] = FinWait2
			}
		case Closing:
			if finAcked {
				st[r] = TimeWait
			}
		case LastAck:
			if finAcked {
				st[r] = Closed
			}
		}
	}
	if p.Flags&FIN != 0 {
		f.finSent[s], f.finSeq[s] = true, p.Seq+uint32(p.Len)
		switch st[s] {
		case Established, SynRecv, SynSent:
			st[s] = FinWait1
		case CloseWait:
			st[s] = LastAck
		}
		switch st[r] {
		case Established, SynRecv:
			st[r] = CloseWait
		case FinWait1:
			st[r] = Closing
		case FinWait2:
			st[r] = TimeWait
		}
	}
}

// SetState corrects one end's state with what the kernel says of it
// (TCP_INFO of a socket this shell holds): a: end A, else end B.
func (f *Flow) SetState(a bool, state string) {
	if a {
		f.State[0] = state
	} else {
		f.State[1] = state
	}
	if n := len(f.Events); n > 0 {
		f.Events[n-1].After = f.State
	}
}
