package repl

import (
	"fmt"

	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// nstatNames are the counters %nstat shows: those the lessons make move.
// The names are the kernel's (nstat prints them run together: TcpExt +
// ListenOverflows = TcpExtListenOverflows).
var nstatNames = []string{
	"Tcp.ActiveOpens", "Tcp.PassiveOpens", "Tcp.AttemptFails", "Tcp.EstabResets",
	"Tcp.OutRsts", "Tcp.RetransSegs",
	"TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPTimeouts",
	"TcpExt.TCPAbortOnTimeout", "TcpExt.TCPAbortOnData", "TcpExt.TCPAbortOnClose",
	"TcpExt.TCPKeepAlive", "TcpExt.TW",
	"Udp.InDatagrams", "Udp.OutDatagrams", "Udp.NoPorts", "Udp.RcvbufErrors", "Udp.InErrors",
	"Icmp.InMsgs", "Icmp.OutMsgs",
}

// cmdNstat shows the kernel's counters, like `nstat -az` limited to the
// ones the lessons watch, with how much each moved since the last %nstat.
// They count for every process on the machine (its network namespace).
func (s *Session) cmdNstat(args []string) error {
	if len(args) > 0 {
		return s.usage("usage: %%nstat")
	}
	now, err := sockets.Counters()
	if err != nil {
		return s.report(python.AsException(err))
	}
	table := [][]string{{tr(s.lang, "counter"), tr(s.lang, "value"), tr(s.lang, "change")}}
	for _, n := range nstatNames {
		v, ok := now[n]
		if !ok {
			continue
		}
		change := "-"
		if s.counters != nil {
			change = fmt.Sprintf("%+d", v-s.counters[n])
		}
		table = append(table, []string{n, fmt.Sprint(v), change})
	}
	if s.counters == nil {
		s.out.plain(tr(s.lang, "Counters for the whole machine (every process); the next %nstat shows how each changed."))
	} else {
		s.out.plain(tr(s.lang, "Counters for the whole machine (every process), with the change since the last %nstat."))
	}
	s.out.plain(tableLines(table)...)
	s.counters = now
	return nil
}
