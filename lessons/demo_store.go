package lessons

import (
	"errors"
	"os"
	"syscall"
)

// A demo (repl's %demo, sockrepl --demo) played in two terminals uses the
// progress store the way a two-role lesson does: each terminal records the
// statements its role has run, under the demo's id ("demo:" and the file's
// path), and a section that waits for the other role reads the other
// terminal's record. A record names the process that wrote it, so a
// rehearsal's leftovers never satisfy today's wait.

// DemoStart clears role's record of demo id and claims it for this
// process. A nil store keeps nothing.
func (st *Store) DemoStart(id, role string, total int) error {
	return st.put(id, role, &roleProgress{Total: total, At: 1, Pid: os.Getpid()})
}

// DemoRan records that role has run statement n of demo id.
func (st *Store) DemoRan(id, role string, n int) error {
	if st == nil {
		return nil
	}
	rp := st.get(id, role)
	if rp == nil || rp.Pid != os.Getpid() {
		rp = &roleProgress{Pid: os.Getpid()}
	}
	for _, d := range rp.Done {
		if d == n {
			return nil
		}
	}
	rp.Done = append(rp.Done, n)
	rp.At = n + 1
	return st.put(id, role, rp)
}

// DemoHasRun reports whether role, in a process still running, has run
// every one of the statements steps of demo id.
func (st *Store) DemoHasRun(id, role string, steps []int) bool {
	rp := st.get(id, role)
	if rp == nil || !alive(rp.Pid) {
		return false
	}
	done := map[int]bool{}
	for _, d := range rp.Done {
		done[d] = true
	}
	for _, n := range steps {
		if !done[n] {
			return false
		}
	}
	return true
}

// alive reports whether process pid exists (signal 0 checks without
// sending anything; EPERM means it exists under another user).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
