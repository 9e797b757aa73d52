package repl

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sys/unix"

	"sockrepl/repl/python"
	"sockrepl/sockets"
	"sockrepl/sockets/capture"
)

// wire is %packets: the capture, the connections it has followed, and
// how this shell's ends are named. It exists from the first %packets on;
// the tracker outlives %packets off, so %timeline still draws.
type wire struct {
	mu    sync.Mutex // guards cap, ports and icmp: the port hook runs on interpreter goroutines
	cap   *capture.Capture
	port  int      // %packets on PORT; 0: this shell's sockets
	ports []uint16 // the filter's ports, oldest first
	icmp  bool

	tracker *capture.Tracker
	// ends names this shell's ends (local, remote) and remembers them
	// after close, so a FIN or the last ACK after close() is still c's.
	ends map[endKey]string
	// open is this shell's open sockets by their ends, for the kernel's
	// own word on their TCP state.
	open map[endKey]*sockets.Socket
	// sockEnds is each socket's last known ends, for %timeline NAME.
	sockEnds map[*sockets.Socket]endKey
	// names of each flow's ends A and B, as of this drain (a listener's
	// name gives way to the accepted socket's); mine: one of them is this
	// shell's; peers: the other ends' names, found once per flow.
	names     map[*capture.Flow][2]string
	mine      map[*capture.Flow]bool
	peers     map[*capture.Flow][2]string
	icmpNames []string // this shell's ICMP sockets
}

type endKey struct {
	proto         capture.Proto
	local, remote netip.AddrPort
}

// maxPacketLines bounds the lines one statement prints; the rest are
// counted (a bulk transfer would print thousands).
const maxPacketLines = 200

// cmdPackets is %packets on [PORT] | off.
func (s *Session) cmdPackets(args []string) error {
	switch {
	case len(args) == 0:
		if s.wire == nil || s.wire.cap == nil {
			s.out.plain(tr(s.lang, "packet capture is off: %packets on starts it"))
		} else if s.wire.port != 0 {
			s.out.plain(tr(s.lang, "capturing packets to or from port %d", s.wire.port))
		} else {
			s.out.plain(tr(s.lang, "capturing the packets of this shell's sockets"))
		}
		return nil
	case args[0] == "off" && len(args) == 1:
		s.showPackets()
		s.stopCapture()
		s.out.plain(tr(s.lang, "packet capture off"))
		return nil
	case args[0] == "on" && len(args) <= 2:
		port := 0
		if len(args) == 2 {
			p, err := strconv.Atoi(args[1])
			if err != nil || p < 1 || p > 65535 {
				return s.usage("usage: %%packets on [PORT] | off")
			}
			port = p
		}
		return s.startCapture(port)
	}
	return s.usage("usage: %%packets on [PORT] | off")
}

// startCapture opens the packet socket (or retunes the open one).
func (s *Session) startCapture(port int) error {
	if s.wire == nil {
		s.wire = &wire{tracker: capture.NewTracker(), ends: map[endKey]string{},
			sockEnds: map[*sockets.Socket]endKey{}, names: map[*capture.Flow][2]string{},
			mine: map[*capture.Flow]bool{}, peers: map[*capture.Flow][2]string{}}
	}
	w := s.wire
	s.showPackets()
	s.rt.SetPortHook(nil)
	w.mu.Lock()
	w.port, w.ports, w.icmp = port, nil, false
	if port != 0 {
		w.ports = []uint16{uint16(port)}
	}
	w.mu.Unlock()
	if port == 0 {
		s.noteSockets()
	}
	f := w.filter()
	var err error
	if w.cap != nil {
		err = w.cap.SetFilter(f)
	} else {
		var c *capture.Capture
		c, err = capture.Open(f)
		w.mu.Lock()
		w.cap = c
		w.mu.Unlock()
	}
	if err == capture.ErrPermission {
		return s.noCapture(tr(s.lang, "capturing packets needs CAP_NET_RAW: run sockrepl as root, give it the capability with sudo setcap cap_net_raw+ep \"$(command -v sockrepl)\", or use the lab (sockrepl --lab), where capture needs no root"))
	}
	if err != nil {
		s.stopCapture()
		return s.noCapture(tr(s.lang, "packet capture failed: %s", err.Error()))
	}
	if port == 0 {
		s.rt.SetPortHook(w.addPort)
		s.out.plain(tr(s.lang, "capturing the packets of this shell's sockets; %packets off stops"))
	} else {
		s.out.plain(tr(s.lang, "capturing packets to or from port %d; %%packets off stops", port))
	}
	return nil
}

