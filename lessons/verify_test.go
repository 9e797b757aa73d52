package lessons

import (
	"sockrepl/sockets/leakcheck"

	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// starRunner runs a lesson's code in plain Starlark: enough to replay
// lessons whose checks look at globals and at the last statement.
type starRunner struct {
	role    string
	globals starlark.StringDict
	closed  bool
	stop    chan struct{} // closed by Interrupt
	once    sync.Once
}

// interruptible is a starRunner that Verify may interrupt.
type interruptible struct{ *starRunner }

func (r interruptible) Interrupt() { r.once.Do(func() { close(r.stop) }) }

func newStarRunner(role string) *starRunner {
	return &starRunner{role: role, globals: starlark.StringDict{}, stop: make(chan struct{})}
}

func (r *starRunner) Exec(code string) Last {
	pre := starlark.StringDict{
		"block": starlark.NewBuiltin("block", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			<-r.stop
			return nil, errors.New("KeyboardInterrupt")
		}),
		"boom": starlark.NewBuiltin("boom", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			panic("boom")
		}),
	}
	for k, v := range r.globals {
		pre[k] = v
	}
	g, err := starlark.ExecFileOptions(checkOpts, &starlark.Thread{}, "step", code+"\n", pre)
	for k, v := range g {
		r.globals[k] = v
	}
	if err != nil {
		return Last{Code: code, Error: "RuntimeError"}
	}
	return Last{Code: code, OK: true}
}

func (r *starRunner) Snapshot(last Last) Snapshot {
	return Snapshot{Role: r.role, Globals: r.globals, Last: last}
}

func (r *starRunner) Close() error { r.closed = true; return nil }

func parseText(t *testing.T, text string) *Lesson {
	t.Helper()
	l, err := Parse("v.lesson", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// oneStep is a one-role lesson whose steps are the given code/check pairs.
func oneStep(t *testing.T, pairs ...string) *Lesson {
	text := "lesson 93-v\ntitle: V\ntitle.zh: 验\n"
	for i := 0; i < len(pairs); i += 2 {
		text += "step\nsay: S\nsay.zh: 说\ncode: " + pairs[i] + "\ncheck: " + pairs[i+1] + "\n"
	}
	return parseText(t, text)
}

func TestVerifyReplaysEveryRole(t *testing.T) {
	leakcheck.Check(t)
	var made []*starRunner
	var order []string
	ok, report := Verify(mustLoad(t, "testdata/flow.lesson"), "en", func(role string) (Runner, error) {
		r := newStarRunner(role)
		made, order = append(made, r), append(order, role)
		return r, nil
	})
	if !ok || !reflect.DeepEqual(report, []string{"ok   92-flow  4 steps"}) {
		t.Fatalf("Verify: %v %q", ok, report)
	}
	if !reflect.DeepEqual(order, []string{"server", "client"}) {
		t.Errorf("runners made for %q", order)
	}
	for _, r := range made {
		if !r.closed {
			t.Errorf("runner %s not closed", r.role)
		}
	}
	if _, inServer := made[0].globals["b"]; inServer {
		t.Error("the client's step ran in the server's session")
	}
	_, report = Verify(mustLoad(t, "testdata/flow.lesson"), "zh", func(role string) (Runner, error) { return newStarRunner(role), nil })
	if report[0] != "ok   92-flow  4 步" {
		t.Errorf("zh report %q", report)
	}
}

func TestVerifyFailures(t *testing.T) {
	leakcheck.Check(t)
	defer func(d time.Duration) { settle = d }(settle)
	settle = 0
	cases := []struct {
		name   string
		lesson *Lesson
		want   string
	}{
		{"trivially true", oneStep(t, "a = 1", "g.get('a') == 1", "b = 1", "g.get('a') == 1"),
			"FAIL 93-v step 2 (main): check already true before the code ran"},
		{"false after", oneStep(t, "a = 2", "g.get('a') == 1"),
			"FAIL 93-v step 1 (main): check false after code"},
		{"raised", oneStep(t, "fail('no')", "last.ok"),
			"FAIL 93-v step 1 (main): check false after code; the code raised RuntimeError"},
		{"check error", oneStep(t, "a = 1", "g['zz'] == 1"),
			`FAIL 93-v step 1 (main): check false after code: key "zz" not in dict`},
		{"runner panics", oneStep(t, "boom()", "last.ok"),
			"FAIL 93-v step 1 (main): the session failed: boom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, interrupt := range []bool{false, true} {
				var rs []*starRunner
				ok, report := Verify(c.lesson, "en", func(role string) (Runner, error) {
					r := newStarRunner(role)
					rs = append(rs, r)
					if interrupt {
						return interruptible{r}, nil
					}
					return r, nil
				})
				if ok || len(report) != 1 || !strings.HasPrefix(report[0], c.want) {
					t.Errorf("interruptible %v: %v %q, want %q", interrupt, ok, report, c.want)
				}
				if !rs[0].closed {
					t.Error("runner not closed after a failure")
				}
			}
		})
	}
}

func TestVerifyInterruptsABlockedStep(t *testing.T) {
	leakcheck.Check(t)
	defer func(d time.Duration) { StepTimeout = d }(StepTimeout)
	StepTimeout = 50 * time.Millisecond
	r := newStarRunner("main")
	ok, report := Verify(oneStep(t, "block()", "last.ok"), "en", func(string) (Runner, error) { return interruptible{r}, nil })
	if ok || report[0] != "FAIL 93-v step 1 (main): the code was still blocked after 50ms and was interrupted" {
		t.Errorf("Verify of a blocking step: %v %q", ok, report)
	}
}

