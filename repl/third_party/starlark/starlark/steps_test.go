package starlark

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestStepsAtBackEdges checks patch 6 (PATCHES.md): steps are counted at
// calls and loops' back edges, so a step limit still stops a loop and a
// recursion that has no loop, and Cancel still stops a running loop.
func TestStepsAtBackEdges(t *testing.T) {
	run := func(thread *Thread, src string) error {
		_, err := ExecFileOptions(nsOptions, thread, "steps.star", src, nil)
		return err
	}
	// A while loop with nothing in it but its condition.
	thread := new(Thread)
	thread.SetMaxExecutionSteps(10000)
	err := run(thread, "def f():\n    n = 0\n    while True:\n        n += 1\nf()\n")
	if fmt.Sprint(err) != "Starlark computation cancelled: too many steps" {
		t.Errorf("endless while loop: %v", err)
	}
	// Calls alone count too: a chain of calls with no loop.
	thread = new(Thread)
	thread.SetMaxExecutionSteps(50)
	calls := "def f0():\n    return 0\n"
	for i := 1; i < 100; i++ {
		calls += fmt.Sprintf("def f%d():\n    return f%d()\n", i, i-1)
	}
	err = run(thread, calls+"f99()\n")
	if fmt.Sprint(err) != "Starlark computation cancelled: too many steps" {
		t.Errorf("100 nested calls with a limit of 50 steps: %v", err)
	}
	// Cancel from another goroutine ends a running for loop.
	thread = new(Thread)
	go func() {
		time.Sleep(50 * time.Millisecond)
		thread.Cancel("stop")
	}()
	err = run(thread, "def f():\n    for i in range(1000000000):\n        pass\nf()\n")
	if fmt.Sprint(err) != "Starlark computation cancelled: stop" {
		t.Errorf("cancelled for loop: %v", err)
	}
	// The counts still grow with the work done.
	thread = new(Thread)
	if err := run(thread, "def f(n):\n    for i in range(n):\n        pass\nf(1000)\n"); err != nil {
		t.Fatal(err)
	}
	small := thread.ExecutionSteps()
	if err := run(thread, "def f(n):\n    for i in range(n):\n        pass\nf(100000)\n"); err != nil {
		t.Fatal(err)
	}
	if big := thread.ExecutionSteps() - small; big < 90*small || big > 110*small {
		t.Errorf("steps for 1000 turns %d, for 100000 turns %d: not linear", small, big)
	}
}

// TestWideArguments: instructions whose argument takes more than one byte
// (the 200th constant, a far jump) decode as one-byte ones do (patch 6's
// fast path for one-byte arguments).
func TestWideArguments(t *testing.T) {
	var b strings.Builder
	b.WriteString("def f():\n    total = 0\n")
	want := 0
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "    total += %d\n", 1000+i)
		want += 1000 + i
	}
	b.WriteString("    return total\nr = f()\n")
	g, err := ExecFileOptions(nsOptions, new(Thread), "wide.star", b.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := g["r"].String(); got != fmt.Sprint(want) {
		t.Errorf("sum of 300 constants = %s, want %d", got, want)
	}
}
