//go:build linux

package sockets

import (
	"strconv"

	"golang.org/x/sys/unix"
)

// CreateConnection is socket.create_connection(address, timeout, source_address).
// timeout nil means the default (blocking); source nil means none. Each
// address getaddrinfo gives is tried in turn; the last error is raised
// when none connects.
func (rt *Runtime) CreateConnection(address any, timeout *float64, source any) (*Socket, error) {
	host, port, err := unpackPair(address)
	if err != nil {
		return nil, err
	}
	infos, err := Getaddrinfo(host, port, 0, unix.SOCK_STREAM, 0, 0)
	if err != nil {
		return nil, err
	}
	var last error
	for _, info := range infos {
		s, err := rt.Socket(info[0].(int), info[1].(int), info[2].(int))
		if err != nil {
			last = err
			continue
		}
		if timeout != nil {
			err = s.Settimeout(timeout)
		}
		if err == nil && source != nil {
			err = s.Bind(source)
		}
		if err == nil {
			err = s.Connect(info[4])
		}
		if err == nil {
			return s, nil
		}
		s.Close()
		last = err
		if IsInterrupted(err) {
			break
		}
	}
	if last == nil {
		last = OSError("getaddrinfo returns an empty list")
	}
	return nil, last
}

// unpackPair is Python's "host, port = address".
func unpackPair(v any) (any, any, error) {
	var items []any
	switch x := v.(type) {
	case Tuple:
		items = x
	case []any:
		items = x
	case string:
		for _, r := range x {
			items = append(items, string(r))
		}
	case []byte:
		for _, b := range x {
			items = append(items, int(b))
		}
	default:
		return nil, nil, TypeError("cannot unpack non-iterable " + pyTypeName(v) + " object")
	}
	switch {
	case len(items) < 2:
		return nil, nil, ValueError("not enough values to unpack (expected 2, got " + strconv.Itoa(len(items)) + ")")
	case len(items) > 2:
		return nil, nil, ValueError("too many values to unpack (expected 2)")
	}
	return items[0], items[1], nil
}
