package repl

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The files the shell keeps between runs (lesson progress, history) must
// survive damage, refuse to be overwritten when unreadable, and say when
// they cannot be saved.

// runBinaryEnv runs sockrepl in line mode with extra environment and,
// when cred is set, as another user.
func runBinaryEnv(t *testing.T, stdin string, env []string, cred *syscall.Credential, args ...string) (string, string, int) {
	t.Helper()
	// A hang fails the test instead of stopping it.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, sockreplBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// lessonThreeStepOne starts lesson 3 and passes its first step.
const lessonThreeStepOne = "%lesson 3\na = socket.socket()\n"

func TestProgressFileDamagedIsKeptAside(t *testing.T) {
	state := t.TempDir()
	dir := filepath.Join(state, "sockrepl")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	damaged := `{"version": 1, "lessons": {"03-bind": {"main": {"done": [1, 2, 3], "at": 4, "total": 9}}}`
	if err := os.WriteFile(filepath.Join(dir, "progress.json"), []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, _ := runBinaryEnv(t, lessonThreeStepOne+"%lesson\n", []string{"XDG_STATE_HOME=" + state, "LANG=C.UTF-8"}, nil)
	if n := strings.Count(out, "was damaged and is kept aside as "+filepath.Join(dir, "progress.json.bad")); n != 1 {
		t.Errorf("the damage said %d times:\n%s\n%s", n, out, errs)
	}
	if !strings.Contains(out, "✓ step 1 done") {
		t.Errorf("step 1 not passed:\n%s", out)
	}
	kept, err := os.ReadFile(filepath.Join(dir, "progress.json.bad"))
	if err != nil || string(kept) != damaged {
		t.Errorf("progress.json.bad: %q %v", kept, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "progress.json"))
	var p struct {
		Lessons map[string]map[string]struct{ Done []int }
	}
	if err != nil || json.Unmarshal(data, &p) != nil || len(p.Lessons["03-bind"]) != 1 {
		t.Errorf("progress.json after the damage: %s %v", data, err)
	}
}

func TestProgressSaveFailuresAreSaid(t *testing.T) {
	const unsaved = "✓ step 1 done\nLesson progress is not being saved: "
	t.Run("directory in its place", func(t *testing.T) {
		state := t.TempDir()
		if err := os.MkdirAll(filepath.Join(state, "sockrepl", "progress.json"), 0o700); err != nil {
			t.Fatal(err)
		}
		out, errs, _ := runBinaryEnv(t, lessonThreeStepOne, []string{"XDG_STATE_HOME=" + state}, nil)
		if !strings.Contains(out, unsaved) || !strings.Contains(out, "not a regular file") {
			t.Errorf("stdout:\n%s\nstderr:\n%s", out, errs)
		}
	})
	t.Run("state directory is a file", func(t *testing.T) {
		state := t.TempDir()
		if err := os.WriteFile(filepath.Join(state, "sockrepl"), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		out, errs, _ := runBinaryEnv(t, lessonThreeStepOne, []string{"XDG_STATE_HOME=" + state}, nil)
		if n := strings.Count(out, "Lesson progress is not being saved: "); n != 1 || !strings.Contains(out, "✓ step 1 done") {
			t.Errorf("stdout:\n%s\nstderr:\n%s", out, errs)
		}
	})
	// Read-only home, and a mode 000 progress file: as root, run the shell
	// as nobody, since root reads and writes them anyway.
	var cred *syscall.Credential
	owner := os.Getuid()
	if os.Getuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		owner = 65534
	}
	shared := func(t *testing.T) string {
		t.Helper()
		dir, err := os.MkdirTemp("", "sockrepl-ro")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700); os.RemoveAll(dir) })
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		// The test binary's directory must be reachable too.
		os.Chmod(filepath.Dir(sockreplBinary(t)), 0o755)
		return dir
	}
	t.Run("read-only home", func(t *testing.T) {
		home := filepath.Join(shared(t), "home")
		if err := os.Mkdir(home, 0o555); err != nil {
			t.Fatal(err)
		}
		os.Chown(home, owner, owner)
		out, errs, _ := runBinaryEnv(t, lessonThreeStepOne, []string{"HOME=" + home, "XDG_STATE_HOME="}, cred)
		if !strings.Contains(out, "Lesson progress is not being saved: ") || !strings.Contains(out, "permission denied") {
			t.Errorf("stdout:\n%s\nstderr:\n%s", out, errs)
		}
	})
	t.Run("mode 000 file", func(t *testing.T) {
		state := filepath.Join(shared(t), "state")
		dir := filepath.Join(state, "sockrepl")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "progress.json")
		if err := os.WriteFile(file, []byte(`{"version": 1}`), 0); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{state, dir, file} {
			os.Chown(p, owner, owner)
		}
		out, errs, _ := runBinaryEnv(t, lessonThreeStepOne, []string{"XDG_STATE_HOME=" + state}, cred)
		if !strings.Contains(out, unsaved+file+": permission denied") {
			t.Errorf("stdout:\n%s\nstderr:\n%s", out, errs)
		}
		if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0 {
			t.Errorf("the unreadable file was replaced: %v %v", fi, err)
		}
	})
}

