package python

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"
)

// Python threads. Each Python thread is a goroutine with Starlark threads
// of its own; one global interpreter lock (Interp.gil) lets one of them
// run Python code at a time, as in CPython. The lock is released while a
// thread waits (every socket wait and time.sleep, through the sockets
// package's WaitHooks; a queue, lock, event or join wait, through
// Runtime.WaitChan), between the prompt's statements, and every
// switchSteps interpreter steps while more than one thread runs, so a
// server thread and the statements typed at the prompt take turns.
//
// Ctrl-C reaches the main thread only. A thread's goroutine ends when its
// function returns; Close cancels the threads still running and Wait
// waits for them, so none outlives its interpreter.

// switchSteps is how many Starlark steps a thread runs before it lets
// another take the lock (CPython switches every 5 ms).
const switchSteps = 20000

const mainIdent = 1

// pyThread is one Python thread.
type pyThread struct {
	name   string
	ident  int64
	isMain bool
	daemon bool
	active *starlark.Thread // the Starlark thread it runs now; guarded by Interp.mu
	value  *Instance        // its threading.Thread object, once made
	done   chan struct{}    // closed when its function has returned
}

// acquire takes the global lock for t.
func (in *Interp) acquire(t *pyThread) {
	in.gil.Lock()
	in.mu.Lock()
	in.current = t
	in.mu.Unlock()
}

// release gives the global lock up.
func (in *Interp) release() {
	in.mu.Lock()
	in.current = nil
	in.mu.Unlock()
	in.gil.Unlock()
}

// waitEnter is the sockets WaitHooks' Enter: the thread about to wait
// gives the lock up; its wait is the foreground one when it is the main
// thread.
func (in *Interp) waitEnter() (any, bool) {
	in.mu.Lock()
	t := in.current
	in.mu.Unlock()
	if t == nil {
		return nil, true // not running Python code: a plain wait
	}
	in.release()
	return t, t.isMain
}

// waitLeave takes the lock back for the thread that waited.
func (in *Interp) waitLeave(token any) {
	if t, ok := token.(*pyThread); ok {
		in.acquire(t)
	}
}

// threadSet holds an interpreter's running threads.
type threadSet struct {
	mu      sync.Mutex
	live    map[*pyThread]bool
	next    atomic.Int64 // for idents
	numbers atomic.Int64 // for the names of threads not given one, as CPython counts them
	many    atomic.Bool  // some thread besides main has run: preempt
	closing atomic.Bool  // the interpreter is closing: threads stop
}

func (s *threadSet) add(t *pyThread) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live == nil {
		s.live = map[*pyThread]bool{}
	}
	s.live[t] = true
}

func (s *threadSet) remove(t *pyThread) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.live, t)
}

func (s *threadSet) all() []*pyThread {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*pyThread, 0, len(s.live))
	for t := range s.live {
		out = append(out, t)
	}
	return out
}

// preemptible makes thread give the lock up every switchSteps steps,
// once threads exist.
func (s *threadSet) preemptible(in *Interp, thread *starlark.Thread) {
	thread.OnMaxSteps = func(th *starlark.Thread) {
		if s.closing.Load() {
			th.Cancel("SystemExit")
		}
		if !s.many.Load() {
			th.SetMaxExecutionSteps(th.ExecutionSteps() + switchSteps)
			return
		}
		in.mu.Lock()
		t := in.current
		in.mu.Unlock()
		if t != nil {
			in.release()
			runtime.Gosched()
			in.acquire(t)
		}
		th.SetMaxExecutionSteps(th.ExecutionSteps() + switchSteps)
	}
	thread.SetMaxExecutionSteps(switchSteps)
}

// cancelAll stops every thread at its next step.
func (s *threadSet) cancelAll(in *Interp) {
	s.closing.Store(true)
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, t := range s.all() {
		if t.active != nil {
			t.active.Cancel("SystemExit")
		}
	}
}

// waitAll waits up to limit for the threads to end.
func (s *threadSet) waitAll(limit time.Duration) {
	deadline := time.After(limit)
	for _, t := range s.all() {
		select {
		case <-t.done:
		case <-deadline:
			return
		}
	}
}

// joinNonDaemon waits for every thread that is not a daemon, giving the
// lock up meanwhile.
func (s *threadSet) joinNonDaemon(in *Interp) error {
	for _, t := range s.all() {
		if t.daemon {
			continue
		}
		in.acquire(in.main)
		_, err := in.rt.WaitChan("join", "thread still running", t.done, nil)
		in.release()
		if err != nil {
			return err
		}
	}
	return nil
}

// start runs fn(args, kwargs) as a new Python thread. The thread that
// starts it gives the lock up until the new one holds it, and then waits
// for its turn, as CPython's Thread.start() waits for the new thread to
// signal that it started: the new thread runs first, until it waits or
// is preempted, so what it prints at once comes before what follows
// start() in the thread that called it.
func (in *Interp) startThread(t *pyThread, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) {
	in.threads.add(t)
	in.threads.many.Store(true)
	started := make(chan struct{})
	go func() {
		defer close(t.done)
		defer in.threads.remove(t)
		in.acquire(t)
		close(started)
		defer in.release()
		if in.threads.closing.Load() {
			return // the interpreter closed before the thread began
		}
		thread := in.newThread(t.name)
		in.mu.Lock()
		t.active = thread
		in.mu.Unlock()
		_, err := starlark.Call(thread, fn, args, kwargs)
		if err != nil {
			// A daemon thread still running when the program ends is
			// stopped silently, as CPython stops it: its sockets closing
			// under it is no error of its own.
			if pe := asPyError(err); pe.Class != "SystemExit" && !in.threads.closing.Load() {
				in.opt.Stderr("Exception in thread " + t.name + ":\n" + in.Traceback(err))
			}
		}
		in.mu.Lock()
		t.active = nil
		in.mu.Unlock()
	}()
	in.mu.Lock()
	caller := in.current
	in.mu.Unlock()
	if caller == nil {
		return
	}
	in.release()
	<-started
	in.acquire(caller)
}
