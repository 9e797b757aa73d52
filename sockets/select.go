//go:build linux

package sockets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// outOfTimeRange is CPython's check that a time in seconds fits its
// int64 count of nanoseconds. It comes before any check of the sign, so
// -inf is an OverflowError, not a negative timeout.
func outOfTimeRange(t float64) bool {
	ns := t * 1e9
	return !(ns >= -0x1p63 && ns < 0x1p63)
}

// fdSetSize is FD_SETSIZE: select() cannot watch fds at or above it.
const fdSetSize = 1024

// Select is select.select on fds; timeout nil blocks until ready.
// Interruptible and observed like every other wait. It is done with poll,
// mapping readiness the way the kernel's select does: readable on data,
// hang-up or error; writable on space or error; exceptional on urgent data.
func (rt *Runtime) Select(r, w, x []int, timeout *float64) (rr, wr, xr []int, err error) {
	var deadline time.Time
	if timeout != nil {
		switch t := *timeout; {
		case math.IsNaN(t):
			return nil, nil, nil, ValueError("Invalid value NaN (not a number)")
		case outOfTimeRange(t):
			return nil, nil, nil, OverflowError("timestamp out of range for platform time_t")
		case t < 0:
			return nil, nil, nil, ValueError("timeout must be non-negative")
		default:
			deadline = time.Now().Add(time.Duration(t * float64(time.Second)))
		}
	}
	index := map[int]int{} // fd -> position in pfds
	var pfds []unix.PollFd
	for _, set := range []struct {
		fds []int
		ev  int16
	}{{r, unix.POLLIN}, {w, unix.POLLOUT}, {x, unix.POLLPRI}} {
		for _, fd := range set.fds {
			if fd > math.MaxInt32 || fd < math.MinInt32 {
				return nil, nil, nil, OverflowError("Python int too large to convert to C int")
			}
			if fd < 0 {
				return nil, nil, nil, ValueError("file descriptor cannot be a negative integer (" + strconv.Itoa(fd) + ")")
			}
			if fd >= fdSetSize {
				return nil, nil, nil, ValueError("filedescriptor out of range in select()")
			}
			i, ok := index[fd]
			if !ok {
				i = len(pfds)
				index[fd] = i
				pfds = append(pfds, unix.PollFd{Fd: int32(fd)})
			}
			pfds[i].Events |= set.ev
		}
	}
	if rt.isClosed() {
		return nil, nil, nil, errClosedRuntime("select")
	}
	c := rt.begin("select", nil)
	defer c.end(&err)
	var text string
	if c.traceOn() {
		text = selectText(r, w, x, timeout)
		c.blockedIn(text)
		defer func() {
			switch {
			case err != nil:
			case len(rr)+len(wr)+len(xr) == 0:
				c.prog(text, "0 (Timeout)")
			default:
				c.prog(text, selectResult(rr, wr, xr))
			}
		}()
	}
	const (
		inSet  = unix.POLLIN | unix.POLLHUP | unix.POLLERR | unix.POLLRDHUP
		outSet = unix.POLLOUT | unix.POLLERR
		exSet  = unix.POLLPRI
	)
	for {
		if _, err := c.wait(pfds, deadline, WaitSelect); err != nil {
			if err == errWaitTimeout {
				return []int{}, []int{}, []int{}, nil
			}
			return nil, nil, nil, err
		}
		rr, wr, xr = []int{}, []int{}, []int{}
		found := false
		for _, p := range pfds {
			if p.Revents&unix.POLLNVAL != 0 {
				return nil, nil, nil, sysError("select", unix.EBADF)
			}
		}
		pick := func(fds []int, mask int16, want int16) []int {
			out := []int{}
			for _, fd := range fds {
				p := pfds[index[fd]]
				if p.Events&want != 0 && p.Revents&mask != 0 {
					out = append(out, fd)
					found = true
				}
			}
			return out
		}
		rr = pick(r, inSet, unix.POLLIN)
		wr = pick(w, outSet, unix.POLLOUT)
		xr = pick(x, exSet, unix.POLLPRI)
		if found {
			return rr, wr, xr, nil
		}
		// Only conditions select ignores (a hang-up on an fd watched for
		// urgent data): stop polling that fd rather than spin on it.
		for i := range pfds {
			if pfds[i].Revents != 0 {
				pfds[i].Fd = -1
			}
		}
	}
}

// Sleep is time.sleep(seconds): interruptible, observed (WaitSleep).
func (rt *Runtime) Sleep(seconds float64) (err error) {
	switch {
	case math.IsNaN(seconds):
		return ValueError("Invalid value NaN (not a number)")
	case outOfTimeRange(seconds):
		return OverflowError("timestamp out of range for platform time_t")
	case seconds < 0:
		return ValueError("sleep length must be non-negative")
	}
	if rt.isClosed() {
		return errClosedRuntime("sleep")
	}
	c := rt.begin("sleep", nil)
	defer c.end(&err)
	_, err = c.wait(nil, time.Now().Add(time.Duration(seconds*float64(time.Second))), WaitSleep)
	if err == errWaitTimeout {
		return nil
	}
	return err
}

// selectText is the select(2) CPython makes for select.select, in
// strace's form: select(6, [3 5], [4], NULL, {tv_sec=0, tv_usec=100000}).
func selectText(r, w, x []int, timeout *float64) string {
	nfds := 0
	set := func(fds []int) string {
		if len(fds) == 0 {
			return "NULL"
		}
		parts := make([]string, len(fds))
		for i, fd := range fds {
			parts[i] = strconv.Itoa(fd)
			nfds = max(nfds, fd+1)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	rs, ws, xs := set(r), set(w), set(x)
	tv := "NULL"
	if timeout != nil {
		us := int64(math.Round(*timeout * 1e6))
		tv = fmt.Sprintf("{tv_sec=%d, tv_usec=%d}", us/1e6, us%1e6)
	}
	return fmt.Sprintf("select(%d, %s, %s, %s, %s)", nfds, rs, ws, xs, tv)
}

// selectResult is "2 (in [5], out [4])".
func selectResult(r, w, x []int) string {
	var parts []string
	for _, set := range []struct {
		name string
		fds  []int
	}{{"in", r}, {"out", w}, {"except", x}} {
		if len(set.fds) == 0 {
			continue
		}
		fds := make([]string, len(set.fds))
		for i, fd := range set.fds {
			fds[i] = strconv.Itoa(fd)
		}
		parts = append(parts, set.name+" ["+strings.Join(fds, " ")+"]")
	}
	return fmt.Sprintf("%d (%s)", len(r)+len(w)+len(x), strings.Join(parts, ", "))
}