// noCapture reports why capture is off, as a PermissionError line; the
// shell and its sockets carry on as before.
func (s *Session) noCapture(msg string) error {
	e := &python.PyError{Class: "PermissionError", Msg: msg}
	s.out.exception(e.Error())
	return e
}

// stopCapture closes the packet socket and stops its goroutine.
func (s *Session) stopCapture() {
	if s.wire == nil {
		return
	}
	s.rt.SetPortHook(nil)
	w := s.wire
	w.mu.Lock()
	c := w.cap
	w.cap = nil
	w.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

// filter is the kernel filter for the ports known so far.
func (w *wire) filter() capture.Filter {
	w.mu.Lock()
	defer w.mu.Unlock()
	return capture.Filter{Ports: slices.Clone(w.ports), ICMP: w.icmp}
}

// addPort is the sockets port hook: a bind, connect or sendto is about
// to use port, so the filter must let it through before the call sends.
func (w *wire) addPort(port int) {
	if port <= 0 || !w.want(uint16(port)) {
		return
	}
	w.retune()
}

// want adds a port to the filter's list; false when it was there.
func (w *wire) want(p uint16) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if p == 0 || slices.Contains(w.ports, p) {
		return false
	}
	w.ports = append(w.ports, p)
	return true
}

func (w *wire) retune() {
	f := w.filter()
	w.mu.Lock()
	c := w.cap
	w.mu.Unlock()
	if c != nil {
		c.SetFilter(f)
	}
}

// noteSockets records this shell's sockets: their ends and names, and
// their ports for the filter. Run before a statement and before packets
// are shown, so both a socket about to close and one just connected are
// known.
func (s *Session) noteSockets() {
	w := s.wire
	if w == nil {
		return
	}
	names := s.interp.SocketNames()
	w.open = map[endKey]*sockets.Socket{}
	w.icmpNames = nil
	changed, icmp := false, false
	for _, sk := range s.rt.Sockets() {
		st := sk.State()
		if sk.Family() != unix.AF_INET && sk.Family() != unix.AF_INET6 {
			continue
		}
		name := label(names, sk, st)
		if sk.Type() == unix.SOCK_RAW || sk.Proto() == unix.IPPROTO_ICMP || sk.Proto() == unix.IPPROTO_ICMPV6 {
			icmp = true
			w.icmpNames = append(w.icmpNames, name)
			continue
		}
		proto := capture.UDP
		if sk.Type() == unix.SOCK_STREAM {
			proto = capture.TCP
		}
		l, ok := addrPortOf(st.Laddr)
		if !ok {
			continue
		}
		r, _ := addrPortOf(st.Raddr)
		if l.Addr().IsUnspecified() {
			l = netip.AddrPortFrom(netip.Addr{}, l.Port())
		}
		k := endKey{proto, l, r}
		w.ends[k] = name
		w.open[k] = sk
		w.sockEnds[sk] = k
		if w.port == 0 {
			changed = w.want(l.Port()) || changed
			changed = w.want(r.Port()) || changed
		}
	}
	w.mu.Lock()
	if w.port == 0 && icmp && !w.icmp {
		w.icmp, changed = true, true
	}
	w.mu.Unlock()
	if changed {
		w.retune()
	}
}

