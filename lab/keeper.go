//go:build linux

package lab

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// firstShellWait is how long a new keeper waits for its first shell.
const firstShellWait = 30 * time.Second

// RunKeeper is `sockrepl --lab-keeper DIR`, started by Enter in new user,
// mount and network namespaces. It builds the lab, says "ready" on
// stdout, and serves the control socket until the last shell leaves.
func RunKeeper(dir string) int {
	k := &keeper{dir: dir, holders: map[string]*exec.Cmd{}}
	err := k.build()
	if err != nil {
		fmt.Printf("error: %s\n", strings.TrimSpace(err.Error()))
		k.teardown()
		return 1
	}
	sock := filepath.Join(dir, "control")
	os.Remove(sock)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		fmt.Printf("error: %s\n", err)
		k.teardown()
		return 1
	}
	ln.SetUnlinkOnClose(true)
	fmt.Println("ready")
	os.Stdout.Close()
	k.serve(ln)
	k.teardown()
	return 0
}

type keeper struct {
	dir     string
	holders map[string]*exec.Cmd // each host's network namespace, held
	stdins  []io.Closer          // closing one ends its holder

	mu     sync.Mutex
	shells int
}

// build makes the lab: /etc/hosts, the bridge, and one namespace per host
// with its veth, address and loopback.
func (k *keeper) build() error {
	// Mounts made here must stay in this namespace.
	if err := unix.Mount("none", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("mount namespace: %v", err)
	}
	hosts := filepath.Join(k.dir, "hosts")
	if err := os.WriteFile(hosts, []byte(hostsFile()), 0o644); err != nil {
		return err
	}
	if err := unix.Mount(hosts, "/etc/hosts", "", unix.MS_BIND, ""); err != nil {
		return fmt.Errorf("/etc/hosts: %v", err)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	if err := run("ip", "link", "set", "lo", "up"); err != nil {
		return err
	}
	if err := run("ip", "link", "add", "br0", "type", "bridge"); err != nil {
		return err
	}
	if err := run("ip", "link", "set", "br0", "up"); err != nil {
		return err
	}
	for _, h := range Hosts {
		hold := exec.Command(self, "--lab-hold")
		hold.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
		in, err := hold.StdinPipe()
		if err != nil {
			return err
		}
		if err := hold.Start(); err != nil {
			return fmt.Errorf("network namespace for %s: %v", h.Name, err)
		}
		k.holders[h.Name] = hold
		k.stdins = append(k.stdins, in)
		pid := strconv.Itoa(hold.Process.Pid)
		// The switch side of the cable is named for the host: %lab down
		// beta unplugs it.
		steps := [][]string{
			{"ip", "link", "add", h.Name, "type", "veth", "peer", "name", "eth0", "netns", pid},
			{"ip", "link", "set", h.Name, "master", "br0", "up"},
			{"nsenter", "--preserve-credentials", "-t", pid, "-n", "ip", "link", "set", "lo", "up"},
			{"nsenter", "--preserve-credentials", "-t", pid, "-n", "ip", "addr", "add", h.Addr.String() + "/24", "dev", "eth0"},
			{"nsenter", "--preserve-credentials", "-t", pid, "-n", "ip", "link", "set", "eth0", "up"},
		}
		for _, s := range steps {
			if err := run(s[0], s[1:]...); err != nil {
				return err
			}
		}
	}
	return nil
}

// run runs a command, its output becoming the error when it fails.
func run(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// teardown ends the holders: their namespaces go with them.
func (k *keeper) teardown() {
	for _, in := range k.stdins {
		in.Close()
	}
	for _, h := range k.holders {
		h.Wait()
	}
}

// hello is the first line on every connection.
func (k *keeper) hello() string {
	s := "lab " + strconv.Itoa(os.Getpid())
	for _, h := range Hosts {
		s += fmt.Sprintf(" %s=%d", h.Name, k.holders[h.Name].Process.Pid)
	}
	return s + "\n"
}

// serve accepts shells until the last one has gone (or none came).
func (k *keeper) serve(ln *net.UnixListener) {
	empty := make(chan struct{}, 1)
	go func() {
		for {
			c, err := ln.AcceptUnix()
			if err != nil {
				return
			}
			k.mu.Lock()
			k.shells++
			k.mu.Unlock()
			go k.shell(c, empty)
		}
	}()
	select {
	case <-empty:
	case <-time.After(firstShellWait):
		k.mu.Lock()
		n := k.shells
		k.mu.Unlock()
		if n == 0 {
			ln.Close()
			return
		}
		<-empty
	}
	ln.Close()
}

// shell serves one connection: requests, one line each, until it closes.
func (k *keeper) shell(c *net.UnixConn, empty chan<- struct{}) {
	defer func() {
		c.Close()
		k.mu.Lock()
		k.shells--
		last := k.shells == 0
		k.mu.Unlock()
		if last {
			select {
			case empty <- struct{}{}:
			default:
			}
		}
	}()
	if _, err := io.WriteString(c, k.hello()); err != nil {
		return
	}
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		io.WriteString(c, k.request(strings.Fields(line))+"\n")
	}
}

// request carries out one %lab request and answers "ok ...", or "error: "
// and a word the shell puts in the learner's language (nohost NAME,
// nonetem), or the failing command's own output.
func (k *keeper) request(f []string) string {
	if len(f) == 0 {
		return "error: empty request"
	}
	if f[0] == "status" {
		var parts []string
		for _, h := range Hosts {
			state := "up"
			out, err := exec.Command("ip", "-o", "link", "show", h.Name).Output()
			if err != nil || !strings.Contains(string(out), ",UP") {
				state = "down"
			}
			parts = append(parts, h.Name+"="+state)
		}
		return "ok " + strings.Join(parts, " ")
	}
	if len(f) < 2 {
		return "error: which host?"
	}
	if _, ok := HostNamed(f[1]); !ok {
		return "error: nohost " + f[1]
	}
	dev := f[1]
	var err error
	switch {
	case f[0] == "down" && len(f) == 2:
		err = run("ip", "link", "set", dev, "down")
	case f[0] == "up" && len(f) == 2:
		err = run("ip", "link", "set", dev, "up")
	case f[0] == "netem" && len(f) >= 3:
		// Delay and loss on the switch's port toward the host: what the
		// host receives is delayed or lost.
		args := append([]string{"qdisc", "replace", "dev", dev, "root", "netem"}, f[2:]...)
		if len(f) == 3 && f[2] == "off" {
			args = []string{"qdisc", "del", "dev", dev, "root"}
		}
		if err = run("tc", args...); err != nil && strings.Contains(err.Error(), "qdisc kind is unknown") {
			return "error: nonetem"
		}
		if err != nil && len(f) == 3 && f[2] == "off" {
			err = nil // no netem to remove
		}
	default:
		return "error: unknown request"
	}
	if err != nil {
		return "error: " + err.Error()
	}
	return "ok"
}

// Hold is `sockrepl --lab-hold`: it keeps a host's network namespace
// alive until the keeper closes its stdin (or dies).
func Hold() int {
	io.Copy(io.Discard, os.Stdin)
	return 0
}
