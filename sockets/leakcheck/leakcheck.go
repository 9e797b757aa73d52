// Package leakcheck is the test helper every package's tests share to
// prove that a test left no file descriptor open and no goroutine running.
// It imports nothing of the project's, so any package may use it.
package leakcheck

import (
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

// Check records the open fds and goroutines now and, at cleanup, fails
// the test if either count has not come back to it.
func Check(t testing.TB) {
	t.Helper()
	startPoller()
	fds, gs := FDs(t), runtime.NumGoroutine()
	t.Cleanup(func() {
		var nfd, ng int
		for range 100 { // a finished goroutine may take a moment to exit
			if nfd, ng = FDs(t), runtime.NumGoroutine(); nfd <= fds && ng <= gs {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Errorf("leak: fds %d -> %d, goroutines %d -> %d", fds, nfd, gs, ng)
	})
}

// startPoller makes the Go runtime create its network poller (an epoll
// fd and an eventfd, kept for the life of the process) before the first
// count. The runtime makes it on first use, such as the first os.Open of
// a regular file. Under go test it exists before the tests start, but a
// test binary run by hand (go test -c) made it inside the first test that
// read /proc/net, which then counted the runtime's two fds as its leak.
var startPoller = sync.OnceFunc(func() {
	if f, err := os.Open("/proc/self/stat"); err == nil {
		f.Close()
	}
})

// FDs counts this process's open file descriptors; the test is skipped
// where /proc/self/fd does not exist.
func FDs(t testing.TB) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(ents)
}

// Goroutines waits up to five seconds for goroutines that are finishing
// to be gone, and returns the count then (or limit's excess).
func Goroutines(limit int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 500 && n > limit; i++ {
		time.Sleep(10 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}