// %save refuses to overwrite unless -f, writes through a temporary file
// renamed into place, and refuses what is not a regular file.
func TestSaveIsAtomicAndAsks(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s.py")
	old := "print('my own work')\n"
	if err := os.WriteFile(file, []byte(old), 0o640); err != nil {
		t.Fatal(err)
	}
	out, errs, _ := runBinary(t, "x = 1\n%save "+file+"\n")
	if !strings.Contains(errs, "UsageError: "+file+" exists: %save -f "+file+" replaces it") || strings.Contains(out, "saved") {
		t.Errorf("an existing file: stdout %q stderr %q", out, errs)
	}
	if data, _ := os.ReadFile(file); string(data) != old {
		t.Fatalf("an existing file was overwritten without -f: %q", data)
	}
	out, errs, _ = runBinary(t, "x = 1\n%save -f "+file+"\n")
	data, _ := os.ReadFile(file)
	if !strings.Contains(out, "saved 1 statements to "+file) || !strings.HasSuffix(string(data), "\nx = 1\n") {
		t.Errorf("%%save -f: stdout %q stderr %q, file %q", out, errs, data)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("%%save -f changed the mode: %v %v", fi.Mode(), err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}

	// A FIFO, with and without -f: refused at once, where it used to hang.
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"%save " + fifo, "%save -f " + fifo} {
		_, errs, _ = runBinary(t, "x = 1\n"+cmd+"\n")
		if !strings.Contains(errs, "UsageError: cannot write "+fifo+": not a regular file") {
			t.Errorf("%s: stderr %q", cmd, errs)
		}
	}

	// A full disk (a file size limit) while replacing: the old file stays
	// whole and no temporary file is left.
	big := filepath.Join(dir, "big.py")
	whole := strings.Repeat("# an old line that must survive\n", 64)
	if err := os.WriteFile(big, []byte(whole), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Skip("prlimit is not installed")
	}
	in := "s = '" + strings.Repeat("x", 5000) + "'\n%save -f " + big + "\n"
	cmd := exec.Command("prlimit", "--fsize=4096", sockreplBinary(t))
	cmd.Stdin = strings.NewReader(in)
	outb, err := cmd.CombinedOutput()
	if !strings.Contains(string(outb), "UsageError: cannot write "+big+": [Errno 27] File too large") {
		t.Errorf("a full disk: %v %q", err, outb)
	}
	if data, _ := os.ReadFile(big); string(data) != whole {
		t.Errorf("the old file was damaged: %q", data)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 3 {
		t.Errorf("left behind: %v", ents)
	}
}
