package repl

import (
	"fmt"
	"net/netip"
	"strings"

	"sockrepl/lessons"
	"sockrepl/repl/python"
	"sockrepl/sockets"
	"sockrepl/sockets/capture"
)

// msl2 is how long Linux keeps a connection in TIME_WAIT (TCP_TIMEWAIT_LEN):
// it does not compute 2×MSL, it waits this fixed minute.
const msl2 = 60

// cmdTimeline is %timeline [NAME]: a ladder drawing of one connection's
// captured packets, this shell's end on the left, with both ends' TCP
// states after each packet and the 2MSL wait of TIME_WAIT at the end.
func (s *Session) cmdTimeline(args []string) error {
	if len(args) > 1 {
		return s.usage("usage: %%timeline [NAME]")
	}
	w := s.wire
	if w == nil || len(w.tracker.Flows()) == 0 {
		s.out.plain(tr(s.lang, "no packets captured yet: turn capture on with %packets on, then connect"))
		return nil
	}
	var f *capture.Flow
	prefer := ""
	if len(args) == 1 {
		prefer = args[0]
		sk := s.socketNamed(args[0])
		if sk == nil {
			return s.usage("%s is not a socket of this shell", args[0])
		}
		f = w.flowOf(sk)
		if f == nil {
			s.out.plain(tr(s.lang, "no packets of %s were captured (was %%packets on when it connected?)", args[0]))
			return nil
		}
	} else {
		flows := w.tracker.Flows()
		for i := len(flows) - 1; i >= 0 && f == nil; i-- {
			if w.mine[flows[i]] && flows[i].Proto == capture.TCP {
				f = flows[i]
			}
		}
		for i := len(flows) - 1; i >= 0 && f == nil; i-- {
			if w.mine[flows[i]] {
				f = flows[i]
			}
		}
		if f == nil {
			s.out.plain(tr(s.lang, "no packets captured yet: turn capture on with %packets on, then connect"))
			return nil
		}
	}
	s.out.plain(s.ladder(f, prefer)...)
	s.timeline = timelineView(f, prefer)
	return nil
}

// timelineView is what a lesson's check may know of a ladder drawn.
func timelineView(f *capture.Flow, name string) lessons.TimelineView {
	v := lessons.TimelineView{Name: name, Packets: len(f.Events)}
	seen := map[string]bool{}
	add := func(st string) {
		if st != "" && !seen[st] {
			seen[st] = true
			v.States = append(v.States, st)
		}
	}
	for i, e := range f.Events {
		if i == 0 {
			add(e.Before[0])
			add(e.Before[1])
		}
		add(e.After[0])
		add(e.After[1])
	}
	return v
}

// socketNamed finds the socket a variable (or "conn[0]") holds, open or
// closed.
func (s *Session) socketNamed(name string) *sockets.Socket {
	if v, ok := s.interp.Lookup(name); ok {
		if sk, ok := python.SocketOf(v); ok {
			return sk
		}
	}
	for sk, names := range s.interp.SocketNames() {
		for _, n := range names {
			if n == name {
				return sk
			}
		}
	}
	return nil
}

// flowOf finds the most recent flow of a socket from its last known ends:
// its connection, or for a listener or unconnected socket the latest flow
// through its port.
func (w *wire) flowOf(sk *sockets.Socket) *capture.Flow {
	k, ok := w.sockEnds[sk]
	if !ok {
		return nil
	}
	if k.remote.IsValid() {
		if f := w.tracker.Find(k.proto, k.local, k.remote); f != nil {
			return f
		}
	}
	flows := w.tracker.Flows()
	for i := len(flows) - 1; i >= 0; i-- {
		f := flows[i]
		if f.Proto != k.proto {
			continue
		}
		for _, end := range []netip.AddrPort{f.A, f.B} {
			if end.Port() == k.local.Port() && (!k.local.Addr().IsValid() || end.Addr() == k.local.Addr()) {
				return f
			}
		}
	}
	return nil
}

