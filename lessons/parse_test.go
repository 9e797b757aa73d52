package lessons

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// mustLoad reads and parses a lesson file, as %lesson load does.
func mustLoad(t *testing.T, file string) *Lesson {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseOneRole(t *testing.T) {
	l := mustLoad(t, "testdata/one-role.lesson")
	if l.ID != "90-one" || l.Source != "testdata/one-role.lesson" || l.Needs != "root" {
		t.Errorf("header: %q %q %q", l.ID, l.Source, l.Needs)
	}
	if !reflect.DeepEqual(l.Roles, []string{"main"}) {
		t.Errorf("roles %q, want [main]", l.Roles)
	}
	if l.Title["en"] != "One terminal" || l.Title["zh"] != "一个终端" {
		t.Errorf("title %q", l.Title)
	}
	wantIntro := "First line of the intro,\nsecond line joins it.\n    a preformatted line"
	if l.Intro["en"] != wantIntro {
		t.Errorf("intro %q, want %q", l.Intro["en"], wantIntro)
	}
	if len(l.Steps) != 2 {
		t.Fatalf("%d steps, want 2", len(l.Steps))
	}
	s1, s2 := l.Steps[0], l.Steps[1]
	if s1.N != 1 || s1.Role != "main" || s1.Line != 12 || s1.Code != "s = socket.socket()" {
		t.Errorf("step 1: %+v", s1)
	}
	if s1.Hint["en"] != "Type the code." || s1.Hint["zh"] != "照着代码输入。" {
		t.Errorf("step 1 hint %q", s1.Hint)
	}
	if s2.N != 2 || s2.Role != "main" || s2.Line != 21 {
		t.Errorf("step 2: %+v", s2)
	}
	if want := "while True:\n  n = s.send(b'x')"; s2.Code != want {
		t.Errorf("step 2 code %q, want %q", s2.Code, want)
	}
	if len(s2.Hint) != 0 {
		t.Errorf("step 2 has hint %q", s2.Hint)
	}
	if s1.usesKernel || s2.usesKernel {
		t.Error("checks without `kernel` marked as using it")
	}
}

func TestParseTwoRoles(t *testing.T) {
	l := mustLoad(t, "testdata/two-roles.lesson")
	if !reflect.DeepEqual(l.Roles, []string{"server", "client"}) {
		t.Fatalf("roles %q", l.Roles)
	}
	var roles []string
	var after []int
	for _, st := range l.Steps {
		roles = append(roles, st.Role)
		after = append(after, st.After)
	}
	if !reflect.DeepEqual(roles, []string{"server", "client", "server"}) || !reflect.DeepEqual(after, []int{0, 1, 2}) {
		t.Errorf("roles %q after %v", roles, after)
	}
	if len(l.RoleSteps("server")) != 2 || len(l.RoleSteps("client")) != 1 {
		t.Errorf("RoleSteps: %d server, %d client", len(l.RoleSteps("server")), len(l.RoleSteps("client")))
	}
	if !l.Steps[1].usesKernel || l.Steps[0].usesKernel {
		t.Error("usesKernel not set from the check's names")
	}
	if l.Intro == nil || l.Intro["en"] != "" {
		t.Errorf("missing intro should be empty, got %q", l.Intro)
	}
}

func TestParseCRLFAndBOM(t *testing.T) {
	data, err := os.ReadFile("testdata/two-roles.lesson")
	if err != nil {
		t.Fatal(err)
	}
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(string(data), "\n", "\r\n")
	l, err := Parse("crlf.lesson", []byte(crlf))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "91-two" || l.Steps[0].Code != "s.listen()" {
		t.Errorf("CRLF file parsed as %q / %q", l.ID, l.Steps[0].Code)
	}
}

// header is a valid lesson start; body cases append to it (5 lines).
const header = "lesson 99-bad\ntitle: T\ntitle.zh: 标题\n\n"

// step is a valid one-role step (5 lines).
const step = "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck: last.ok\n"

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"empty", "", 1, "no `lesson ID` line"},
		{"only comments", "# nothing\n\n", 1, "no `lesson ID` line"},
		{"field first", "title: T\n", 1, "before the `lesson ID` line"},
		{"step first", "# c\nstep\n", 2, "`step` before the `lesson ID` line"},
		{"bad id", "lesson Echo_1\n", 1, "must be lower-case"},
		{"two lessons", header + "lesson other\n", 5, "second `lesson` line"},
		{"no steps", header, 5, "has no steps"},
		{"no title", "lesson 99-bad\n\n" + step, 1, `missing "title"`},
		{"title without zh", "lesson 99-bad\ntitle: T\n\n" + step, 2, `no Chinese twin "title.zh"`},
		{"zh without en", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nintro.zh: 简介\n" + step, 4, `no English twin "intro"`},
		{"unknown field", header + "colour: red\n", 5, `unknown field "colour"`},
		{"unknown language", header + "step\nsay.fr: S\n", 6, "expected `lesson ID`"},
		{"step field in header", header + "say: S\n", 5, `step field "say" before the first`},
		{"header field in step", header + step + "roles: a b\n", 10, `header field "roles" inside a step`},
		{"duplicate field", header + "step\nsay: A\nsay: B\n", 7, `field "say" given twice (first on line 6)`},
		{"one-space indent", header + "step\nsay: A\n more\n", 7, "exactly two spaces"},
		{"tab indent", header + "step\nsay: A\n\tmore\n", 7, "exactly two spaces"},
		{"orphan continuation", header + "  floating\n", 5, "no field above it"},
		{"continuation after blank", header + "step\nsay: A\n\n  more\n", 8, "no field above it"},
		{"garbage line", header + "hello world\n", 5, `got "hello world"`},
		{"unknown role", header + "step server\n", 5, `unknown role "server": this lesson has no`},
		{"unknown role of two", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nroles: server client\nstep clnt\n", 5, `unknown role "clnt": roles are server, client`},
		{"two roles on step", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nroles: a b\nstep a b\n", 5, "takes one role"},
		{"empty roles", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nroles:\n" + step, 4, "`roles:` is empty"},
		{"duplicate role", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nroles: a a\n" + step, 4, `role "a" listed twice`},
		{"step needs other than root", header + step + "needs: net\n", 10, "`needs:` can only be `root`"},
		{"empty alt", header + step + "alt:\n", 10, `"alt" is empty`},
		{"empty wrong", header + step + "wrong:\n", 10, `"wrong" is empty`},
		{"role without steps", "lesson 99-bad\ntitle: T\ntitle.zh: 标题\nroles: a b\n" + strings.Replace(step, "step", "step a", 1), 10, `role "b" has no steps`},
		{"bad needs", header + "needs: admin\n" + step, 5, "can only be `root`"},
		{"no say", header + "step\ncode: x\ncheck: True\n", 5, `missing "say"`},
		{"say without zh", header + "step\nsay: S\ncode: x\ncheck: True\n", 6, `no Chinese twin "say.zh"`},
		{"hint without zh", header + step + "hint: H\n", 10, `no Chinese twin "hint.zh"`},
		{"no code", header + "step\nsay: S\nsay.zh: 说\ncheck: True\n", 5, `step 1 has no "code"`},
		{"no check", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\n", 5, `step 1 has no "check"`},
		{"empty check", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck:\n", 9, `"check" is empty`},
		{"empty say", header + "step\nsay:\nsay.zh: 说\ncode: x = 1\ncheck: True\n", 6, `"say" is empty`},
		{"check syntax", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck: any([x for x in sockets]\n", 9, "not a Starlark expression"},
		{"check syntax on continuation", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck: (last.ok and\n  last.ok and and)\n", 10, "not a Starlark expression"},
		{"check statement", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck: x = 1\n", 9, "not a Starlark expression"},
		{"check undefined name", header + "step\nsay: S\nsay.zh: 说\ncode: x = 1\ncheck: lastt.ok\n", 9, "undefined: lastt"},
		{"after not a number", header + step + "after: one\n", 10, "must name an earlier step"},
		{"after itself", header + step + "after: 1\n", 10, "must name an earlier step"},
		{"after same role", header + step + "\n" + step + "after: 1\n", 16, "same role"},
		{"mistake without fix", header + step + "mistake: last.ok\n", 10, "`mistake:` needs a `fix:`"},
		{"fix without mistake", header + step + "fix: F\nfix.zh: 改\n", 10, "`fix:` without a `mistake:`"},
		{"fix without zh", header + step + "mistake: last.ok\nfix: F\n", 11, `no Chinese twin "fix.zh"`},
		{"mistake undefined name", header + step + "mistake: lastt.ok\nfix: F\nfix.zh: 改\n", 10, "undefined: lastt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := Parse("bad.lesson", []byte(c.text))
			if err == nil {
				t.Fatalf("parsed; want an error at line %d (lesson %+v)", c.line, l)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if pe.File != "bad.lesson" || pe.Line != c.line || !strings.Contains(pe.Msg, c.want) {
				t.Errorf("got %q; want bad.lesson:%d: ...%s...", err, c.line, c.want)
			}
			if !strings.HasPrefix(err.Error(), "bad.lesson:") {
				t.Errorf("error %q does not start with file:line", err)
			}
		})
	}
}
