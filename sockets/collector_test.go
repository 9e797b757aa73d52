//go:build linux

package sockets

import (
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// residentBytes is this process's resident set, from /proc/self/statm.
func residentBytes(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/statm")
	check(t, err)
	pages, err := strconv.Atoi(strings.Fields(string(b))[1])
	check(t, err)
	return pages * os.Getpagesize()
}

func TestBulkPaceLeavesTheUsersGOGC(t *testing.T) {
	prev := debug.SetGCPercent(250)
	defer debug.SetGCPercent(prev)
	if b := bulkPace("50"); b != nil {
		t.Errorf("bulkPace with GOGC=50 in the environment made a %d-byte ballast", len(b))
	}
	if now := debug.SetGCPercent(250); now != 250 {
		t.Errorf("bulkPace with GOGC=50 in the environment set GOGC=%d", now)
	}
}

func TestBulkPaceBallastIsNotResident(t *testing.T) {
	prev := debug.SetGCPercent(250)
	defer debug.SetGCPercent(prev)
	before := residentBytes(t)
	b := bulkPace("")
	grew := residentBytes(t) - before
	if len(b) != ballastSize {
		t.Fatalf("ballast of %d bytes, want %d", len(b), ballastSize)
	}
	if now := debug.SetGCPercent(250); now != 100 {
		t.Errorf("bulk pace is GOGC=%d, want 100", now)
	}
	// Pages the kernel had to back would show here: a cleared or
	// written ballast grows the resident set by all 32 MiB.
	if grew > ballastSize/4 {
		t.Errorf("the ballast made %d bytes resident", grew)
	}
}

func TestLargeRecvStartsBulkPace(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: bulk pace never starts")
	}
	leakcheck.Check(t)
	// Start from normal pace, whatever an earlier test's recv did.
	prev := debug.SetGCPercent(400)
	bulkOnce, ballast = sync.Once{}, nil
	defer debug.SetGCPercent(prev)
	rt := newRT(t)
	a, b, err := rt.Socketpair(afUnix, sockStream, 0)
	check(t, err)
	defer a.Close()
	defer b.Close()
	msg := bytes.Repeat([]byte("x"), 2*bulkRecv)
	check(t, a.Sendall(msg, 0))
	got := 0
	for got < len(msg) {
		got += len(must[[]byte](t)(b.Recv(len(msg), 0)))
	}
	if ballast == nil || debug.SetGCPercent(100) != 100 {
		t.Errorf("a recv of %d bytes left the collector's pace alone", len(msg))
	}
}
