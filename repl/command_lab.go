package repl

import (
	"fmt"
	"strings"

	"sockrepl/lab"
	"sockrepl/repl/python"
)

// cmdLab is %lab [down|up HOST | delay HOST MS | loss HOST PERCENT | clear HOST]:
// the lab's hosts and their links, and faults on them.
func (s *Session) cmdLab(args []string) error {
	c := s.opt.Lab
	if c == nil {
		s.out.plain(tr(s.lang, "this shell is not in a lab: start one with sockrepl --lab, and join it as another host with sockrepl --lab --host beta"))
		return nil
	}
	var req string
	switch {
	case len(args) == 0:
		req = "status"
	case len(args) == 2 && (args[0] == "down" || args[0] == "up"):
		req = args[0] + " " + args[1]
	case len(args) == 3 && args[0] == "delay" && isNumber(args[2]):
		req = "netem " + args[1] + " delay " + args[2] + "ms"
	case len(args) == 3 && args[0] == "loss" && isNumber(args[2]):
		req = "netem " + args[1] + " loss " + args[2] + "%"
	case len(args) == 2 && args[0] == "clear":
		req = "netem " + args[1] + " off"
	default:
		return s.usage("usage: %%lab [down HOST | up HOST | delay HOST MS | loss HOST PERCENT | clear HOST]")
	}
	answer, err := c.Do(req)
	if err != nil {
		return s.labError(err.Error())
	}
	if req != "status" {
		s.out.plain(tr(s.lang, "done: %s", strings.Join(args, " ")))
		return nil
	}
	links := map[string]string{}
	for _, kv := range strings.Fields(answer) {
		name, state, _ := strings.Cut(kv, "=")
		links[name] = state
	}
	rows := [][]string{{"host", "address", "link", ""}}
	for _, h := range lab.Hosts {
		me := ""
		if h.Name == c.Host {
			me = tr(s.lang, "this shell")
		}
		rows = append(rows, []string{h.Name, h.Addr.String(), links[h.Name], me})
	}
	for _, l := range tableLines(rows) {
		s.out.plain(strings.TrimRight(l, " "))
	}
	s.out.plain(tr(s.lang, "%s is the lab's only network: nothing is routed out", lab.Prefix.String()))
	return nil
}

func isNumber(s string) bool {
	var f float64
	_, err := fmt.Sscan(s, &f)
	return err == nil && f >= 0
}

// labError reports a request the keeper could not carry out.
func (s *Session) labError(msg string) error {
	switch {
	case strings.HasPrefix(msg, "nohost "):
		return s.usage("the lab has no host %s: its hosts are alpha, beta and gamma", safeText(strings.TrimPrefix(msg, "nohost ")))
	case msg == "nonetem":
		msg = tr(s.lang, "this kernel has no netem (sch_netem), so the lab cannot add delay or loss")
	case msg == "the lab's keeper is gone":
		msg = tr(s.lang, "the lab's keeper is gone")
	}
	e := &python.PyError{Class: "OSError", Msg: safeText(msg)}
	s.out.exception(e.Error())
	return e
}
