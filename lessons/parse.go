package lessons

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseError is a malformed lesson file: "file:line: what is wrong".
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9-]+$`)
	fieldPattern = regexp.MustCompile(`^([a-z]+(?:\.zh)?):(.*)$`)
)

// Fields a lesson header and a step may hold.
var (
	headerFields = map[string]bool{"title": true, "title.zh": true, "roles": true,
		"intro": true, "intro.zh": true, "needs": true}
	stepFields = map[string]bool{"say": true, "say.zh": true, "code": true, "check": true,
		"hint": true, "hint.zh": true, "after": true, "mistake": true, "fix": true, "fix.zh": true,
		"needs": true, "alt": true, "wrong": true}
)

// Parse reads one lesson file. name is used in error messages.
func Parse(name string, data []byte) (*Lesson, error) {
	p := &parser{name: name, fields: map[string]string{}, lines: map[string]int{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for i, raw := range strings.Split(string(data), "\n") {
		p.line = i + 1
		if err := p.feed(strings.TrimRight(raw, "\r")); err != nil {
			return nil, err
		}
	}
	p.line++
	if err := p.flush(); err != nil {
		return nil, err
	}
	return p.finish()
}

type parser struct {
	name string
	line int

	l        *Lesson
	lessonAt int // line of the `lesson` keyword
	inStep   bool
	stepAt   int               // line of the current `step` keyword
	role     string            // role of the current step
	fields   map[string]string // fields of the header or of the current step
	lines    map[string]int    // line of each field
	cur      string            // field continuation lines join; "" after a blank line
	header   bool              // header fields are collected (before the first step)
}

func (p *parser) errf(line int, format string, args ...any) error {
	return &ParseError{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) feed(s string) error {
	if !utf8.ValidString(s) {
		return p.errf(p.line, "not valid UTF-8")
	}
	switch {
	case strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#"):
		p.cur = ""
		return nil
	case strings.HasPrefix(s, "  "):
		if p.cur == "" {
			return p.errf(p.line, "continuation line (two-space indent) with no field above it")
		}
		if p.fields[p.cur] == "" {
			p.fields[p.cur] = s[2:]
		} else {
			p.fields[p.cur] += "\n" + s[2:]
		}
		return nil
	case s[0] == ' ' || s[0] == '\t':
		return p.errf(p.line, "indent continuation lines with exactly two spaces")
	}
	p.cur = ""
	word, rest, _ := strings.Cut(s, " ")
	switch word {
	case "lesson":
		if p.l != nil {
			return p.errf(p.line, "a second `lesson` line: one lesson per file")
		}
		id := strings.TrimSpace(rest)
		if !idPattern.MatchString(id) {
			return p.errf(p.line, "lesson ID %q must be lower-case letters, digits and '-'", id)
		}
		p.l = &Lesson{ID: id, Source: p.name}
		p.lessonAt, p.header = p.line, true
		return nil
	case "step":
		if p.l == nil {
			return p.errf(p.line, "`step` before the `lesson ID` line")
		}
		if err := p.flush(); err != nil {
			return err
		}
		return p.startStep(strings.TrimSpace(rest))
	}
	m := fieldPattern.FindStringSubmatch(s)
	if m == nil {
		return p.errf(p.line, "expected `lesson ID`, `step ROLE` or `field: value`, got %q", clip(s))
	}
	if p.l == nil {
		return p.errf(p.line, "field %q before the `lesson ID` line", m[1])
	}
	key, val := m[1], strings.TrimSpace(m[2])
	switch {
	case p.inStep && headerFields[key] && !stepFields[key]:
		return p.errf(p.line, "header field %q inside a step: header fields go before the first step", key)
	case !p.inStep && stepFields[key] && !headerFields[key]:
		return p.errf(p.line, "step field %q before the first `step` line", key)
	case !headerFields[key] && !stepFields[key]:
		return p.errf(p.line, "unknown field %q", key)
	}
	if _, dup := p.lines[key]; dup {
		return p.errf(p.line, "field %q given twice (first on line %d)", key, p.lines[key])
	}
	p.fields[key], p.lines[key], p.cur = val, p.line, key
	return nil
}

func (p *parser) startStep(role string) error {
	if len(strings.Fields(role)) > 1 {
		return p.errf(p.line, "`step` takes one role, got %q", role)
	}
	if role == "" {
		role = "main"
	}
	if !p.l.HasRole(role) {
		if len(p.l.Roles) == 1 && p.l.Roles[0] == "main" {
			return p.errf(p.line, "unknown role %q: this lesson has no `roles:` line, so steps are plain `step`", role)
		}
		return p.errf(p.line, "unknown role %q: roles are %s", role, strings.Join(p.l.Roles, ", "))
	}
	p.inStep, p.stepAt, p.role = true, p.line, role
	return nil
}

// flush ends the header or the current step.
func (p *parser) flush() error {
	defer func() { p.fields, p.lines, p.cur = map[string]string{}, map[string]int{}, "" }()
	if p.l == nil {
		return nil
	}
	if p.header {
		p.header = false
		return p.finishHeader()
	}
	if p.inStep {
		return p.finishStep()
	}
	return nil
}

// twins checks that key and key.zh come together and returns both.
func (p *parser) twins(key string, at int, required bool) (map[string]string, error) {
	en, hasEn := p.lines[key]
	zh, hasZh := p.lines[key+".zh"]
	switch {
	case hasEn && !hasZh:
		return nil, p.errf(en, "%q has no Chinese twin %q", key, key+".zh")
	case hasZh && !hasEn:
		return nil, p.errf(zh, "%q has no English twin %q", key+".zh", key)
	case !hasEn && required:
		return nil, p.errf(at, "missing %q (and %q)", key, key+".zh")
	case !hasEn:
		return nil, nil
	}
	for _, k := range []string{key, key + ".zh"} {
		if p.fields[k] == "" {
			return nil, p.errf(p.lines[k], "%q is empty", k)
		}
	}
	return map[string]string{"en": p.fields[key], "zh": p.fields[key+".zh"]}, nil
}

func (p *parser) finishHeader() error {
	l, at := p.l, p.lessonAt
	var err error
	if l.Title, err = p.twins("title", at, true); err != nil {
		return err
	}
	if l.Intro, err = p.twins("intro", at, false); err != nil {
		return err
	}
	if l.Intro == nil {
		l.Intro = map[string]string{}
	}
	l.Roles = []string{"main"}
	if n, ok := p.lines["roles"]; ok {
		roles := strings.Fields(p.fields["roles"])
		if len(roles) == 0 {
			return p.errf(n, "`roles:` is empty; omit it for a one-terminal lesson")
		}
		seen := map[string]bool{}
		for _, r := range roles {
			if !idPattern.MatchString(r) {
				return p.errf(n, "role %q must be lower-case letters, digits and '-'", r)
			}
			if seen[r] {
				return p.errf(n, "role %q listed twice", r)
			}
			seen[r] = true
		}
		l.Roles = roles
	}
	if n, ok := p.lines["needs"]; ok {
		if l.Needs = p.fields["needs"]; l.Needs != "root" {
			return p.errf(n, "`needs:` can only be `root`, got %q", l.Needs)
		}
	}
	return nil
}

func (p *parser) finishStep() error {
	st := &Step{N: len(p.l.Steps) + 1, Role: p.role, Line: p.stepAt}
	var err error
	if st.Say, err = p.twins("say", p.stepAt, true); err != nil {
		return err
	}
	if st.Hint, err = p.twins("hint", p.stepAt, false); err != nil {
		return err
	}
	if st.Hint == nil {
		st.Hint = map[string]string{}
	}
	for _, k := range []string{"code", "check"} {
		if _, ok := p.lines[k]; !ok {
			return p.errf(p.stepAt, "step %d has no %q", st.N, k)
		}
		if strings.TrimSpace(p.fields[k]) == "" {
			return p.errf(p.lines[k], "%q is empty", k)
		}
	}
	st.Code, st.Check, st.checkLine = p.fields["code"], p.fields["check"], p.lines["check"]
	if err := compileCheck(st, p.name); err != nil {
		return err
	}
	if err := p.mistake(st); err != nil {
		return err
	}
	for _, k := range []string{"alt", "wrong"} {
		if n, ok := p.lines[k]; ok && strings.TrimSpace(p.fields[k]) == "" {
			return p.errf(n, "%q is empty", k)
		}
	}
	st.Alt, st.Wrong = p.fields["alt"], p.fields["wrong"]
	if n, ok := p.lines["needs"]; ok {
		if st.Needs = p.fields["needs"]; st.Needs != "root" && st.Needs != "capture" {
			return p.errf(n, "`needs:` can only be `root` or `capture`, got %q", st.Needs)
		}
	}
	if n, ok := p.lines["after"]; ok {
		if st.After, err = p.after(st, n); err != nil {
			return err
		}
	}
	p.l.Steps = append(p.l.Steps, st)
	return nil
}

// mistake reads `mistake:` (a check that is true when the learner made
// the mistake this step invites) and `fix:` (what to say then).
func (p *parser) mistake(st *Step) error {
	fix, err := p.twins("fix", p.stepAt, false)
	if err != nil {
		return err
	}
	n, ok := p.lines["mistake"]
	switch {
	case !ok && fix != nil:
		return p.errf(p.lines["fix"], "`fix:` without a `mistake:` check saying when to show it")
	case !ok:
		return nil
	case fix == nil:
		return p.errf(n, "`mistake:` needs a `fix:` (and `fix.zh:`) saying what to do")
	case strings.TrimSpace(p.fields["mistake"]) == "":
		return p.errf(n, "%q is empty", "mistake")
	}
	m := &Step{N: st.N, Role: st.Role, Line: st.Line, Check: p.fields["mistake"], checkLine: n}
	if err := compileCheck(m, p.name); err != nil {
		return err
	}
	st.Mistake, st.Fix = m, fix
	return nil
}

// after validates `after: N`: an earlier step of another role.
func (p *parser) after(st *Step, line int) (int, error) {
	n, err := strconv.Atoi(p.fields["after"])
	if err != nil || n < 1 || n >= st.N {
		return 0, p.errf(line, "`after:` must name an earlier step by number (1-%d), got %q", st.N-1, p.fields["after"])
	}
	if p.l.Steps[n-1].Role == st.Role {
		return 0, p.errf(line, "`after: %d` names a step of the same role; it must be another role's step", n)
	}
	return n, nil
}

func (p *parser) finish() (*Lesson, error) {
	if p.l == nil {
		return nil, p.errf(1, "no `lesson ID` line")
	}
	if len(p.l.Steps) == 0 {
		return nil, p.errf(p.line-1, "lesson %s has no steps", p.l.ID)
	}
	for _, r := range p.l.Roles {
		if len(p.l.RoleSteps(r)) == 0 {
			return nil, p.errf(p.line-1, "role %q has no steps", r)
		}
	}
	sc := lessonScope(p.l)
	for _, st := range p.l.Steps {
		st.scope = sc
	}
	return p.l, nil
}

// clip shortens a line quoted in an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}
