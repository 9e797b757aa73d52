package repl

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/tabwriter"
)

var programsAll = flag.Bool("programs.all", os.Getenv("SOCKREPL_PROGRAMS_ALL") != "",
	"TestPrograms: show every pending program's differences and a summary table (or set SOCKREPL_PROGRAMS_ALL=1)")

var programsSelf = flag.Bool("programs.self", false,
	"TestPrograms: compare python3 with python3, ignoring PENDING, to check that every program's output is deterministic")

// TestPrograms runs every program of testdata/programs with python3 and
// then with sockrepl, each with the peer its header asks for, and
// compares stdout, stderr (tracebacks included) and exit status, the
// peer's too. testdata/programs/PENDING is a ratchet: a program listed
// there may differ (the test skips it with its reason) but must not
// match, so the list only shrinks; any other program must match.
func TestPrograms(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the harness watches /proc/net to know when a program or its peer listens")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed: it is the reference the programs are compared with")
	}
	dir, err := filepath.Abs("testdata/programs")
	if err != nil {
		t.Fatal(err)
	}
	specs, pending := loadCorpus(t, dir)
	second := []string{"python3"}
	if *programsSelf {
		pending = nil
	} else {
		second = []string{sockreplBinary(t)}
	}
	lockCorpusPorts(t)

	var mu sync.Mutex
	var rows []summaryRow
	t.Cleanup(func() {
		if *programsAll {
			t.Log("\n" + summaryTable(rows))
		}
	})
	for _, spec := range specs {
		t.Run(spec.name, func(t *testing.T) {
			t.Parallel()
			py, err := runCorpusProgram(t, dir, spec, []string{"python3"}, nil)
			if err != nil {
				t.Fatalf("python3 run: %v", err)
			}
			if msg := oracleProblem(spec, py); msg != "" {
				t.Fatalf("python3, the reference, did not run %s as its header says: %s\nstdout:\n%s\nstderr:\n%s",
					spec.file, msg, py.prog.stdout, py.prog.stderr)
			}
			sr, err := runCorpusProgram(t, dir, spec, second, &py)
			if err != nil {
				t.Fatalf("sockrepl run: %v", err)
			}
			diffs := compareOutcomes(py, sr)
			reason, isPending := pending[spec.name]
			row := summaryRow{name: spec.name, pending: isPending, pyExit: py.prog.exit, srExit: sr.prog.exit}
			row.first = headline(diffs)
			mu.Lock()
			rows = append(rows, row)
			mu.Unlock()

			switch {
			case isPending && len(diffs) == 0:
				t.Errorf("%s now runs exactly as under python3: remove it from testdata/programs/PENDING (it said: %s)", spec.file, reason)
			case isPending:
				if *programsAll {
					t.Log(describeDiffs(diffs))
				}
				t.Skipf("pending (%s)", reason)
			case len(diffs) > 0:
				t.Errorf("sockrepl %s differs from python3:\n%s", spec.file, describeDiffs(diffs))
			}
		})
	}
}

// loadCorpus reads every program's header and the PENDING list, and
// checks that they agree and that no two programs share a port.
func loadCorpus(t *testing.T, dir string) ([]*programSpec, map[string]string) {
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in %s: %v", dir, err)
	}
	pending, err := readPending(filepath.Join(dir, "PENDING"))
	if err != nil {
		t.Fatal(err)
	}
	var specs []*programSpec
	names := map[string]bool{}
	for _, file := range files {
		spec, err := parseProgram(file)
		if err != nil {
			t.Fatal(err)
		}
		specs = append(specs, spec)
		names[spec.name] = true
	}
	for name := range pending {
		if !names[name] {
			t.Errorf("PENDING lists %s, which is not a program in %s", name, dir)
		}
	}
	owners, err := portOwners(files)
	if err != nil {
		t.Fatal(err)
	}
	for port, owner := range owners {
		if len(owner) > 1 {
			t.Errorf("port %s is used by %v: give each program its own port, so they can run in parallel", port, owner)
		}
	}
	return specs, pending
}

// lockCorpusPorts holds an exclusive lock for the rest of the test: the
// corpus uses fixed ports, so two `go test` processes (two worktrees on
// one machine) take turns instead of stealing each other's ports.
func lockCorpusPorts(t *testing.T) { lockFixedPorts(t, "programs-ports.lock") }

// lockLessonPorts is the same for the course's lessons, which own the
// ports 61000-61299 (docs/COURSE.md): replays in two processes at once
// would take each other's ports.
func lockLessonPorts(t *testing.T) { lockFixedPorts(t, "lesson-ports.lock") }

