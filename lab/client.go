//go:build linux

package lab

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// Client is a shell's side of the control connection to its lab.
type Client struct {
	Host string // the host this shell is
	mu   sync.Mutex
	f    *os.File
	r    *bufio.Reader
}

// Inside returns the lab this process was started in by Enter (as
// `--lab-in HOST`), or nil. It takes the control fd from the environment
// and hides it from programs the shell may start.
func Inside(host string) *Client {
	v := os.Getenv(EnvFD)
	os.Unsetenv(EnvFD)
	fd, err := strconv.Atoi(v)
	if err != nil || fd < 3 {
		return nil
	}
	unix.CloseOnExec(fd)
	f := os.NewFile(uintptr(fd), "lab-control")
	return &Client{Host: host, f: f, r: bufio.NewReader(f)}
}

// Do sends one request ("down beta", "status") and returns the answer
// after "ok", or an *Error with the keeper's sentence.
func (c *Client) Do(req string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.f.WriteString(req + "\n"); err != nil {
		return "", &Error{"the lab's keeper is gone"}
	}
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", &Error{"the lab's keeper is gone"}
	}
	line = strings.TrimSpace(line)
	if msg, ok := strings.CutPrefix(line, "error: "); ok {
		return "", &Error{msg}
	}
	return strings.TrimSpace(strings.TrimPrefix(line, "ok")), nil
}

// Close leaves the lab: the last shell to leave ends it.
func (c *Client) Close() error { return c.f.Close() }
