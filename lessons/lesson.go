package lessons

import "strings"

// Lesson is one parsed lesson file.
type Lesson struct {
	ID     string
	Title  map[string]string // "en", "zh"
	Intro  map[string]string
	Roles  []string // ["main"] for one-terminal lessons
	Needs  string   // "" or "root"
	Steps  []*Step
	Source string // file name, for messages
}

// Step is one statement the learner types, with its check.
type Step struct {
	N     int // 1-based number within the lesson (all roles)
	Role  string
	Say   map[string]string
	Code  string
	Check string
	Hint  map[string]string
	After int    // 0, or the N of another role's step this one waits for
	Needs string // "", "root" or "capture": the step is skipped without it
	Alt   string // another correct solution, or ""
	Wrong string // a plausible wrong solution the check must refuse, or ""
	// Mistake, when set, is a check (in its Check) that is true when the
	// learner made the mistake this step invites; Fix says what to do.
	Mistake *Step
	Fix     map[string]string
	Line    int // line of the `step` keyword

	checkLine   int    // line of the `check:` field, for error positions
	usesKernel  bool   // the check reads `kernel`, so the listing is fetched
	usesGlobals bool   // the check reads `g`, so the globals are viewed
	ports       []int  // port numbers the check names
	scope       *scope // what of the kernel listing concerns the lesson
}

// NeedsRoot reports whether the step can only be done as root.
func (st *Step) NeedsRoot() bool { return st.Needs == "root" }

// Unavailable reports whether the step cannot be done in this process:
// it needs root, or packet capture (root, CAP_NET_RAW or sockrepl --lab),
// and this process lacks it.
func (st *Step) Unavailable() bool {
	switch st.Needs {
	case "root":
		return !isRoot()
	case "capture":
		return !canCapture()
	}
	return false
}

// IsCommand reports whether the step's code is a shell command (%packets
// on, %timeline conn) rather than Python.
func (st *Step) IsCommand() bool { return strings.HasPrefix(st.Code, "%") }

// RoleSteps returns the steps of one role, in file order.
func (l *Lesson) RoleSteps(role string) []*Step {
	var out []*Step
	for _, st := range l.Steps {
		if st.Role == role {
			out = append(out, st)
		}
	}
	return out
}

// Step returns the step numbered n, or nil.
func (l *Lesson) Step(n int) *Step {
	if n < 1 || n > len(l.Steps) {
		return nil
	}
	return l.Steps[n-1]
}

// HasRole reports whether role is one of the lesson's roles.
func (l *Lesson) HasRole(role string) bool {
	for _, r := range l.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// text picks lang's version of a field, falling back to English.
func text(m map[string]string, lang string) string {
	if s, ok := m[lang]; ok && s != "" {
		return s
	}
	return m["en"]
}
