package lessons

import (
	"sockrepl/sockets/leakcheck"

	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// A file that is not JSON is kept aside as progress.json.bad, said once,
// and progress starts afresh; it used to be wiped silently at the next save.
func TestStoreDamagedFile(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	damaged := []byte("{\"version\": 1, \"lessons\": {\"01-echo\": {\"server\": {\"done\": [1, 2,]}}}}")
	if err := os.WriteFile(st.Path(), damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	if d, n := st.Done("01-echo", "server"); d != 0 || n != 0 {
		t.Errorf("Done over a damaged file = %d, %d", d, n)
	}
	if kept, err := os.ReadFile(st.Path() + ".bad"); err != nil || string(kept) != string(damaged) {
		t.Fatalf("damaged file not kept aside: %q %v", kept, err)
	}
	got := st.Notices("en")
	if len(got) != 1 || !strings.Contains(got[0], "damaged") || !strings.Contains(got[0], "progress.json.bad") {
		t.Errorf("notices %q", got)
	}
	if again := st.Notices("en"); len(again) != 0 {
		t.Errorf("said twice: %q", again)
	}
	if err := st.put("01-echo", "server", &roleProgress{Done: []int{1}, At: 2, Total: 3}); err != nil {
		t.Fatal(err)
	}
	if d, _ := st.Done("01-echo", "server"); d != 1 {
		t.Errorf("progress after a damaged file: %d", d)
	}
	if kept, _ := os.ReadFile(st.Path() + ".bad"); string(kept) != string(damaged) {
		t.Errorf("the .bad file changed: %q", kept)
	}
}

// A progress file that cannot be read is never overwritten, and the
// failed save is said (once per reason) instead of a silent success.
func TestStoreUnreadableIsKept(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// A directory in the file's place.
	if err := os.Mkdir(st.Path(), 0o700); err != nil {
		t.Fatal(err)
	}
	tu := newTutor(t, "testdata/flow.lesson", "server", "en", st)
	got := strings.Join(tu.Observe(globals("a", 1)), "\n")
	if !strings.Contains(got, "✓ step 1 done\nLesson progress is not being saved: "+st.Path()+": not a regular file") {
		t.Errorf("a save over a directory: %q", got)
	}
	if fi, err := os.Stat(st.Path()); err != nil || !fi.IsDir() {
		t.Errorf("the directory was replaced: %v %v", fi, err)
	}
	if again := tu.Observe(globals("c", 3)); !strings.Contains(strings.Join(again, "\n"), "✓ step 3 done") || strings.Contains(strings.Join(again, "\n"), "not being saved") {
		t.Errorf("the same failure said twice: %q", again)
	}
	if os.Geteuid() == 0 {
		return // root reads a mode 000 file
	}
	if err := os.Remove(st.Path()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(st.Path(), []byte(`{"version": 1}`), 0); err != nil {
		t.Fatal(err)
	}
	if err := st.put("x", "main", &roleProgress{}); err == nil {
		t.Error("a save over an unreadable file succeeded")
	}
	if fi, err := os.Stat(st.Path()); err != nil || fi.Mode().Perm() != 0 {
		t.Errorf("the unreadable file was replaced: %v %v", fi, err)
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
