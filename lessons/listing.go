package lessons

import (
	"fmt"
	"strings"
)

// Listing returns the lesson table, one lesson a line starting with its
// ID: title (in lang), roles, number of steps, and the progress recorded
// in st (which may be nil).
func Listing(all []*Lesson, lang string, st *Store) []string {
	idW, titleW, rolesW := 0, 0, 0
	const maxTitle = 56
	for _, l := range all {
		idW = max(idW, displayWidth(l.ID))
		titleW = max(titleW, min(maxTitle, displayWidth(text(l.Title, lang))))
		rolesW = max(rolesW, displayWidth(strings.Join(l.Roles, " ")))
	}
	p := st.all()
	var out []string
	for _, l := range all {
		line := pad(l.ID, idW) + "  " + pad(truncate(text(l.Title, lang), maxTitle), titleW) +
			"  " + pad(strings.Join(l.Roles, " "), rolesW) +
			"  " + pad(tr(lang, "%d steps", len(l.Steps)), 8)
		if p := progressOf(l, lang, p); p != "" {
			line += "  " + p
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// progressOf says how far each role of l has got, or "" when not started.
func progressOf(l *Lesson, lang string, p *progress) string {
	var parts []string
	for _, r := range l.Roles {
		rp := p.Lessons[l.ID][r]
		if rp == nil {
			continue
		}
		total := len(l.RoleSteps(r))
		s := fmt.Sprintf("%d/%d", min(len(rp.Done), total), total)
		if rp.At == 0 && len(rp.Done) >= total {
			s = tr(lang, "done") // at the end with steps skipped (%next) is not done
		}
		if len(l.Roles) > 1 {
			s = r + " " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}