// addrPortOf reads a Python address tuple ('127.0.0.1', 80, ...).
func addrPortOf(v any) (netip.AddrPort, bool) {
	t, ok := v.(sockets.Tuple)
	if !ok || len(t) < 2 {
		return netip.AddrPort{}, false
	}
	host, _ := t[0].(string)
	port, _ := t[1].(int)
	host, _, _ = strings.Cut(host, "%") // a scope: fe80::1%lo
	a, err := netip.ParseAddr(host)
	if err != nil || port < 0 || port > 65535 {
		return netip.AddrPort{}, false
	}
	return netip.AddrPortFrom(a.Unmap(), uint16(port)), true
}

// own names x when it is one of this shell's ends, talking to other:
// a connected socket, or one bound to x's address or to every address.
func (w *wire) own(proto capture.Proto, x, other netip.AddrPort) (string, bool) {
	for _, k := range []endKey{{proto, x, other}, {proto, x, netip.AddrPort{}},
		{proto, netip.AddrPortFrom(netip.Addr{}, x.Port()), netip.AddrPort{}}} {
		if n, ok := w.ends[k]; ok {
			return n, true
		}
	}
	return "", false
}

// wireBefore runs before a statement while capture is on: packets that
// came since the last statement are shown first, so that what the
// statement causes is all that shows under it.
func (s *Session) wireBefore() {
	if s.wire != nil && s.wire.cap != nil {
		s.showPacketsBetween()
		s.noteSockets()
	}
}

// showPacketsBetween shows the packets that came while no statement ran
// (a peer's FIN, the last ACK), under a line that says so.
func (s *Session) showPacketsBetween() { s.drainPackets(true) }

// showPackets prints the packets captured since the last time, one line
// each, under the statement that caused them.
func (s *Session) showPackets() { s.drainPackets(false) }

func (s *Session) drainPackets(between bool) {
	for _, l := range s.packetLines(between) {
		if s.opt.Terminal {
			s.out.dim(safeText(l))
		} else {
			s.out.plain(l)
		}
	}
}

// packetLines takes the packets captured since the last time and returns
// their lines, with a first line saying they came between statements.
func (s *Session) packetLines(between bool) []string {
	w := s.wire
	if w == nil || w.cap == nil {
		return nil
	}
	pkts, lost := w.cap.Take()
	if len(pkts) == 0 && lost == 0 {
		return nil
	}
	s.noteSockets()
	var batch []capture.Event
	last := map[*capture.Flow]int{}
	named := map[*capture.Flow]bool{}
	for _, p := range pkts {
		p.Src = netip.AddrPortFrom(p.Src.Addr().Unmap(), p.Src.Port())
		p.Dst = netip.AddrPortFrom(p.Dst.Addr().Unmap(), p.Dst.Port())
		e := w.tracker.Add(p)
		if !named[e.Flow] {
			named[e.Flow] = true
			s.nameFlow(e)
		}
		if !w.mine[e.Flow] && w.port == 0 {
			continue
		}
		last[e.Flow] = len(batch)
		batch = append(batch, e)
	}
	w.kernelStates(batch, last)
	var rows [][4]string
	for i, e := range batch {
		if i == maxPacketLines {
			break
		}
		rows = append(rows, s.packetRow(e))
	}
	lines := alignRows(rows)
	if between && len(lines) > 0 {
		lines = append([]string{tr(s.lang, "  between statements:")}, lines...)
	}
	if n := len(batch) - len(rows); n > 0 {
		lines = append(lines, tr(s.lang, "  … %d more packets", n))
	}
	if lost > 0 {
		lines = append(lines, tr(s.lang, "  %d packets came too fast to capture", lost))
	}
	return lines
}

