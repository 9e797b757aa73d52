package python

import (
	"runtime/metrics"
	"sync"
	"time"

	"go.starlark.net/starlark"
)

// Go cannot recover from running out of memory: the process dies and the
// learner loses every socket. So sizes are checked before anything is
// allocated, and MemoryError is raised where CPython would fail to
// allocate (CPython's limit is the machine's memory; ours is fixed).
const (
	// maxValueBytes is the largest str or bytes a builtin builds in one
	// go (struct.pack, join, replace, bytes(n)); Starlark's own * stops
	// at 1 GiB. Bulk transfers send chunks far smaller than this.
	maxValueBytes = 1 << 28
	// maxElems is the most items a list, tuple, set or dict built from a
	// range may hold (each item costs 16 bytes or more).
	maxElems = 1 << 26
	// maxGrowth is how much the heap may grow during one statement.
	maxGrowth = 2 << 30
	// checkEvery is how many items a long loop inside a builtin takes
	// between looks at Ctrl-C.
	checkEvery = 1 << 14
)

func memoryError() *PyError { return &PyError{Class: "MemoryError"} }

// checkSize refuses a value of n bytes (or items) above limit; n < 0
// means the size computation overflowed.
func checkSize(n, limit int64) error {
	if n < 0 || n > limit {
		return memoryError()
	}
	return nil
}

// ---- long loops inside builtins ----

// probeFn is a Starlark function that does nothing. Calling it runs one
// interpreter step, which fails once the thread has been cancelled: the
// only public way to see Ctrl-C from inside a builtin.
var probeFn = sync.OnceValue(func() starlark.Value {
	g, err := starlark.ExecFile(&starlark.Thread{Name: "probe"}, "probe", "def probe():\n    pass\n", nil)
	if err != nil {
		panic(err) // a constant program: cannot fail
	}
	return g["probe"]
})

// cancelled returns the thread's cancellation (KeyboardInterrupt,
// MemoryError) as an error, or nil while it may go on.
func cancelled(thread *starlark.Thread) error {
	if thread == nil {
		return nil
	}
	if _, err := starlark.Call(thread, probeFn(), nil, nil); err != nil {
		return asPyError(err)
	}
	return nil
}

// isLazyRange reports whether v is a range: the one value whose length
// costs nothing, so range(10**12) can reach a builtin.
func isLazyRange(v starlark.Value) bool {
	_, ok := v.(starlark.Indexable)
	return ok && v.Type() == "range"
}

// isLazySeq reports whether v yields items it does not hold yet: a
// range, or str and bytes iterated by character or int.
func isLazySeq(v starlark.Value) bool {
	switch v.(type) {
	case strChars, bytesInts:
		return true
	}
	return isLazyRange(v)
}

// guardIterable prepares an argument of a builtin that iterates it. A
// builtin that keeps every item (alloc) is refused a range too long to
// hold; one that only looks at them gets a long range wrapped so that
// Ctrl-C stops it. The returned check reports why the wrapper stopped
// early, after the builtin returns.
func guardIterable(thread *starlark.Thread, v starlark.Value, alloc bool) (starlark.Value, func() error, error) {
	none := func() error { return nil }
	if it, ok := v.(pyIterator); ok && thread != nil {
		// Looped over with the caller's thread, so that an item that
		// fails (a closed file's next line) raises in the call.
		return threadIter{it, thread}, none, nil
	}
	if !isLazySeq(v) {
		return v, none, nil
	}
	n := starlark.Len(v)
	if alloc && n > maxElems {
		return nil, none, memoryError()
	}
	if !isLazyRange(v) {
		return v, none, nil // as long as data already held: quick to walk
	}
	if n <= checkEvery {
		return v, none, nil
	}
	w := &checkedIterable{thread: thread, inner: v.(starlark.Iterable)}
	return w, func() error { return w.stopped }, nil
}

// checkedIterable hands out its inner iterable's items and looks for
// Ctrl-C every checkEvery of them, ending the iteration when it comes.
type checkedIterable struct {
	thread  *starlark.Thread
	inner   starlark.Iterable
	stopped error
}

func (c *checkedIterable) String() string        { return c.inner.String() }
func (c *checkedIterable) Type() string          { return c.inner.Type() }
func (c *checkedIterable) Freeze()               {}
func (c *checkedIterable) Truth() starlark.Bool  { return c.inner.Truth() }
func (c *checkedIterable) Hash() (uint32, error) { return c.inner.Hash() }
func (c *checkedIterable) Iterate() starlark.Iterator {
	return &checkedIterator{c: c, it: c.inner.Iterate()}
}

type checkedIterator struct {
	c  *checkedIterable
	it starlark.Iterator
	n  int
}

func (i *checkedIterator) Next(p *starlark.Value) bool {
	if i.c.stopped != nil {
		return false
	}
	i.n++
	if i.n%checkEvery == 0 {
		if err := cancelled(i.c.thread); err != nil {
			i.c.stopped = err
			return false
		}
	}
	return i.it.Next(p)
}

func (i *checkedIterator) Done() { i.it.Done() }

// ---- memory growth across many small steps ----

var heapMetric = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
var heapMu sync.Mutex

// heapBytes is the memory held by heap objects, garbage included.
func heapBytes() int64 {
	heapMu.Lock()
	defer heapMu.Unlock()
	metrics.Read(heapMetric)
	if heapMetric[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(heapMetric[0].Value.Uint64())
}

// watchMemory cancels thread with MemoryError if the heap grows by more
// than growth while it runs (a list appended to forever, a string
// doubled in a loop). Each step is small, so no single check catches
// them. The returned stop ends the watch and waits for it.
func watchMemory(in *Interp, growth int64) (stop func()) {
	const every = 10 * time.Millisecond
	// Most statements end within microseconds, so the watch starts only
	// once one has run for a tick; the heap cannot grow by gigabytes in
	// that time, and a short statement pays for a timer alone.
	done := make(chan struct{})
	finished := make(chan struct{})
	t := time.AfterFunc(every, func() {
		defer close(finished)
		base := heapBytes()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			// Garbage counts too, so a statement that makes more than
			// growth bytes of it while keeping much alive can be stopped
			// early; a garbage collection here to tell them apart takes
			// too long while a string doubles under it.
			if heapBytes()-base > growth {
				in.mu.Lock()
				if t := in.current; t != nil && t.active != nil {
					t.active.Cancel("MemoryError")
				}
				in.mu.Unlock()
				return
			}
		}
	})
	return func() {
		if t.Stop() {
			return // it never started
		}
		close(done)
		<-finished
	}
}