// lockFixedPorts holds an exclusive lock on a file of the user's cache
// for the rest of the test.
func lockFixedPorts(t *testing.T, name string) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "sockrepl-test")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The lock file stays: removing it would let a waiting process lock
	// an unlinked file while a newcomer locks a new one.
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() }) // closing releases the lock
}

// oracleProblem says how python3's run departs from the header, which
// would make it no reference at all (a port taken, a peer that failed).
func oracleProblem(spec *programSpec, py runOutcome) string {
	switch {
	case py.prog.note != "":
		return py.prog.note
	case py.prog.exit != spec.exit:
		return fmt.Sprintf("exit status %d, the header says %d", py.prog.exit, spec.exit)
	case py.peer == nil:
		return ""
	case py.peer.note != "":
		return "peer " + py.peer.note
	case py.peer.exit != 0:
		return fmt.Sprintf("peer exit status %d\npeer stdout:\n%s\npeer stderr:\n%s", py.peer.exit, py.peer.stdout, py.peer.stderr)
	}
	return ""
}

// maskOutput masks what the OS picks (fds, ports, object addresses) in
// every line, with the line-mode compatibility test's rules, and keeps
// everything else: traceback lines are compared in full.
func maskOutput(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = maskOSChoices(line)
	}
	return strings.Join(lines, "\n")
}

func sameResult(a, b procResult) bool {
	return a.exit == b.exit && a.note == b.note &&
		maskOutput(a.stdout) == maskOutput(b.stdout) && maskOutput(a.stderr) == maskOutput(b.stderr)
}

// streamDiff is one stream (stdout, peer stderr, exit status...) that
// differs, with a one-line summary and the full comparison.
type streamDiff struct {
	stream, first, detail string
}

func compareOutcomes(py, sr runOutcome) []streamDiff {
	var diffs []streamDiff
	cmp := func(prefix string, a, b procResult) {
		if a.note != b.note {
			diffs = append(diffs, streamDiff{prefix + "run", fmt.Sprintf("%srun: python3 %q, sockrepl %q", prefix, a.note, b.note), ""})
		}
		for _, s := range []struct{ name, a, b string }{
			{"stdout", a.stdout, b.stdout}, {"stderr", a.stderr, b.stderr}} {
			want, got := maskOutput(s.a), maskOutput(s.b)
			if want != got {
				diffs = append(diffs, streamDiff{prefix + s.name, firstDifference(prefix+s.name, want, got), lineDiff(want, got)})
			}
		}
		if a.exit != b.exit {
			diffs = append(diffs, streamDiff{prefix + "exit", fmt.Sprintf("%sexit status: python3 %d, sockrepl %d", prefix, a.exit, b.exit), ""})
		}
	}
	cmp("", py.prog, sr.prog)
	// A peer stopped early says nothing more about the program.
	if py.peer != nil && sr.peer.note != peerCut {
		cmp("peer ", *py.peer, *sr.peer)
	}
	return diffs
}

// firstDifference names the first line where two outputs part.
func firstDifference(stream, want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; ; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) && i >= len(g) {
			return fmt.Sprintf("%s line %d: python3 %q, sockrepl %q", stream, i+1, wl, gl)
		}
	}
}

// headline picks the difference that best says why a program differs:
// stderr first, since a program sockrepl stops early prints less on
// stdout but says why on stderr.
func headline(diffs []streamDiff) string {
	for _, d := range diffs {
		if d.stream == "stderr" {
			return d.first
		}
	}
	if len(diffs) > 0 {
		return diffs[0].first
	}
	return ""
}

func describeDiffs(diffs []streamDiff) string {
	var b strings.Builder
	for _, d := range diffs {
		b.WriteString(d.first + "\n")
		if d.detail != "" {
			b.WriteString(d.detail)
		}
	}
	return b.String()
}

// summaryRow is one program's line in the -programs.all table.
type summaryRow struct {
	name           string
	pending        bool
	pyExit, srExit int
	first          string
}

func summaryTable(rows []summaryRow) string {
	sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "program\tstatus\tpython3 exit\tsockrepl exit\tfirst difference")
	matched := 0
	for _, r := range rows {
		status := "runs"
		if r.first != "" {
			status = "differs"
		} else {
			matched++
		}
		if r.pending {
			status += " (pending)"
		}
		first := r.first
		if len(first) > 140 {
			first = first[:140] + "..."
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\n", r.name, status, r.pyExit, r.srExit, first)
	}
	w.Flush()
	fmt.Fprintf(&b, "%d of %d programs run exactly as under python3\n", matched, len(rows))
	return b.String()
}
