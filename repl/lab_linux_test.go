package repl

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// labUser runs the lab's shells as an ordinary user when the tests run as
// root, since the lab's point is that it needs no root; it returns the
// binary to run and the credential (nil: the test's own user).
func labUser(t *testing.T) (string, *syscall.Credential, string) {
	t.Helper()
	if _, err := exec.LookPath("nsenter"); err != nil {
		t.Skip("the lab needs nsenter (util-linux)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("the lab needs ip (iproute2; .ci/run installs it)")
	}
	bin := sockreplBinary(t)
	runtimeDir := t.TempDir()
	if os.Getuid() != 0 {
		return bin, nil, runtimeDir
	}
	// nobody must reach the binary and own its runtime directory.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		os.Chmod(d, 0o755)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	copyBin := filepath.Join(dir, "sockrepl")
	if err := os.WriteFile(copyBin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(runtimeDir), 0o755)
	os.Chown(runtimeDir, 65534, 65534)
	return copyBin, &syscall.Credential{Uid: 65534, Gid: 65534}, runtimeDir
}

// labShell is one sockrepl --lab in line mode, fed lines as the test goes.
type labShell struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines chan string
	errs  strings.Builder
}

func startLabShell(t *testing.T, bin string, cred *syscall.Credential, runtimeDir string, args ...string) *labShell {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtimeDir)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	sh := &labShell{t: t, cmd: cmd, lines: make(chan string, 1000)}
	var err error
	if sh.in, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &sh.errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(sh.lines)
		r := bufio.NewScanner(out)
		for r.Scan() {
			sh.lines <- strings.Join(strings.Fields(r.Text()), " ")
		}
	}()
	t.Cleanup(func() { sh.in.Close(); cmd.Process.Kill(); cmd.Wait() })
	return sh
}

func (sh *labShell) send(lines ...string) {
	io.WriteString(sh.in, strings.Join(lines, "\n")+"\n")
}

// until reads output lines until one contains want, returning them all
// (a bound on a hang, not a timing assertion).
func (sh *labShell) until(want string) []string {
	sh.t.Helper()
	var got []string
	deadline := time.After(20 * time.Second)
	for {
		select {
		case l, ok := <-sh.lines:
			if !ok {
				sh.t.Fatalf("the shell ended before %q; it printed:\n%s\nstderr:\n%s", want, strings.Join(got, "\n"), sh.errs.String())
			}
			got = append(got, l)
			if strings.Contains(l, want) {
				return got
			}
		case <-deadline:
			sh.t.Fatalf("no %q; the shell printed:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// Two shells in one lab, without root: beta listens, alpha connects to it
// by name across the bridge, both %packets views show the handshake, no
// route leads out, and the lab is gone when the last shell leaves.
func TestLabTwoHosts(t *testing.T) {
	bin, cred, runtimeDir := labUser(t)
	beta := startLabShell(t, bin, cred, runtimeDir, "--lab", "--host", "beta")
	beta.send("%packets on", "s = socket.socket()", "s.bind(('', 5000))", "s.listen()", "print('listening', flush=True)")
	beta.until("listening")

	alpha := startLabShell(t, bin, cred, runtimeDir, "--lab")
	alpha.send("%packets on", "c = socket.socket()", "c.connect(('beta', 5000))", "print('connected', flush=True)")
	got := alpha.until("connected")
	inOrder(t, got,
		`^c → beta:5000 SYN seq=0 .* c SYN_SENT · beta:5000 SYN_RECV$`,
		`^beta:5000 → c SYN-ACK seq=0 ack=1 `,
		`^c → beta:5000 ACK seq=1 ack=1 `)
	alpha.send("c.sendall(b'Hello, world')", "print('sent', flush=True)")
	alpha.until("sent")

	beta.send("conn, addr = s.accept()", "addr[0]", "conn.recv(100)", "print('received', flush=True)")
	got = beta.until("received")
	inOrder(t, got,
		`^alpha:\d+ → (s|conn) SYN seq=0 `,
		`^(s|conn) → alpha:\d+ SYN-ACK seq=0 ack=1 `,
		`^alpha:\d+ → (s|conn) ACK seq=1 ack=1 `,
		`^'10\.77\.0\.1'$`, `^b'Hello, world'$`)

	// Nothing is routed out: an address outside the lab is unreachable
	// at once (no packet can leave: there is no route and no link).
	alpha.send("s2 = socket.socket()", "s2.connect_ex(('192.0.2.1', 9))", "%lab")
	got = alpha.until("nothing is routed out")
	inOrder(t, got, `^101$`, `^alpha 10\.77\.0\.1 up this shell$`, `^beta 10\.77\.0\.2 up$`)

	// Unplugging beta: alpha's next send gets no answer, and %lab says so.
	alpha.send("%lab down beta", "%lab")
	inOrder(t, alpha.until("nothing is routed out"), `^done: down beta$`, `^beta 10\.77\.0\.2 down$`)

	keepers := labKeepers(runtimeDir)
	if len(keepers) != 1 {
		t.Fatalf("%d keepers for one lab: %v", len(keepers), keepers)
	}
	alpha.in.Close()
	beta.in.Close()
	if err := alpha.cmd.Wait(); err != nil {
		t.Errorf("alpha: %v\n%s", err, alpha.errs.String())
	}
	if err := beta.cmd.Wait(); err != nil {
		t.Errorf("beta: %v\n%s", err, beta.errs.String())
	}
	// The keeper ends with the last shell, and the namespaces with it.
	for deadline := time.Now().Add(10 * time.Second); len(labKeepers(runtimeDir)) > 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the lab's processes outlived its shells: %v", labKeepers(runtimeDir))
		}
	}
	if _, err := os.Stat(filepath.Join(runtimeDir, "sockrepl-lab-"+uidText(cred), "control")); err == nil {
		t.Errorf("the control socket is still there")
	}
}

func uidText(cred *syscall.Credential) string {
	if cred != nil {
		return "65534"
	}
	return strconv.Itoa(os.Getuid())
}

// labKeepers lists the lab's keeper and holder processes: the processes
// of this binary whose command line is --lab-keeper for this runtime
// directory, and the holders they started.
func labKeepers(runtimeDir string) []string {
	var out []string
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		cmd := strings.ReplaceAll(string(data), "\x00", " ")
		if strings.Contains(cmd, "--lab-keeper "+runtimeDir) {
			out = append(out, p+": "+cmd)
		}
	}
	return out
}

// Where the kernel lets no user namespace be made, --lab says so in one
// sentence and ends. The test makes such a place: a user namespace whose
// limit of nested user namespaces is 0.
func TestLabRefusedWithoutUserNamespaces(t *testing.T) {
	labUser(t) // skips without nsenter or ip
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare (util-linux) is not installed")
	}
	if exec.Command(unshare, "-Ur", "true").Run() != nil {
		t.Skip("this kernel makes no user namespaces at all")
	}
	cmd := exec.Command(unshare, "-Ur", "sh", "-c", `echo 0 > /proc/sys/user/max_user_namespaces && exec "$0" --lab`, sockreplBinary(t))
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+t.TempDir())
	cmd.Stdin = strings.NewReader("print('inside')\n")
	out, err := cmd.CombinedOutput()
	want := "sockrepl: this kernel does not let users make their own network namespaces, so the lab cannot run here (it needs user.max_user_namespaces > 0, and kernel.unprivileged_userns_clone=1 or kernel.apparmor_restrict_unprivileged_userns=0 where those exist)\n"
	if string(out) != want || err == nil {
		t.Errorf("got %q (%v), want %q and status 1", out, err, want)
	}
}
