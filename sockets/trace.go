//go:build linux

package sockets

import (
	"errors"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

func (rt *Runtime) tracing() bool { return rt.tracer.Load() != nil }

// traceStart is the start time of a system call for %trace; without a
// tracer the clock is not read (a read per call showed in the profile).
func (rt *Runtime) traceStart() time.Time {
	if rt.tracing() {
		return time.Now()
	}
	return time.Time{}
}

// emit reports one system call: ret is its return value when err is nil.
func (rt *Runtime) emit(callText string, ret int, err error, start time.Time) {
	rt.emitText(callText, result(ret, err), start)
}

// emitAddr reports a call that returns an address (accept, getsockname).
func (rt *Runtime) emitAddr(callText string, ret int, err error, start time.Time, sa *sockaddr) {
	res := result(ret, err)
	if err == nil {
		res += " " + sa.trace()
	}
	rt.emitText(callText, res, start)
}

func (rt *Runtime) emitText(callText, res string, start time.Time) {
	if t := rt.tracer.Load(); t != nil {
		(*t)(Trace{Call: callText, Result: res, Took: time.Since(start)})
	}
}

// result is the strace-style right-hand side: "3" or
// "-1 ECONNREFUSED (Connection refused)".
func result(ret int, err error) string {
	if err == nil {
		return strconv.Itoa(ret)
	}
	var e unix.Errno
	if errors.As(err, &e) {
		return "-1 " + errnoName(e) + " (" + strerror(e) + ")"
	}
	return "-1 (" + err.Error() + ")"
}

// preview is the start of a buffer for a trace line, like strace's
// 32-character string excerpt.
func preview(p []byte) string {
	const max = 32
	if len(p) <= max {
		return Repr(p)
	}
	return Repr(p[:max]) + "..."
}

// msgFlagsText is "MSG_DONTWAIT|MSG_NOSIGNAL", "0" for none.
func msgFlagsText(flags int) string {
	if flags == 0 {
		return "0"
	}
	out := ""
	for bit := 1; bit != 0 && bit <= flags; bit <<= 1 {
		if flags&bit == 0 {
			continue
		}
		n := EnumName("MsgFlag", bit)
		if n == "" {
			n = "0x" + strconv.FormatInt(int64(bit), 16)
		}
		if out != "" {
			out += "|"
		}
		out += n
	}
	return out
}
