package repl

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestHistoryKeptPrivateAndBounded(t *testing.T) {
	dir := t.TempDir()
	h := loadHistory(dir)
	h.add("s = socket.socket()")
	h.add("for i in range(2):\n    print(b'\\r\\n')")
	h.add("for i in range(2):\n    print(b'\\r\\n')") // repeats are kept once
	again := loadHistory(dir)
	if len(again.entries) != 2 || again.entries[1] != "for i in range(2):\n    print(b'\\r\\n')" {
		t.Fatalf("reloaded %q", again.entries)
	}
	fi, err := os.Stat(filepath.Join(dir, "history"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("history file mode %v, %v", fi.Mode(), err)
	}
	for i := 0; i < historyLimit+50; i++ {
		again.add("x = " + strconv.Itoa(i))
	}
	last := loadHistory(dir)
	if len(last.entries) != historyLimit || last.entries[historyLimit-1] != "x = "+strconv.Itoa(historyLimit+49) {
		t.Fatalf("kept %d entries, last %q", len(last.entries), last.entries[len(last.entries)-1])
	}
}
