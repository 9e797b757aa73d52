package repl

import "syscall"

// dieWithTest makes the kernel kill a corpus process if the test binary
// dies first (a -timeout panic), so no program or peer outlives the test.
func dieWithTest(attr *syscall.SysProcAttr) {
	attr.Pdeathsig = syscall.SIGKILL
}
