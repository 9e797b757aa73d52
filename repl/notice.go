package repl

import (
	"fmt"
	"strings"
	"time"

	"sockrepl/sockets"
)

// label is how notices and tables name a socket: its first variable
// name, or its fd when no variable holds it.
func label(names map[*sockets.Socket][]string, sk *sockets.Socket, st sockets.State) string {
	if n := names[sk]; len(n) > 0 {
		return n[0]
	}
	return fmt.Sprintf("fd %d", st.FD)
}

// watchFrom is the socket count from which notices read only the sockets
// a sockets.Watch says may have changed; below it every socket is read,
// which costs little and misses nothing.
const watchFrom = 64

// snapshotStates reads the state of every socket that may have changed
// since the last look, records it for the next comparison, and returns
// those sockets with their previous states (a socket new to the shell has
// none).
func (s *Session) snapshotStates() ([]*sockets.Socket, map[*sockets.Socket]sockets.State) {
	all := s.rt.Sockets()
	changed := all
	if len(all) >= watchFrom && s.opt.Terminal {
		if s.watch == nil {
			s.watch, _ = s.rt.NewWatch()
		}
		if s.watch != nil {
			changed = s.watch.Changed()
		}
	}
	old := make(map[*sockets.Socket]sockets.State, len(changed))
	for _, sk := range changed {
		if st, seen := s.prev[sk]; seen {
			old[sk] = st
		} else {
			s.known = append(s.known, sk)
		}
		s.prev[sk] = sk.State()
	}
	if len(s.prev) > len(all)+watchFrom {
		// Forget the sockets the Runtime no longer holds.
		live := make(map[*sockets.Socket]sockets.State, len(all))
		for _, sk := range all {
			if st, ok := s.prev[sk]; ok {
				live[sk] = st
			}
		}
		s.prev = live
	}
	return changed, old
}

// ShowChanges prints what changed in the kernel since the last statement
// (terminal mode prints it after every statement anyway).
func (s *Session) ShowChanges() {
	s.showPackets() // after a statement, or at an empty line: the packets since
	for _, line := range s.unreferencedNotices() {
		s.out.notice(line)
	}
	for _, line := range s.notices() {
		s.out.notice(line)
	}
}

// unreferencedNotices says which sockets were closed because nothing
// referred to them any more, by the name they last had.
func (s *Session) unreferencedNotices() []string {
	var lines []string
	for _, u := range s.interp.Unreferenced() {
		name := fmt.Sprintf("fd %d", u.FD)
		if n := s.names[u.Socket]; len(n) > 0 {
			name = n[0]
		}
		lines = append(lines, tr(s.lang, "%s: closed, since nothing refers to that socket any more (as CPython closes it)", name))
	}
	return lines
}

// noticeEvery is how often the idle prompt looks for news: a change
// shows within half a second.
const noticeEvery = 250 * time.Millisecond

// idleNotices is the text to print above the idle prompt: the notices,
// each on a line of its own, in the theme's notice style; "" when nothing
// changed.
func (s *Session) idleNotices() string {
	packets := s.packetLines(false) // %packets: what came while idle, first
	lines := append(s.unreferencedNotices(), s.notices()...)
	if len(lines) == 0 && len(packets) == 0 {
		return ""
	}
	var b strings.Builder
	for _, l := range packets {
		b.WriteString(paint(s.out.th.hint, safeText(l)) + "\n")
	}
	for _, l := range lines {
		b.WriteString(paint(s.out.th.hint, "● "+l) + "\n")
	}
	if s.opt.ASCII {
		return asciiText(b.String()) // go-prompt writes it, not s.out
	}
	return b.String()
}

// notices compares each socket's kernel state with the last statement's
// and returns one line per socket that changed.
func (s *Session) notices() []string {
	changed, old := s.snapshotStates()
	if len(changed) == 0 {
		return nil
	}
	names := s.interp.SocketNames()
	s.names = names
	var lines []string
	for _, sk := range changed {
		now, before := s.prev[sk], old[sk]
		if _, seen := old[sk]; !seen {
			// A socket made by this statement: only queued data is news.
			before = sockets.State{TCPState: now.TCPState, Listening: now.Listening}
		}
		if line := s.change(label(names, sk, now), before, now); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// change describes the most useful difference between two states. A
// notice is about what the statement's own results did not show: the
// peer's FIN that a recv() already returned as b” is not news, and bytes
// the statement read are not counted as arrived.
func (s *Session) change(name string, before, now sockets.State) string {
	read := now.Received - before.Received
	switch {
	case now.Listening && now.AcceptQ > before.AcceptQ:
		if now.AcceptQ == 1 {
			return tr(s.lang, "%s: %d connection waiting in the accept queue", name, now.AcceptQ)
		}
		return tr(s.lang, "%s: %d connections waiting in the accept queue", name, now.AcceptQ)
	case now.TCPState == sockets.TCPCloseWait && before.TCPState != sockets.TCPCloseWait && !now.EOFSeen:
		return tr(s.lang, "%s: peer closed its end: recv() will return b''", name)
	case now.TCPState != before.TCPState && before.TCPState != sockets.TCPNone && before.TCPState != sockets.TCPClosed && now.TCPState != sockets.TCPNone &&
		!(now.TCPState == sockets.TCPCloseWait && now.EOFSeen):
		// Leaving CLOSED is the learner's own listen() or connect(): not news.
		return tr(s.lang, "%s: %s → %s", name, before.TCPState, now.TCPState)
	case !now.Listening && read > 0 && now.RecvQ > 0 && int64(now.RecvQ)+read > int64(before.RecvQ):
		// The statement read some of what came: say what is left.
		return tr(s.lang, "%s: %s still waiting in the receive buffer", name, size(int64(now.RecvQ)))
	case !now.Listening && read == 0 && now.RecvQ > before.RecvQ:
		return tr(s.lang, "%s: %s arrived in the receive buffer", name, size(int64(now.RecvQ-before.RecvQ)))
	}
	return ""
}
