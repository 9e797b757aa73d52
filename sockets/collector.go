package sockets

import (
	"os"
	"runtime/debug"
	"sync"
)

// The Go collector's pace, which decides what a recv() loop costs.
//
// The shell's live heap is a few megabytes, and a recv() loop allocates a
// fresh buffer per call that dies at once: at Go's default pace that is a
// collection every few megabytes. PaceCollector (called by main at start)
// collects at 5x the live heap instead. Once a program receives large
// buffers, that pace makes the heap goal swing with whatever buffers are
// in flight when a cycle ends (16 to 110 MB in gctrace), and the
// scavenger hands back to the kernel the pages that the next swing
// faults in again: on gVisor the faults, taken inside recvfrom's copy,
// were most of the gap to a loop that reuses one buffer. So the first
// receive of more than bulkRecv bytes switches once to bulk pace: a 32 MiB
// ballast, allocated and never touched (address space the collector
// counts, not memory the kernel backs), and GOGC=100. The goal then sits
// near twice (ballast + live heap), so it barely moves with the buffers in
// flight. Measured in docs/BENCHMARKS.md ("Seventh session").
//
// A GOGC set in the environment is the user's choice: neither pace
// overrides it.

// bulkRecv is the recv size that starts bulk pace: the buffers Go
// allocates as large objects, each its own span.
const bulkRecv = 32 << 10

// ballastSize is the collector's floor under bulk pace.
const ballastSize = 32 << 20

var (
	bulkOnce sync.Once
	ballast  []byte // never read or written: it only raises the heap goal
)

// PaceCollector sets the pace for an interactive shell: a collection
// when the heap has grown to five times what was live after the last.
func PaceCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// noteBulkRecv is told the size of each buffer recv allocates.
func noteBulkRecv(size int) {
	if size > bulkRecv {
		bulkOnce.Do(func() { ballast = bulkPace(os.Getenv("GOGC")) })
	}
}

// bulkPace switches the collector to bulk pace unless gogc (the
// environment's GOGC) is set, and returns the ballast that holds it there.
// makeNoZero: clearing the ballast would make the kernel back every page.
func bulkPace(gogc string) []byte {
	if gogc != "" {
		return nil
	}
	b := makeNoZero(ballastSize)
	debug.SetGCPercent(100)
	return b
}
