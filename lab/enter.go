//go:build linux

package lab

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// controlFD is where a shell finds its control connection: high, so the
// learner's first socket is still fd 3.
const controlFD = 100

// EnvFD names the environment variable that tells a shell its control fd.
const EnvFD = "SOCKREPL_LAB_FD"

// Error is a lab failure told in one sentence for the learner.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Enter joins host of the lab, starting the lab first when none runs, and
// then runs this program again inside it as `self --lab-in HOST args...`.
// It returns only on failure.
func Enter(host string, args []string) error {
	if _, ok := HostNamed(host); !ok {
		return &Error{fmt.Sprintf("the lab has no host %q: its hosts are alpha, beta and gamma", host)}
	}
	nsenter, err := exec.LookPath("nsenter")
	if err != nil {
		return &Error{"the lab needs the nsenter command (util-linux) and ip (iproute2)"}
	}
	if _, err := exec.LookPath("ip"); err != nil {
		return &Error{"the lab needs the nsenter command (util-linux) and ip (iproute2)"}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := stateDir()
	if err != nil {
		return err
	}
	conn, hello, err := joinOrStart(dir, self)
	if err != nil {
		return err
	}
	f, err := conn.File() // a blocking duplicate, to pass on through exec
	conn.Close()
	if err != nil {
		return err
	}
	if err := unix.Dup3(int(f.Fd()), controlFD, 0); err != nil {
		return err
	}
	f.Close()
	keeper, nets := hello.keeper, hello.nets
	argv := []string{"nsenter", "--preserve-credentials",
		"--user=/proc/" + strconv.Itoa(keeper) + "/ns/user",
		"--mount=/proc/" + strconv.Itoa(keeper) + "/ns/mnt",
		"--net=/proc/" + strconv.Itoa(nets[host]) + "/ns/net",
		"--", self, "--lab-in", host}
	argv = append(argv, args...)
	env := append(os.Environ(), EnvFD+"="+strconv.Itoa(controlFD))
	err = syscall.Exec(nsenter, argv, env)
	unix.Close(controlFD)
	return err
}

// stateDir is where the keeper's control socket lives: private to the user.
func stateDir() (string, error) {
	base := os.Getenv("XDG_RUNTIME_DIR")
	if base == "" {
		base = os.TempDir()
	}
	dir := filepath.Join(base, fmt.Sprintf("sockrepl-lab-%d", os.Getuid()))
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", err
	}
	var st unix.Stat_t
	if err := unix.Lstat(dir, &st); err != nil {
		return "", err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFDIR || int(st.Uid) != os.Getuid() || st.Mode&0o077 != 0 {
		return "", &Error{dir + " is not a private directory of yours: remove it and try again"}
	}
	return dir, nil
}

// hello is what the keeper says first on a connection: its pid and the
// holder of each host's network namespace.
type helloMsg struct {
	keeper int
	nets   map[string]int
}

func parseHello(line string) (helloMsg, bool) {
	h := helloMsg{nets: map[string]int{}}
	f := strings.Fields(line)
	if len(f) < 2 || f[0] != "lab" {
		return h, false
	}
	var err error
	if h.keeper, err = strconv.Atoi(f[1]); err != nil {
		return h, false
	}
	for _, kv := range f[2:] {
		name, pid, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil {
			return h, false
		}
		h.nets[name] = n
	}
	return h, len(h.nets) == len(Hosts)
}

// joinOrStart connects to the running keeper, or starts one. A lock file
// keeps two terminals from starting two labs at once.
func joinOrStart(dir, self string) (*net.UnixConn, helloMsg, error) {
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, helloMsg{}, err
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		return nil, helloMsg{}, err
	}
	sock := filepath.Join(dir, "control")
	if c, h, err := dial(sock); err == nil {
		return c, h, nil
	}
	if err := startKeeper(dir, self); err != nil {
		return nil, helloMsg{}, err
	}
	return dial(sock)
}

func dial(sock string) (*net.UnixConn, helloMsg, error) {
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		return nil, helloMsg{}, err
	}
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	line, err := readLine(c)
	c.SetReadDeadline(time.Time{})
	h, ok := parseHello(line)
	if err != nil || !ok {
		c.Close()
		return nil, helloMsg{}, &Error{"the lab's keeper did not answer: " + strings.TrimSpace(line)}
	}
	return c, h, nil
}

// readLine reads one line a byte at a time, so nothing after it is
// buffered away from the fd that goes on to the shell.
func readLine(c net.Conn) (string, error) {
	var b strings.Builder
	one := make([]byte, 1)
	for b.Len() < 4096 {
		if _, err := c.Read(one); err != nil {
			return b.String(), err
		}
		if one[0] == '\n' {
			return b.String(), nil
		}
		b.WriteByte(one[0])
	}
	return b.String(), errors.New("line too long")
}

// startKeeper runs `self --lab-keeper DIR` in new user, mount and network
// namespaces, its own session (a closed terminal must not end the lab),
// and waits until it says ready.
func startKeeper(dir, self string) error {
	logf, err := os.OpenFile(filepath.Join(dir, "keeper.log"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(self, "--lab-keeper", dir)
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS | syscall.CLONE_NEWNET,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
		Setsid:      true,
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) || errors.Is(err, unix.ENOSPC) || errors.Is(err, unix.EINVAL) {
			return &Error{"this kernel does not let users make their own network namespaces, so the lab cannot run here (it needs user.max_user_namespaces > 0, and kernel.unprivileged_userns_clone=1 or kernel.apparmor_restrict_unprivileged_userns=0 where those exist)"}
		}
		return err
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	out.Close()
	go cmd.Wait() // the keeper lives on after us; reap it if it ends first
	if strings.TrimSpace(line) != "ready" {
		msg := strings.TrimSpace(strings.TrimPrefix(line, "error: "))
		if msg == "" {
			msg = "it ended at once (see " + filepath.Join(dir, "keeper.log") + ")"
		}
		return &Error{"the lab could not start: " + msg}
	}
	return nil
}