// ladder draws the flow: a column per end, an arrow per packet. The end
// named prefer, or else this shell's, goes on the left.
func (s *Session) ladder(f *capture.Flow, prefer string) []string {
	w := s.wire
	names := w.names[f]
	ends := [2]netip.AddrPort{f.A, f.B}
	left := 0 // this shell's end goes on the left
	if _, ownA := w.own(f.Proto, f.A, f.B); !ownA {
		if _, ownB := w.own(f.Proto, f.B, f.A); ownB {
			left = 1
		}
	}
	if prefer != "" && names[1] == prefer {
		left = 1
	} else if prefer != "" && names[0] == prefer {
		left = 0
	}
	right := 1 - left
	labels := make([]string, len(f.Events))
	width := 24
	for i, e := range f.Events {
		labels[i] = arrowLabel(e)
		width = max(width, cells.StringWidth(labels[i])+6)
	}
	const stateW = 11 // ESTABLISHED
	pad := func(st string) string { return strings.Repeat(" ", max(stateW-cells.StringWidth(st), 0)) + st }
	row := func(l, mid, r string) string {
		return strings.TrimRight(fmt.Sprintf("  %s │ %s │ %s", pad(l), mid, r), " ")
	}
	out := []string{
		fmt.Sprintf("  %s %s ⇄ %s %s (%s)", names[left], endpointText(ends[left]), names[right], endpointText(ends[right]), f.Proto),
		fmt.Sprintf("  %s   %s%s", pad(names[left]), strings.Repeat(" ", width), names[right]),
	}
	if len(f.Events) > 0 && f.Proto == capture.TCP {
		b := f.Events[0].Before
		out = append(out, row(b[left], strings.Repeat(" ", width), b[right]))
	}
	for i, e := range f.Events {
		if i == capture.KeptFirst && f.Dropped > 0 {
			gap := tr(s.lang, "… %d packets here are not kept", f.Dropped)
			out = append(out, row("", gap+strings.Repeat(" ", max(width-cells.StringWidth(gap), 0)), ""))
		}
		fromLeft := e.FromA == (left == 0)
		dash := width - cells.StringWidth(labels[i]) - 3
		var mid string
		if fromLeft {
			mid = "─" + labels[i] + " " + strings.Repeat("─", dash) + "▶"
		} else {
			mid = "◀" + strings.Repeat("─", dash) + " " + labels[i] + "─"
		}
		out = append(out, row(e.After[left], mid, e.After[right]))
	}
	if n := len(f.Events); n > 0 && f.Proto == capture.TCP {
		final := f.Events[n-1].After
		for side, end := range [2]int{left, right} {
			if final[end] != capture.TimeWait {
				continue
			}
			note := tr(s.lang, "2MSL: TIME_WAIT holds the ports for %d s on Linux, then CLOSED", msl2)
			if left := timeWaitLeft(ends[end], ends[1-end]); left >= 0 {
				note += tr(s.lang, " (%d s left)", left)
			}
			if side == 0 {
				out = append(out, fmt.Sprintf("  %s ┆ %s", pad(capture.TimeWait), note))
			} else {
				out = append(out, fmt.Sprintf("  %s │ %s ┆ %s", pad(""), strings.Repeat(" ", width), capture.TimeWait), fmt.Sprintf("  %s   %s%s", pad(""), strings.Repeat(" ", width), note))
			}
		}
	}
	return out
}

// arrowLabel is what an arrow carries: flags and numbers, a short preview.
func arrowLabel(e capture.Event) string {
	kind, _ := describe(e)
	var d []string
	switch e.Proto {
	case capture.TCP:
		if e.Flags&(capture.SYN|capture.FIN) != 0 || e.Len > 0 || e.Flags&capture.ACK == 0 {
			d = append(d, fmt.Sprintf("seq=%d", e.RelSeq))
		}
		if e.Flags&capture.ACK != 0 {
			d = append(d, fmt.Sprintf("ack=%d", e.RelAck))
		}
	case capture.ICMP, capture.ICMPv6:
		kind = strings.TrimPrefix(strings.TrimPrefix(kind, "ICMPv6 "), "ICMP ")
	}
	if e.Len > 0 {
		head := e.Head
		if len(head) > 12 {
			head = head[:12]
		}
		preview := sockets.Repr(head)
		if e.Len > len(head) {
			preview += "…"
		}
		d = append(d, fmt.Sprintf("len=%d %s", e.Len, preview))
	}
	return strings.TrimSpace(kind + " " + strings.Join(d, " "))
}

// timeWaitLeft is the time the kernel still keeps a TIME_WAIT entry for
// the connection from local to remote, in seconds; -1 when it has none.
func timeWaitLeft(local, remote netip.AddrPort) int {
	rows, err := sockets.ListKernel()
	if err != nil {
		return -1
	}
	for _, r := range rows {
		if r.State == "TIME_WAIT" && r.LocalPort == int(local.Port()) && r.RemotePort == int(remote.Port()) &&
			parseHost(r.LocalHost) == local.Addr() && parseHost(r.RemoteHost) == remote.Addr() {
			return int(r.Timer.Seconds() + 0.5)
		}
	}
	return -1
}
