package repl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// peerGrace is how long a peer may run on after its program has ended
// (a peer normally ends first or at the same moment). When the program
// already differs from python3 the peer is stopped at once: the verdict
// is known and a server peer would only wait for a client that never came.
const peerGrace = 5 * time.Second

// peerCut notes a peer stopped because its program already differs.
const peerCut = "stopped: the program already differs"

// readyWait bounds the wait for a peer started first to listen.
const readyWait = 15 * time.Second

// procResult is what one process printed and how it ended.
type procResult struct {
	stdout, stderr string
	exit           int    // exit status; -1 when a signal ended it
	note           string // why the harness stopped it, or why it never ran
}

// runOutcome is one run of a program, and of its peer when it has one.
type runOutcome struct {
	prog procResult
	peer *procResult // nil when the program has no peer
}

// proc is a started process in its own process group, so that killing it
// kills whatever it started too. Its Wait runs in a goroutine that ends
// when the process does; kill makes sure it does.
type proc struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan struct{}
	note           string
}

func startProc(dir string, argv, env []string, stdin string) (*proc, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = &p.stdout, &p.stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	dieWithTest(cmd.SysProcAttr)
	// A stray child holding the pipes open must not keep Wait from returning.
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// kill ends the process group unless the process has already ended, and
// waits for Wait to return.
func (p *proc) kill(note string) {
	if !p.exited() {
		p.note = note
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	}
	<-p.done
}

// wait gives the process d to end by itself, then kills it.
func (p *proc) wait(d time.Duration, note string) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-p.done:
	case <-timer.C:
		p.kill(note)
	}
}

// result may only be called once the process has ended.
func (p *proc) result() procResult {
	return procResult{stdout: p.stdout.String(), stderr: p.stderr.String(),
		exit: p.cmd.ProcessState.ExitCode(), note: p.note}
}

// pythonEnv and sockreplEnv pin what could make two runs print
// differently: locale, colour, bytecode files and buffering.
func pythonEnv() []string {
	return append(os.Environ(), "LC_ALL=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1",
		"PYTHONUNBUFFERED=1", "PYTHONIOENCODING=utf-8", "PYTHONSTARTUP=", "PYTHONPATH=")
}

func sockreplEnv() []string {
	return append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8", "NO_COLOR=1")
}

// runCorpusProgram runs one program with command (python3 or sockrepl)
// in dir, with its peer arranged as the header says. oracle is python3's
// outcome when this is the sockrepl run. An error means the run could not
// be arranged at all (a port already taken, a peer that never listened).
// Every process is killed and every declared file removed on every path.
func runCorpusProgram(t *testing.T, dir string, spec *programSpec, command []string, oracle *runOutcome) (runOutcome, error) {
	var out runOutcome
	removeFiles(t, spec.files)
	defer removeFiles(t, spec.files)
	var peer *proc
	defer func() {
		if peer != nil {
			peer.kill("killed by the harness")
		}
	}()
	startPeer := func() error {
		var err error
		peer, err = startProc(dir, append([]string{"python3"}, spec.peer...), pythonEnv(), "")
		return err
	}

	if spec.peer != nil {
		if isReady(spec.ready) {
			return out, fmt.Errorf("%s is taken before the run started: another process is using this program's port or path", spec.ready)
		}
		if !spec.peerAfter {
			if err := startPeer(); err != nil {
				return out, err
			}
			if !waitReady(spec.ready, peer.done, readyWait) {
				peer.kill("never got ready")
				r := peer.result()
				return out, fmt.Errorf("peer %s never got ready on %s (exit %d)\n%s%s",
					spec.peer[0], spec.ready, r.exit, r.stdout, r.stderr)
			}
		}
	}

	argv := append(append(append([]string{}, command...), spec.file), spec.args...)
	env := sockreplEnv()
	if command[0] == "python3" {
		env = pythonEnv()
	}
	prog, err := startProc(dir, argv, env, spec.stdin)
	if err != nil {
		return out, err
	}
	defer prog.kill("killed by the harness")
	started := time.Now()
	if spec.peer != nil && spec.peerAfter && waitReady(spec.ready, prog.done, spec.timeout) {
		if err := startPeer(); err != nil {
			return out, err
		}
	}
	prog.wait(spec.timeout-time.Since(started), "killed after "+spec.timeout.String())
	out.prog = prog.result()

	if spec.peer != nil {
		if peer == nil {
			out.peer = &procResult{exit: -1, note: "not started: the program never got ready on " + spec.ready.String()}
			return out, nil
		}
		if oracle != nil && !sameResult(out.prog, oracle.prog) {
			peer.kill(peerCut)
		} else {
			peer.wait(peerGrace, "killed: still running "+peerGrace.String()+" after the program ended")
		}
		r := peer.result()
		out.peer = &r
	}
	return out, nil
}

func removeFiles(t *testing.T, paths []string) {
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("cannot remove %s: %v", p, err)
		}
	}
}

// waitReady polls the kernel's socket tables until r holds, the process
// watched ends (done closes), or d passes.
func waitReady(r readyCond, done <-chan struct{}, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		if isReady(r) {
			return true
		}
		select {
		case <-done:
			return isReady(r)
		case <-time.After(5 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// isReady reads /proc/net, which lists sockets without touching them:
// probing with a connect would use up the one accept() a program makes.
func isReady(r readyCond) bool {
	switch r.kind {
	case "tcp":
		return procNetPort(r.port, "0A", "/proc/net/tcp", "/proc/net/tcp6") // 0A: LISTEN
	case "udp":
		return procNetPort(r.port, "", "/proc/net/udp", "/proc/net/udp6")
	case "unix":
		return unixListening(r.path)
	}
	return false
}

// procNetPort reports whether a socket with local port port (and state
// state, unless empty) is in one of the /proc/net/{tcp,udp}[6] tables.
func procNetPort(port int, state string, files ...string) bool {
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(raw), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 4 {
				continue
			}
			_, hexPort, _ := strings.Cut(f[1], ":")
			p, err := strconv.ParseUint(hexPort, 16, 16)
			if err == nil && int(p) == port && (state == "" || f[3] == state) {
				return true
			}
		}
	}
	return false
}

// unixListening reports whether a Unix stream socket listens at path
// (flag __SO_ACCEPTCON in /proc/net/unix), or a datagram socket is bound there.
func unixListening(path string) bool {
	raw, err := os.ReadFile("/proc/net/unix")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(raw), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 8 || f[7] != path {
			continue
		}
		if f[4] != "0001" || f[3] == "00010000" {
			return true
		}
	}
	return false
}
