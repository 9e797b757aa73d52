package repl

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes what the package's tests leave behind once they have
// all run: the sockrepl binary built by sockreplBinary.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
