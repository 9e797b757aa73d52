package repl

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"sockrepl/lessons"
)

// TestTmuxLessonsTwoPanes types every two-terminal lesson's reference code
// into two real terminals, one per role, each started with %lesson, and
// sees every step pass in its own pane and both panes reach the end. The
// steps go in file order, which is an order the lesson's after: fields
// allow.
func TestTmuxLessonsTwoPanes(t *testing.T) {
	lockLessonPorts(t)
	all, err := lessons.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range all {
		if len(l.Roles) != 2 {
			continue
		}
		n++
		t.Run(l.ID, func(t *testing.T) {
			t.Parallel()
			replayInPanes(t, l)
		})
	}
	if n < 10 {
		t.Errorf("only %d two-terminal lessons", n)
	}
}

func replayInPanes(t *testing.T, l *lessons.Lesson) {
	ts := newTmux(t)
	panes := map[string]*tmuxPane{}
	for _, role := range l.Roles {
		p := ts.pane(role)
		p.start("--role", role, "--lang", "en")
		p.line("%lesson " + l.ID + " " + role)
		p.waitFor(`Step \d+/\d+ \(` + role + `\)`)
		panes[role] = p
	}
	done := map[string]int{}
	for _, st := range l.Steps {
		p := panes[st.Role]
		if st.After > 0 {
			// The tutor said to wait; the other pane has passed the step.
			panes[l.Step(st.After).Role].waitFor(fmt.Sprintf(`✓ step %d done`, st.After))
		}
		lines := strings.Split(st.Code, "\n")
		for _, line := range lines {
			p.line(line)
		}
		if len(lines) > 1 {
			p.line("")
		}
		done[st.Role]++
		p.waitFor(fmt.Sprintf(`✓ step %d done`, st.N))
	}
	for role, p := range panes {
		p.waitFor(fmt.Sprintf(`Lesson %s finished: that was the last of this terminal's %d steps`, regexp.QuoteMeta(l.ID), done[role]))
	}
}