// nameFlow names a flow's ends and decides whether it is this shell's
// (shown without a port given to %packets on).
func (s *Session) nameFlow(e capture.Event) {
	w := s.wire
	f := e.Flow
	var names [2]string
	mine := false
	switch f.Proto {
	case capture.TCP, capture.UDP:
		var ok [2]bool
		names[0], ok[0] = w.own(f.Proto, f.A, f.B)
		names[1], ok[1] = w.own(f.Proto, f.B, f.A)
		mine = ok[0] || ok[1] || w.mine[f]
		if mine || w.port != 0 {
			peers, found := w.peers[f]
			for i, end := range [][2]netip.AddrPort{{f.A, f.B}, {f.B, f.A}} {
				switch {
				case ok[i]:
				case found && peers[i] != "":
					names[i] = peers[i]
				default:
					names[i] = s.peerName(f.Proto, end[0], end[1])
					peers[i] = names[i]
				}
			}
			w.peers[f] = peers
		}
	default:
		if q := e.Quoted; q != nil && (q.Proto == capture.TCP || q.Proto == capture.UDP) {
			// An ICMP error is news for the socket that sent what it quotes.
			_, mine = w.own(q.Proto, q.Src, q.Dst)
		} else {
			mine = len(w.icmpNames) > 0
		}
		names = [2]string{f.A.Addr().String(), f.B.Addr().String()}
	}
	if mine || w.port != 0 {
		w.names[f] = names
	}
	w.mine[f] = w.mine[f] || mine
}

// kernelStates puts the kernel's word (TCP_INFO) on the state of this
// shell's open sockets after the last packet of each connection shown.
func (w *wire) kernelStates(batch []capture.Event, last map[*capture.Flow]int) {
	for f, i := range last {
		if f.Proto != capture.TCP {
			continue
		}
		for end, k := range []endKey{{f.Proto, f.A, f.B}, {f.Proto, f.B, f.A}} {
			sk := w.open[k]
			if sk == nil {
				continue
			}
			st := sk.State().TCPState
			if st == sockets.TCPNone || st.String() == "" || st.String() == f.State[end] || st == sockets.TCPNewSynRecv {
				continue
			}
			f.SetState(end == 0, st.String())
			batch[i].After = f.State
		}
	}
}

// packetRow is one packet's "from → to", kind, details and states.
func (s *Session) packetRow(e capture.Event) [4]string {
	names := s.wire.names[e.Flow]
	from, to := names[0], names[1]
	if !e.FromA {
		from, to = to, from
	}
	if e.Proto != capture.TCP && e.Proto != capture.UDP {
		from, to = s.icmpEnds(e, from, to)
	}
	kind, detail := describe(e)
	states := ""
	if e.Proto == capture.TCP && e.After[0] != "" {
		states = fmt.Sprintf("%s %s · %s %s", names[0], e.After[0], names[1], e.After[1])
	}
	return [4]string{from + " → " + to, kind, detail, states}
}

// icmpEnds names this shell's ICMP socket as the end of an echo it sent
// or received, and the socket an error is about.
func (s *Session) icmpEnds(e capture.Event, from, to string) (string, string) {
	w := s.wire
	if q := e.Quoted; q != nil {
		if n, ok := w.own(q.Proto, q.Src, q.Dst); ok {
			to = n
		}
		return from, to
	}
	if len(w.icmpNames) == 1 {
		switch e.Type {
		case 8, 128: // echo request
			from = w.icmpNames[0]
		case 0, 129:
			to = w.icmpNames[0]
		}
	}
	return from, to
}

