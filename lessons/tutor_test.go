package lessons

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// globals is a snapshot whose globals are the given name=int pairs.
func globals(pairs ...any) Snapshot {
	g := starlark.StringDict{}
	for i := 0; i < len(pairs); i += 2 {
		g[pairs[i].(string)] = starlark.MakeInt(pairs[i+1].(int))
	}
	return Snapshot{Globals: g, Last: Last{OK: true}}
}

func newTutor(t *testing.T, file, role, lang string, st *Store) *Tutor {
	t.Helper()
	tu, err := NewTutor(mustLoad(t, file), role, lang, st)
	if err != nil {
		t.Fatal(err)
	}
	return tu
}

func joined(lines []string) string { return strings.Join(lines, "\n") }

func TestTutorRoles(t *testing.T) {
	l := mustLoad(t, "testdata/flow.lesson")
	if _, err := NewTutor(l, "", "en", nil); err == nil || !strings.Contains(err.Error(), "server, client") {
		t.Errorf("no role in a two-role lesson: %v", err)
	}
	if _, err := NewTutor(l, "main", "zh", nil); err == nil || !strings.Contains(err.Error(), "没有角色 \"main\"") {
		t.Errorf("unknown role: %v", err)
	}
	tu, err := NewTutor(mustLoad(t, "testdata/one-role.lesson"), "", "en", nil)
	if err != nil || tu.Role() != "main" {
		t.Errorf("one-role lesson with role \"\": %v, role %q", err, tu.Role())
	}
}

func TestTutorWalksARole(t *testing.T) {
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", nil)
	intro := joined(tu.Intro())
	for _, want := range []string{"Lesson 92-flow: Flow", "Checks here look at globals only.",
		"You are the server.", "sockrepl --role client    then    %lesson 92 client",
		"Step 1/4 (server)", "  Set a.", "  >>> a = 1"} {
		if !strings.Contains(intro, want) {
			t.Errorf("intro lacks %q:\n%s", want, intro)
		}
	}
	if got := tu.Observe(globals()); got != nil {
		t.Errorf("Observe before the goal: %q", got)
	}
	// Steps 1 and 3 both hold: only one step passes per statement.
	got := tu.Observe(globals("a", 1, "c", 3))
	if len(got) == 0 || got[0] != "✓ step 1 done" || !strings.Contains(joined(got), "Step 3/4 (server)") {
		t.Fatalf("Observe after step 1: %q", got)
	}
	if !strings.Contains(joined(got), "First wait for the client terminal to finish step 2.") {
		t.Errorf("step 3 does not say it waits for step 2: %q", got)
	}
	if tu.Current().N != 3 {
		t.Errorf("current step %d, want 3", tu.Current().N)
	}
	if got := tu.Check(globals("a", 1)); joined(got) != "Not yet: step 3 is not done. %hint gives a hint, %show the code." {
		t.Errorf("Check not passed: %q", got)
	}
	if got := tu.Check(globals("c", 3)); got[0] != "✓ step 3 done" || tu.Current().N != 4 {
		t.Errorf("Check passed: %q, now at %v", got, tu.Current())
	}
	got = tu.Observe(globals("d", 4))
	if tu.Current() != nil || !tu.Finished() {
		t.Fatalf("not finished after the last step: %v", tu.Current())
	}
	want := []string{"✓ step 4 done", "Lesson 92-flow finished: that was the last of this terminal's 3 steps.",
		"The other terminal may still have steps to finish.", "%lesson lists the other lessons."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("finish:\n%q\nwant\n%q", got, want)
	}
	if got := tu.Observe(globals("a", 1, "c", 3, "d", 4)); got != nil {
		t.Errorf("Observe after the end: %q", got)
	}
	if got := tu.Show(); got[0] != want[1] {
		t.Errorf("Show after the end: %q", got)
	}
}

func TestTutorNextBackReset(t *testing.T) {
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", nil)
	if got := tu.Back(); got[0] != "This is already the first step." || tu.Current().N != 1 {
		t.Errorf("Back at step 1: %q", got)
	}
	if got := tu.Next(); got[0] != "Step 1 skipped: it is not marked done." || got[1] != "Step 3/4 (server)" {
		t.Errorf("Next: %q", got)
	}
	tu.Next()
	if got := tu.Next(); tu.Current() != nil || !strings.Contains(joined(got), "with steps not done: 1, 3, 4") || strings.Contains(joined(got), "finished") {
		t.Errorf("Next past the end: %q", got)
	}
	if got := tu.Next(); got[0] != "There are no more steps." {
		t.Errorf("Next when finished: %q", got)
	}
	if got := tu.Back(); got[0] != "Step 4/4 (server)" {
		t.Errorf("Back from the end: %q", got)
	}
	if got := tu.Reset(); got[0] != "Progress cleared; back to step 1." || tu.Current().N != 1 {
		t.Errorf("Reset: %q", got)
	}
	if got := tu.Show(); !reflect.DeepEqual(got, []string{"  >>> a = 1"}) {
		t.Errorf("Show: %q", got)
	}
}

