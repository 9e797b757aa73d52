//go:build !linux

package repl

import "syscall"

// dieWithTest has nothing to do where TestPrograms does not run.
func dieWithTest(attr *syscall.SysProcAttr) {}
