package starlark

import "testing"

func TestCancelsCounts(t *testing.T) {
	thread := new(Thread)
	if thread.Cancels() != 0 || thread.Cancelled() {
		t.Fatalf("a new thread: %d cancels, cancelled %v", thread.Cancels(), thread.Cancelled())
	}
	thread.Cancel("a")
	thread.Cancel("b") // the reason stays "a", the count moves
	if thread.Cancels() != 2 || !thread.Cancelled() {
		t.Errorf("after two: %d cancels, cancelled %v", thread.Cancels(), thread.Cancelled())
	}
	thread.Uncancel()
	if thread.Cancels() != 2 || thread.Cancelled() {
		t.Errorf("after Uncancel: %d cancels, cancelled %v", thread.Cancels(), thread.Cancelled())
	}
}