func TestTutorShowsBlocks(t *testing.T) {
	tu := newTutor(t, "testdata/one-role.lesson", "", "en", nil)
	tu.Next()
	if got, want := tu.Show(), []string{"  >>> while True:", "  ...   n = s.send(b'x')"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Show: %q, want %q", got, want)
	}
}

func TestTutorChinese(t *testing.T) {
	tu := newTutor(t, "testdata/flow.lesson", "client", "zh", nil)
	intro := joined(tu.Intro())
	for _, want := range []string{"课程 92-flow：流程", "这里的检查只看全局变量。", "你扮演 client。", "第 2/4 步（client）", "设置 b。"} {
		if !strings.Contains(intro, want) {
			t.Errorf("zh intro lacks %q:\n%s", want, intro)
		}
	}
	if got := tu.Observe(globals("b", 2)); got[0] != "✓ 第 2 步完成" || !strings.Contains(got[1], "课程 92-flow 完成") {
		t.Errorf("zh pass: %q", got)
	}
	if got := tu.Hint(Last{}); !strings.Contains(joined(got), "课程 92-flow 完成") {
		t.Errorf("zh hint when finished: %q", got)
	}
}

func TestTutorHints(t *testing.T) {
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", nil)
	if got := tu.Hint(Last{OK: true}); !reflect.DeepEqual(got, []string{"Assign 1 to a."}) {
		t.Errorf("plain hint: %q", got)
	}
	tu.Next()
	if got := joined(tu.Hint(Last{OK: true})); !strings.Contains(got, "%show") {
		t.Errorf("hint of a step without one: %q", got)
	}
	for _, c := range []struct {
		last Last
		want []string
	}{
		{Last{Error: "ConnectionRefusedError", Errno: 111}, []string{"nothing is listening", "listen()", "%ss"}},
		{Last{Error: "OSError", Errno: 98}, []string{"%ss", "TIME_WAIT", "SO_REUSEADDR"}},
		{Last{Error: "BlockingIOError", Errno: 11}, []string{"non-blocking", "setblocking(True)"}},
		{Last{Error: "BlockingIOError", Errno: 115}, []string{"handshake", "SYN_SENT"}},
		{Last{Error: "TimeoutError"}, []string{"settimeout(None)"}},
		{Last{Error: "PermissionError", Errno: 13}, []string{"below 1024"}},
		{Last{Error: "OverflowError"}, []string{"65535"}},
		{Last{Error: "socket.gaierror", Errno: -2}, []string{"resolved"}},
		{Last{Error: "KeyboardInterrupt"}, []string{"Ctrl-C"}},
		{Last{Error: "BrokenPipeError", Errno: 32}, []string{"other end has closed"}},
	} {
		got := joined(tu.Hint(c.last))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("hint after %s [%d] lacks %q:\n%s", c.last.Error, c.last.Errno, w, got)
			}
		}
	}
	zh := newTutor(t, "testdata/flow.lesson", "server", "zh", nil)
	if got := joined(zh.Hint(Last{Error: "ConnectionRefusedError", Errno: 111})); !strings.Contains(got, "连接被拒绝") || !strings.Contains(got, "把 1 赋给 a。") {
		t.Errorf("zh hint: %q", got)
	}
	if got := joined(zh.Hint(Last{Error: "SomethingNew"})); got != "把 1 赋给 a。" {
		t.Errorf("hint after an unknown exception: %q", got)
	}
}

func TestTutorLeftovers(t *testing.T) {
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", nil)
	if got := tu.Leftovers(Snapshot{}); got != nil {
		t.Errorf("Leftovers with no sockets: %q", got)
	}
	s := Snapshot{Sockets: []SocketView{
		{Name: "old", State: sockets.State{FD: 3}},
		{Name: "", State: sockets.State{FD: 4}},
		{Name: "gone", State: sockets.State{FD: -1, Closed: true}},
	}}
	if got := joined(tu.Leftovers(s)); !strings.Contains(got, "2 sockets from before") || !strings.Contains(got, "(old, fd 4)") {
		t.Errorf("Leftovers: %q", got)
	}
	// A variable left by an earlier lesson could pass a step that looks
	// at the globals: it is named too.
	if got := joined(tu.Leftovers(globals("data", 1))); !strings.Contains(got, "variables from before are still set (data)") {
		t.Errorf("Leftovers with a variable: %q", got)
	}
	s.Sockets = s.Sockets[:1]
	if got := joined(tu.Leftovers(s)); !strings.Contains(got, "1 socket from before is still open (old)") {
		t.Errorf("Leftovers with one socket: %q", got)
	}
}