// describe is a packet's kind (SYN, PSH-ACK, UDP, ICMP echo-request) and
// its numbers.
func describe(e capture.Event) (string, string) {
	var d []string
	switch e.Proto {
	case capture.TCP:
		d = append(d, fmt.Sprintf("seq=%d", e.RelSeq))
		if e.Flags&capture.ACK != 0 {
			d = append(d, fmt.Sprintf("ack=%d", e.RelAck))
		}
		d = append(d, fmt.Sprintf("win=%d", e.Win))
		if e.Flags&capture.SYN != 0 && e.MSS > 0 {
			d = append(d, fmt.Sprintf("mss=%d", e.MSS))
		}
		if e.Len > 0 {
			d = append(d, payloadText(e.Packet)...)
		}
		return flagsText(e.Flags), strings.Join(d, " ")
	case capture.UDP:
		return "UDP", strings.Join(payloadText(e.Packet), " ")
	}
	kind, echo := icmpKind(e.Packet)
	if echo {
		d = append(d, fmt.Sprintf("id=%#x seq=%d", e.ID, e.Echo))
		d = append(d, payloadText(e.Packet)...)
	} else if q := e.Quoted; q != nil {
		d = append(d, fmt.Sprintf("about %s %s → %s", q.Proto, endpointText(q.Src), endpointText(q.Dst)))
	}
	return kind, strings.Join(d, " ")
}

// payloadText is "len=12 b'Hello, world'", or nothing without payload.
func payloadText(p capture.Packet) []string {
	if p.Len == 0 {
		return []string{"len=0"}
	}
	head := sockets.Repr(p.Head)
	if p.Len > len(p.Head) {
		head += "…"
	}
	return []string{fmt.Sprintf("len=%d", p.Len), head}
}

// flagsText names TCP flags as learners meet them: SYN, SYN-ACK, PSH-ACK,
// FIN-ACK, RST-ACK, with ACK last.
func flagsText(fl uint8) string {
	var parts []string
	for _, x := range []struct {
		bit  uint8
		name string
	}{{capture.SYN, "SYN"}, {capture.FIN, "FIN"}, {capture.RST, "RST"}, {capture.PSH, "PSH"},
		{capture.URG, "URG"}, {capture.ECE, "ECE"}, {capture.CWR, "CWR"}, {capture.ACK, "ACK"}} {
		if fl&x.bit != 0 {
			parts = append(parts, x.name)
		}
	}
	if len(parts) == 0 {
		return "(none)"
	}
	return strings.Join(parts, "-")
}

// icmpKind names an ICMP message, and says whether it is an echo.
func icmpKind(p capture.Packet) (string, bool) {
	if p.Proto == capture.ICMP {
		switch p.Type {
		case 0:
			return "ICMP echo-reply", true
		case 8:
			return "ICMP echo-request", true
		case 3:
			if n, ok := map[uint8]string{0: "net", 1: "host", 2: "protocol", 3: "port", 4: "fragmentation-needed"}[p.Code]; ok {
				return "ICMP " + n + "-unreachable", false
			}
			return "ICMP unreachable", false
		case 11:
			return "ICMP time-exceeded", false
		}
		return fmt.Sprintf("ICMP type=%d code=%d", p.Type, p.Code), false
	}
	switch p.Type {
	case 128:
		return "ICMPv6 echo-request", true
	case 129:
		return "ICMPv6 echo-reply", true
	case 1:
		if p.Code == 4 {
			return "ICMPv6 port-unreachable", false
		}
		return "ICMPv6 unreachable", false
	case 3:
		return "ICMPv6 time-exceeded", false
	}
	return fmt.Sprintf("ICMPv6 type=%d code=%d", p.Type, p.Code), false
}

// endpointText is 127.0.0.1:65432 or [::1]:65432.
func endpointText(ap netip.AddrPort) string {
	if !ap.Addr().IsValid() {
		return fmt.Sprintf("*:%d", ap.Port())
	}
	return ap.String()
}

// alignRows lines up the columns of packet rows.
func alignRows(rows [][4]string) []string {
	var width [4]int
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], cells.StringWidth(c))
		}
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		var b strings.Builder
		b.WriteString(" ")
		for j, c := range r {
			b.WriteString(" " + c + strings.Repeat(" ", width[j]-cells.StringWidth(c)))
			if j < len(r)-1 && width[j] > 0 {
				b.WriteString(" ")
			}
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}
