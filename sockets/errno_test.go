//go:build linux

package sockets

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Every errno maps to the class and message CPython gives it: OSError's
// constructor picks the PEP 3151 subclass, os.strerror is glibc's text.
func TestErrnoTableMatchesCPython(t *testing.T) {
	py := python(t)
	out, err := exec.Command(py, "-c", `
import os
for e in range(1, 134):
    x = OSError(e, os.strerror(e))
    print(e, type(x).__name__ + ': ' + str(x))
`).Output()
	check(t, err)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		num, want, _ := strings.Cut(line, " ")
		n, _ := strconv.Atoi(num)
		if got := sysError("op", unix.Errno(n)).Error(); got != want {
			t.Errorf("errno %d: python3 %q, sockets %q", n, want, got)
		}
	}
}