func TestTutorProgressIsSavedAndResumed(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	server := newTutor(t, "testdata/flow.lesson", "server", "en", st)
	client := newTutor(t, "testdata/flow.lesson", "client", "en", st)
	server.Observe(globals("a", 1))
	if got := joined(server.StepText()); !strings.Contains(got, "First wait for the client") {
		t.Errorf("step 3 before the client's step 2: %q", got)
	}
	client.Observe(globals("b", 2))
	if got := joined(server.StepText()); strings.Contains(got, "First wait") {
		t.Errorf("step 3 still waits although the client passed step 2: %q", got)
	}
	if err := server.SaveErr(); err != nil {
		t.Fatal(err)
	}
	if d, n := st.Done("92-flow", "server"); d != 1 || n != 3 {
		t.Errorf("server done %d/%d, want 1/3", d, n)
	}
	if d, n := st.Done("92-flow", "client"); d != 1 || n != 1 {
		t.Errorf("client done %d/%d, want 1/1", d, n)
	}
	again := newTutor(t, "testdata/flow.lesson", "server", "en", st)
	if again.Current().N != 3 {
		t.Fatalf("resumed at %v, want step 3", again.Current())
	}
	if got := joined(again.Intro()); !strings.Contains(got, "Resuming at step 3") {
		t.Errorf("resumed intro: %q", got)
	}
	again.Next()
	again.Next()
	if done := newTutor(t, "testdata/flow.lesson", "server", "en", st); !done.Finished() {
		t.Errorf("a finished lesson resumed at %v", done.Current())
	} else if got := joined(done.Intro()); !strings.Contains(got, "%lesson reset starts it again") {
		t.Errorf("intro of a finished lesson: %q", got)
	}
	again.Reset()
	if d, n := st.Done("92-flow", "server"); d != 0 || n != 0 {
		t.Errorf("after Reset: %d/%d", d, n)
	}
	if d, _ := st.Done("92-flow", "client"); d != 1 {
		t.Errorf("Reset of the server cleared the client (%d)", d)
	}
	all := []*Lesson{mustLoad(t, "testdata/flow.lesson"), mustLoad(t, "testdata/one-role.lesson")}
	want := []string{
		"92-flow  Flow          server client  4 steps   client done",
		"90-one   One terminal  main           2 steps",
	}
	if got := Listing(all, "en", st); !reflect.DeepEqual(got, want) {
		t.Errorf("Listing:\n%s\nwant\n%s", joined(got), joined(want))
	}
	// The first server tutor still holds step 1 as passed; passing step 3
	// records both.
	server.Observe(globals("c", 3))
	if got := Listing(all, "zh", st)[0]; got != "92-flow  流程      server client  4 步      server 2/3, client 已完成" {
		t.Errorf("zh Listing: %q", got)
	}
}

func TestTutorResumesAChangedLesson(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Step 9 is gone from the file; step 1 was passed.
	if err := st.put("92-flow", "server", &roleProgress{Done: []int{1}, At: 9, Total: 5}); err != nil {
		t.Fatal(err)
	}
	if tu := newTutor(t, "testdata/flow.lesson", "server", "en", st); tu.Current() == nil || tu.Current().N != 3 {
		t.Errorf("resumed at %v, want step 3, the first not passed", tu.Current())
	}
}

func TestListingWithoutStore(t *testing.T) {
	all, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	lines := Listing(all, "en", nil)
	if len(lines) != len(all) {
		t.Fatalf("%d lines for %d lessons", len(lines), len(all))
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, all[i].ID+" ") {
			t.Errorf("line %q does not start with %s", line, all[i].ID)
		}
		if !strings.Contains(line, fmt.Sprintf("%d steps", len(all[i].Steps))) {
			t.Errorf("line %q lacks the step count %d", line, len(all[i].Steps))
		}
	}
}

// A step's mistake check shows its fix after the statement that made the
// mistake, before the step passes (a step can pass with it made).
func TestTutorShowsAStepsMistake(t *testing.T) {
	l, err := Parse("m.lesson", []byte(`lesson 93-mistake
title: M
title.zh: 错

step
say: Set a to 1.
say.zh: 把 a 设为 1。
code: a = 1
check: g.get('a') != None
mistake: g.get('a') != None and g.get('a') != 1
fix: a is set, but to another number.
fix.zh: a 设置了，但不是 1。
`))
	if err != nil {
		t.Fatal(err)
	}
	tu, err := NewTutor(l, "", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := joined(tu.Observe(globals())); got != "" {
		t.Errorf("before anything: %q", got)
	}
	got := joined(tu.Observe(globals("a", 2)))
	if !strings.HasPrefix(got, "a is set, but to another number.\n✓ step 1 done") {
		t.Errorf("after the mistake:\n%s", got)
	}
	tu, _ = NewTutor(l, "", "zh", nil)
	if got := joined(tu.Observe(globals("a", 1))); strings.Contains(got, "不是 1") || !strings.Contains(got, "✓") {
		t.Errorf("the right value:\n%s", got)
	}
}
