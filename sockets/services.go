//go:build linux

package sockets

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// The services and protocols databases, read from their files as glibc's
// "files" source reads them: the first line that matches wins, names are
// case-sensitive, and aliases count as names.

var protocolsPath = "/etc/protocols"

// dbLine is one entry of /etc/services or /etc/protocols: its names (the
// official one first) and its number field ("80/tcp", "6").
type dbLine struct {
	names []string
	num   string
}

// scanDB calls fn for each entry of path until fn returns true.
func scanDB(path string, fn func(dbLine) bool) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		if fn(dbLine{names: append([]string{fields[0]}, fields[2:]...), num: fields[1]}) {
			return
		}
	}
}

// Getservbyname is socket.getservbyname(name[, proto]): the port of a
// service; proto "" matches any protocol.
func Getservbyname(name, proto string) (int, error) {
	port := -1
	scanDB(servicesPath, func(l dbLine) bool {
		p, pr, ok := strings.Cut(l.num, "/")
		if !ok || (proto != "" && pr != proto) {
			return false
		}
		for _, n := range l.names {
			if n == name {
				if v, err := strconv.Atoi(p); err == nil {
					port = v
					return true
				}
			}
		}
		return false
	})
	if port < 0 {
		return 0, OSError("service/proto not found")
	}
	return port, nil
}

// Getservbyport is socket.getservbyport(port[, proto]): the official
// name of the service on port; proto "" matches any protocol.
func Getservbyport(port int, proto string) (string, error) {
	if port < 0 || port > 0xffff {
		return "", OverflowError("getservbyport: port must be 0-65535.")
	}
	name := ""
	scanDB(servicesPath, func(l dbLine) bool {
		p, pr, ok := strings.Cut(l.num, "/")
		if !ok || (proto != "" && pr != proto) {
			return false
		}
		if v, err := strconv.Atoi(p); err == nil && v == port {
			name = l.names[0]
			return true
		}
		return false
	})
	if name == "" {
		return "", OSError("port/proto not found")
	}
	return name, nil
}

// Getprotobyname is socket.getprotobyname(name): the protocol number.
func Getprotobyname(name string) (int, error) {
	num := -1
	scanDB(protocolsPath, func(l dbLine) bool {
		for _, n := range l.names {
			if n == name {
				if v, err := strconv.Atoi(l.num); err == nil {
					num = v
					return true
				}
			}
		}
		return false
	})
	if num < 0 {
		return 0, OSError("protocol not found")
	}
	return num, nil
}
