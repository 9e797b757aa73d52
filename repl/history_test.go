package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

// Two terminals share the history file: each one's entries survive the
// other's (each used to rewrite the file with its own list).
func TestHistoryTwoTerminals(t *testing.T) {
	dir := t.TempDir()
	a, b := loadHistory(dir), loadHistory(dir)
	var wg sync.WaitGroup
	for name, h := range map[string]*history{"a": a, "b": b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				h.add(fmt.Sprintf("%s = %d", name, i))
			}
		}()
	}
	wg.Wait()
	got := loadHistory(dir).entries
	seen := map[string]bool{}
	for _, e := range got {
		seen[e] = true
	}
	for _, name := range []string{"a", "b"} {
		for i := 0; i < 200; i++ {
			if e := fmt.Sprintf("%s = %d", name, i); !seen[e] {
				t.Fatalf("lost %q; the file has %d entries", e, len(got))
			}
		}
	}
}

// Symbolic links planted in the state directory redirect nothing: the
// fixed history.tmp name used to be followed.
func TestHistoryPlantedSymlinks(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, "history.tmp")); err != nil {
		t.Fatal(err)
	}
	h := loadHistory(dir)
	h.add("x = 1")
	for i := 0; i < 40; i++ {
		h.add(strings.Repeat("y", historyMaxEntry-10) + strconv.Itoa(i)) // forces a rewrite
	}
	if data, _ := os.ReadFile(victim); string(data) != "precious\n" {
		t.Fatalf("the planted history.tmp was followed: %q", data)
	}
	if len(loadHistory(dir).entries) == 0 {
		t.Fatal("nothing saved")
	}
	// The history file itself planted as a link: not followed either.
	other := t.TempDir()
	if err := os.Symlink(victim, filepath.Join(other, "history")); err != nil {
		t.Fatal(err)
	}
	loadHistory(other).add("z = 2")
	if data, _ := os.ReadFile(victim); string(data) != "precious\n" {
		t.Fatalf("a planted history link was followed: %q", data)
	}
}

// The file is capped in bytes: huge entries stay in memory only, and many
// small ones are trimmed to the newest.
func TestHistoryCappedInBytes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "history")
	h := loadHistory(dir)
	huge := strings.Repeat("z", 1<<20)
	for i := 0; i < 300; i++ {
		h.add(huge + strconv.Itoa(i))
	}
	if fi, err := os.Stat(file); err == nil && fi.Size() > 0 {
		t.Fatalf("1 MB entries were written: %d bytes", fi.Size())
	}
	if h.entries[len(h.entries)-1] != huge+"299" {
		t.Fatal("a huge entry is not in this session's history")
	}
	line := strings.Repeat("w", 1000)
	for i := 0; i < 3000; i++ {
		h.add(line + strconv.Itoa(i))
		if i%100 == 0 {
			if fi, err := os.Stat(file); err != nil || fi.Size() > historyMaxBytes {
				t.Fatalf("after %d entries the file is %d bytes (%v)", i, fi.Size(), err)
			}
		}
	}
	got := loadHistory(dir).entries
	if len(got) < 400 || got[len(got)-1] != line+"2999" {
		t.Fatalf("reloaded %d entries, the last %.20q", len(got), got[len(got)-1])
	}
}
