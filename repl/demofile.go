package repl

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"sockrepl/repl/python/translate"
)

// A demo file is a Python program a teacher replays statement by
// statement (demo.go). Its top-level statements are split as
// translate.Statements splits a program, so a block is one statement. The
// comment lines above a statement are its talking points. Lines of the
// form
//
//	# --- server ---
//	# --- client (after server) ---
//
// start a role's section: with --role, a terminal plays the statements
// before the first section (every role's) and its own sections. "(after
// ROLE)" makes the section wait until the other role's terminal has run
// every statement of ROLE above this line. A line that starts with % at
// the left margin is a shell command (%ls), played like a statement.

// demoStep is one statement of a demo file.
type demoStep struct {
	n        int      // 1-based, counting every role's statements in file order
	role     string   // "" before the first section: every role plays it
	line     int      // where it starts in the file
	comments []string // the comment lines above it
	src      string
	// waitFor and waitSteps: before this step, the terminal waits until
	// role waitFor has run the statements waitSteps.
	waitFor   string
	waitSteps []int
}

// demoFile is a parsed demo file.
type demoFile struct {
	name     string
	steps    []*demoStep
	roles    []string // in order of first section
	trailing []string // comments after the last statement
}

// sectionLine matches a role's section line; sectionLike finds a line
// that was meant as one, to say what is wrong with it.
var (
	sectionLine = regexp.MustCompile(`^#\s*---\s*([A-Za-z][\w-]*)\s*(?:\(\s*after\s+(?:the\s+)?([A-Za-z][\w-]*)(?:\s+terminal)?\s*\))?\s*---\s*$`)
	sectionLike = regexp.MustCompile(`^#\s*---.*---\s*$`)
)

// parseDemo reads a demo file; errors say file:line and what is wrong.
func parseDemo(name, src string) (*demoFile, error) {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	lines := strings.Split(src, "\n")
	// % commands are not Python: each stands in the parse as a pass.
	masked := make([]string, len(lines))
	commands := map[int]string{}
	for i, l := range lines {
		masked[i] = l
		if strings.HasPrefix(l, "%") {
			commands[i+1] = strings.TrimSpace(l)
			masked[i] = "pass"
		}
	}
	stmts, err := translate.Statements(name, strings.Join(masked, "\n"))
	if err != nil {
		if e, ok := err.(*translate.Error); ok && e.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %s: %s", name, e.Line, e.Class, e.Msg)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	f := &demoFile{name: name}
	role := ""
	// sections: where each section of each role starts (a line), to find
	// the statements an "(after ROLE)" waits for.
	type wait struct {
		role string
		line int
	}
	var waits []wait
	var pending []string // comment lines not yet given to a statement
	// gap reads the lines between two statements: comments and sections.
	gap := func(from, to int) error {
		for ln := from; ln < to; ln++ {
			text := strings.TrimSpace(lines[ln-1])
			switch {
			case sectionLine.MatchString(text):
				m := sectionLine.FindStringSubmatch(text)
				role = m[1]
				if !slices.Contains(f.roles, role) {
					f.roles = append(f.roles, role)
				}
				if m[2] != "" {
					if m[2] == role {
						return fmt.Errorf("%s:%d: a section of %s waits for another role, not its own", name, ln, role)
					}
					waits = append(waits, wait{m[2], ln})
				} else {
					waits = append(waits, wait{})
				}
				pending = nil // comments above a section line belong to no statement
			case sectionLike.MatchString(text):
				return fmt.Errorf("%s:%d: a section line is `# --- ROLE ---` or `# --- ROLE (after OTHER) ---`", name, ln)
			case strings.HasPrefix(text, "#"):
				pending = append(pending, text)
			}
		}
		return nil
	}
	next := 1
	for _, st := range stmts {
		if err := gap(next, st.Line); err != nil {
			return nil, err
		}
		step := &demoStep{n: len(f.steps) + 1, role: role, line: st.Line, comments: pending, src: st.Src}
		if cmd, ok := commands[st.Line]; ok && st.Line == st.EndLine {
			step.src = cmd
		}
		if len(waits) > 0 {
			w := waits[len(waits)-1]
			waits[len(waits)-1] = wait{} // the first statement of the section waits
			if w.role != "" {
				step.waitFor = w.role
				for _, earlier := range f.steps {
					if earlier.role == w.role && earlier.line < w.line {
						step.waitSteps = append(step.waitSteps, earlier.n)
					}
				}
			}
		}
		pending = nil
		f.steps = append(f.steps, step)
		next = st.EndLine + 1
	}
	if err := gap(next, len(lines)+1); err != nil {
		return nil, err
	}
	f.trailing = pending
	for _, st := range f.steps {
		if st.waitFor != "" && !slices.Contains(f.roles, st.waitFor) {
			return nil, fmt.Errorf("%s:%d: the section waits for %s, but no section of the file is %s's", name, st.line, st.waitFor, st.waitFor)
		}
	}
	if len(f.steps) == 0 {
		return nil, fmt.Errorf("%s: no statements to show", name)
	}
	return f, nil
}

// forRole returns the steps role plays: every step when the file has no
// sections; nil when role is not one of the file's.
func (f *demoFile) forRole(role string) []*demoStep {
	if len(f.roles) == 0 {
		return f.steps
	}
	if !slices.Contains(f.roles, role) {
		return nil
	}
	var out []*demoStep
	for _, st := range f.steps {
		if st.role == "" || st.role == role {
			out = append(out, st)
		}
	}
	return out
}