func TestVerifyRunnerError(t *testing.T) {
	var made []*starRunner
	ok, report := Verify(mustLoad(t, "testdata/flow.lesson"), "en", func(role string) (Runner, error) {
		if role == "client" {
			return nil, errors.New("no terminal")
		}
		r := newStarRunner(role)
		made = append(made, r)
		return r, nil
	})
	if ok || report[0] != "FAIL 92-flow: cannot start a session for role client: no terminal" {
		t.Errorf("Verify with a failing runner: %v %q", ok, report)
	}
	if len(made) != 1 || !made[0].closed {
		t.Error("the server runner was not closed")
	}
}

// A step that needs root is skipped, by the replay and by the tutor, when
// not running as root, and counted as done for the other terminal.
func TestRootStepsAreSkippedWithoutRoot(t *testing.T) {
	defer func(f func() bool) { isRoot = f }(isRoot)
	l := parseText(t, "lesson 93-v\ntitle: V\ntitle.zh: 验\n"+
		"step\nsay: One.\nsay.zh: 一。\ncode: a = 1\ncheck: g.get('a') == 1\n"+
		"step\nneeds: root\nsay: Two, as root.\nsay.zh: 二。\ncode: boom()\ncheck: g.get('b') == 2\n"+
		"step\nsay: Three.\nsay.zh: 三。\ncode: c = 3\ncheck: g.get('c') == 3\n")
	if !l.Steps[1].NeedsRoot() || l.Steps[0].NeedsRoot() {
		t.Fatal("needs: root not parsed")
	}
	isRoot = func() bool { return false }
	ok, report := Verify(l, "en", func(role string) (Runner, error) { return newStarRunner(role), nil })
	if !ok || report[0] != "ok   93-v  3 steps; 1 steps need root and were skipped" {
		t.Errorf("Verify without root: %v %q", ok, report)
	}
	tu, err := NewTutor(l, "", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	intro := strings.Join(tu.Intro(), "\n")
	if !strings.Contains(intro, "1 of this terminal's steps need root") {
		t.Errorf("intro does not mention the root step:\n%s", intro)
	}
	out := strings.Join(tu.Observe(Snapshot{Globals: starlark.StringDict{"a": starlark.MakeInt(1)}}), "\n")
	if !strings.Contains(out, "Step 2 needs root: skipped. (Two, as root.)") || tu.Current() != l.Steps[2] {
		t.Errorf("after step 1 the tutor says:\n%s\nand is at %v", out, tu.Current())
	}
	isRoot = func() bool { return true }
	ok, report = Verify(l, "en", func(role string) (Runner, error) { return newStarRunner(role), nil })
	if ok || !strings.Contains(report[0], "step 2 (main): the session failed: boom") {
		t.Errorf("Verify as root ran the root step? %v %q", ok, report)
	}
}

// A step that needs packet capture is skipped, by the replay and by the
// tutor, where capture is not allowed; its check reads `shell`.
func TestCaptureStepsAreSkippedWithoutCapture(t *testing.T) {
	defer func(f func() bool) { canCapture = f }(canCapture)
	l := parseText(t, "lesson 94-v\ntitle: V\ntitle.zh: 验\n"+
		"step\nsay: One.\nsay.zh: 一。\ncode: a = 1\ncheck: g.get('a') == 1\n"+
		"step\nneeds: capture\nsay: Capture.\nsay.zh: 抓包。\ncode: %packets on\ncheck: shell.packets\n"+
		"step\nsay: Three.\nsay.zh: 三。\ncode: c = 3\ncheck: g.get('c') == 3\n")
	if l.Steps[1].Needs != "capture" || !l.Steps[1].IsCommand() || l.Steps[0].IsCommand() {
		t.Fatal("needs: capture or the command step not parsed")
	}
	canCapture = func() bool { return false }
	ok, report := Verify(l, "en", func(role string) (Runner, error) { return newStarRunner(role), nil })
	if !ok || report[0] != "ok   94-v  3 steps; 1 steps need packet capture and were skipped" {
		t.Errorf("Verify without capture: %v %q", ok, report)
	}
	tu, err := NewTutor(l, "", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	if intro := strings.Join(tu.Intro(), "\n"); !strings.Contains(intro, "1 of this terminal's steps need packet capture") {
		t.Errorf("intro does not mention the capture step:\n%s", intro)
	}
	out := strings.Join(tu.Observe(Snapshot{Globals: starlark.StringDict{"a": starlark.MakeInt(1)}}), "\n")
	if !strings.Contains(out, "Step 2 needs packet capture: skipped. (Capture.)") || tu.Current() != l.Steps[2] {
		t.Errorf("after step 1 the tutor says:\n%s\nand is at %v", out, tu.Current())
	}
	// With capture, the step waits for the shell to say it is capturing.
	canCapture = func() bool { return true }
	tu, err = NewTutor(l, "", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	tu.Observe(Snapshot{Globals: starlark.StringDict{"a": starlark.MakeInt(1)}})
	if tu.Current() != l.Steps[1] {
		t.Fatalf("with capture the tutor is at %v", tu.Current())
	}
	if tu.Observe(Snapshot{Last: Last{Code: "%packets on", OK: true}}); tu.Current() != l.Steps[1] {
		t.Error("the capture step passed while shell.packets was false")
	}
	if tu.Observe(Snapshot{Last: Last{Code: "%packets on", OK: true}, Shell: ShellView{Packets: true}}); tu.Current() != l.Steps[2] {
		t.Error("the capture step did not pass once shell.packets was true")
	}
}
