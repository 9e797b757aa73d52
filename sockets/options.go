//go:build linux

package sockets

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Setsockopt takes an int or []byte value, as CPython's
// setsockopt(level, optname, value) does.
func (s *Socket) Setsockopt(level, opt int, value any) error {
	s.touch()
	var buf []byte
	shown := ""
	switch v := value.(type) {
	case int, bool:
		n, err := cInt(v)
		if err != nil {
			// CPython tries the int form, then the bytes form, and
			// reports the last one's complaint.
			return TypeError("a bytes-like object is required, not '" + pyTypeName(value) + "'")
		}
		buf = binary.NativeEndian.AppendUint32(nil, uint32(int32(n)))
		shown = "[" + strconv.Itoa(n) + "]"
	case []byte:
		buf = v
		shown = preview(v)
	default:
		return TypeError("a bytes-like object is required, not '" + pyTypeName(value) + "'")
	}
	start := s.rt.traceStart()
	err := sysSetsockopt(s.fd, level, opt, buf)
	if s.rt.tracing() {
		s.rt.emit(fmt.Sprintf("setsockopt(%d, %s, %s, %s, %d)", s.fd, levelName(level), optName(level, opt), shown, len(buf)), 0, err, start)
	}
	if err != nil {
		return sysError("setsockopt", err)
	}
	return nil
}

// Getsockopt returns an int when buflen is 0, else []byte of at most buflen.
func (s *Socket) Getsockopt(level, opt, buflen int) (any, error) {
	if _, err := cInt(buflen); err != nil {
		return nil, err
	}
	if buflen < 0 || buflen > 1024 {
		return nil, OSError("getsockopt buflen out of range")
	}
	size := buflen
	if buflen == 0 {
		size = 4
	}
	buf := make([]byte, size)
	start := s.rt.traceStart()
	n, err := sysGetsockopt(s.fd, level, opt, buf)
	var out any
	if err == nil {
		if buflen == 0 {
			out = int(int32(binary.NativeEndian.Uint32(buf)))
		} else {
			out = buf[:n]
		}
	}
	if s.rt.tracing() {
		shown := "..."
		if err == nil {
			shown = Repr(out)
			if buflen == 0 {
				shown = "[" + shown + "]"
			}
		}
		s.rt.emit(fmt.Sprintf("getsockopt(%d, %s, %s, %s, [%d])", s.fd, levelName(level), optName(level, opt), shown, n), 0, err, start)
	}
	if err != nil {
		return nil, sysError("getsockopt", err)
	}
	return out, nil
}

func levelName(level int) string {
	switch level {
	case 1:
		return "SOL_SOCKET"
	case 0:
		return "SOL_IP"
	case 6:
		return "SOL_TCP"
	case 17:
		return "SOL_UDP"
	case 41:
		return "SOL_IPV6"
	}
	return strconv.Itoa(level)
}

// optName finds the option's name among the constants of its level.
func optName(level, opt int) string {
	prefix := map[int]string{1: "SO_", 0: "IP_", 6: "TCP_", 41: "IPV6_"}[level]
	if prefix != "" {
		for _, c := range constantTable {
			if c.Value == opt && strings.HasPrefix(c.Name, prefix) && !otherFamilyOpt(c.Name) {
				return c.Name
			}
		}
	}
	return strconv.Itoa(opt)
}

// otherFamilyOpt marks SO_ names that belong to CAN and vsock sockets and
// share values with the common SOL_SOCKET options.
func otherFamilyOpt(name string) bool {
	return strings.HasPrefix(name, "SO_J1939") || strings.HasPrefix(name, "SO_VM_")
}
