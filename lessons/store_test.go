package lessons

import (
	"sockrepl/sockets/leakcheck"

	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestStoreFileAndModes(t *testing.T) {
	leakcheck.Check(t)
	dir := filepath.Join(t.TempDir(), "state", "sockrepl")
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("state dir: %v %v", fi.Mode(), err)
	}
	if err := st.put("01-echo", "server", &roleProgress{Done: []int{3, 1}, At: 4, Total: 9}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(st.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("progress file: %v %v", fi.Mode(), err)
	}
	data, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	var p progress
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("progress.json is not JSON: %v\n%s", err, data)
	}
	rp := p.Lessons["01-echo"]["server"]
	if p.Version != 1 || rp == nil || fmt.Sprint(rp.Done) != "[1 3]" || rp.At != 4 || rp.Total != 9 {
		t.Errorf("stored %s", data)
	}
	if d, n := st.Done("01-echo", "server"); d != 2 || n != 9 {
		t.Errorf("Done = %d, %d", d, n)
	}
	if d, n := st.Done("01-echo", "client"); d != 0 || n != 0 {
		t.Errorf("Done of an unknown role = %d, %d", d, n)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "progress.json" && e.Name() != "progress.lock" {
			t.Errorf("left behind in the state dir: %s", e.Name())
		}
	}
}

// Two terminals of one lesson write the same file; neither may lose the
// other's progress.
func TestStoreConcurrentWriters(t *testing.T) {
	leakcheck.Check(t)
	dir := t.TempDir()
	a, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	for i, st := range []*Store{a, b} {
		role := []string{"server", "client"}[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			var done []int
			for k := 1; k <= n; k++ {
				done = append(done, k)
				if err := st.put(fmt.Sprintf("l%d", k%3), role, &roleProgress{Done: done, At: k + 1, Total: n}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for k := 0; k < 3; k++ {
		for _, role := range []string{"server", "client"} {
			if d, total := a.Done(fmt.Sprintf("l%d", k), role); d == 0 || total != n {
				t.Errorf("l%d %s lost: %d/%d", k, role, d, total)
			}
		}
	}
	if d, _ := b.Done("l1", "server"); d != n { // the last write to l1 is k=40 (40%3 == 1)
		t.Errorf("l1 server done %d, want %d", d, n)
	}
}

func TestStoreDamagedFile(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(st.Path(), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if d, n := st.Done("01-echo", "server"); d != 0 || n != 0 {
		t.Errorf("Done over a damaged file = %d, %d", d, n)
	}
	if err := st.put("01-echo", "server", &roleProgress{Done: []int{1}, At: 2, Total: 3}); err != nil {
		t.Fatal(err)
	}
	if d, _ := st.Done("01-echo", "server"); d != 1 {
		t.Errorf("a damaged file was not replaced: %d", d)
	}
}

func TestStoreUnwritable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The directory is replaced by a file: even root cannot write there.
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", st)
	if got := tu.Observe(globals("a", 1)); len(got) == 0 || tu.SaveErr() == nil {
		t.Errorf("a failed save: lines %q, SaveErr %v", got, tu.SaveErr())
	}
	if tu.Current().N != 3 {
		t.Errorf("a failed save stopped the lesson at %v", tu.Current())
	}
}

func TestNilStore(t *testing.T) {
	var st *Store
	if d, n := st.Done("x", "main"); d != 0 || n != 0 || st.Path() != "" {
		t.Error("nil store reports progress")
	}
	if err := st.put("x", "main", &roleProgress{Done: []int{1}}); err != nil {
		t.Error(err)
	}
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", nil)
	tu.Observe(globals("a", 1))
	if tu.SaveErr() != nil || tu.Current().N != 3 {
		t.Errorf("tutor without a store: %v at %v", tu.SaveErr(), tu.Current())
	}
}

func TestDefaultStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/xdg/state")
	if d, err := DefaultStateDir(); err != nil || d != "/xdg/state/sockrepl" {
		t.Errorf("with XDG_STATE_HOME: %q %v", d, err)
	}
	t.Setenv("XDG_STATE_HOME", "relative/is/ignored")
	t.Setenv("HOME", "/home/learner")
	if d, err := DefaultStateDir(); err != nil || d != "/home/learner/.local/state/sockrepl" {
		t.Errorf("without XDG_STATE_HOME: %q %v", d, err)
	}
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	st, err := OpenStore("")
	if err != nil || st.Path() != filepath.Join(dir, "sockrepl", "progress.json") {
		t.Errorf("OpenStore(\"\"): %q %v", st.Path(), err)
	}
}
