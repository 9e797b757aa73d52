//go:build linux

package sockets

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// procRoot is where the kernel's tables are read; tests may move it.
var procRoot = "/proc"

// userHZ is the clock tick /proc/net/tcp counts timers in.
const userHZ = 100

// ListKernel lists TCP, UDP and Unix sockets of every process from
// /proc/net, with the owning process where /proc/PID/fd shows it. It reads
// each table once and walks /proc once, so it stays linear in the number
// of sockets and fds. Nothing is cached between calls.
//
// A table is not read as one snapshot: the kernel hands it out a page at
// a time and finds its place again by hash bucket and position in the
// bucket, so a socket created or closed meanwhile shifts the rows after
// it, and a row can come twice. Rows are kept once (see dedupe).
func ListKernel() ([]KernelSocket, error) {
	var out []KernelSocket
	for _, t := range []struct {
		file, proto string
		udp         bool
	}{{"tcp", "tcp", false}, {"tcp6", "tcp6", false}, {"udp", "udp", true}, {"udp6", "udp6", true}} {
		rows, err := readInetTable(procRoot+"/net/"+t.file, t.proto, t.udp)
		if err != nil && !os.IsNotExist(err) {
			return nil, fileError(procRoot+"/net/"+t.file, err)
		}
		out = append(out, rows...)
	}
	rows, err := readUnixTable(procRoot + "/net/unix")
	if err != nil && !os.IsNotExist(err) {
		return nil, fileError(procRoot+"/net/unix", err)
	}
	out = append(out, rows...)
	out = dedupe(out)
	fillListenBacklogs(out)
	fillOwners(out)
	return out, nil
}

// dedupe keeps the first of rows that are the same socket: the same inode
// in one table, or, for sockets without one (TIME_WAIT), the same state
// and addresses.
func dedupe(rows []KernelSocket) []KernelSocket {
	type key struct {
		proto, state, lhost, rhost string
		lport, rport               int
		inode                      uint64
	}
	seen := make(map[key]bool, len(rows))
	out := rows[:0]
	for _, k := range rows {
		id := key{proto: k.Proto, inode: k.Inode}
		if k.Inode == 0 {
			id = key{k.Proto, k.State, k.LocalHost, k.RemoteHost, k.LocalPort, k.RemotePort, 0}
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, k)
		}
	}
	return out
}

// fileError is CPython's OSError for a file that could not be read:
// "[Errno 24] Too many open files: '/proc/net/tcp'".
func fileError(path string, err error) *Error {
	var e unix.Errno
	if !errors.As(err, &e) {
		return OSError(path + ": unreadable")
	}
	out := sysError("open", e)
	out.Msg += ": " + Repr(path)
	return out
}

// readInetTable parses /proc/net/{tcp,tcp6,udp,udp6}:
//
//	sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
func readInetTable(path, proto string, udp bool) ([]KernelSocket, error) {
	data, err := readProcTable(path)
	if err != nil {
		return nil, err
	}
	// A machine after a benchmark can hold 60,000 TIME_WAIT rows: parse
	// in place, without a string per field, and name each address once.
	names := map[string]string{}
	var out []KernelSocket
	var f [13][]byte
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		n := fields(line, f[:])
		if n < 10 || bytes.Equal(f[0], []byte("sl")) {
			continue
		}
		k := KernelSocket{Proto: proto}
		k.LocalHost, k.LocalPort = parseHexAddr(f[1], names)
		k.RemoteHost, k.RemotePort = parseHexAddr(f[2], names)
		st := hexUint(f[3])
		if udp {
			k.State = "UNCONN"
			if st == 1 {
				k.State = "ESTAB"
			}
		} else {
			k.State = TCPState(st).String()
		}
		if tx, rx, ok := bytes.Cut(f[4], []byte(":")); ok {
			k.SendQ, k.RecvQ = int(hexUint(tx)), int(hexUint(rx))
		}
		if tr, when, ok := bytes.Cut(f[5], []byte(":")); ok && !udp {
			if k.TimerKind = timerKinds[string(tr)]; k.TimerKind != "" {
				k.Timer = time.Duration(hexUint(when)) * time.Second / userHZ
			}
			k.Retransmits = int(hexUint(f[6]))
		}
		k.Inode = decUint(f[9])
		if udp && n >= 13 {
			k.Drops = int(decUint(f[12]))
		}
		out = append(out, k)
	}
	return out, nil
}

// timerKinds names the timer codes of /proc/net/tcp's tr column as ss -o
// names them (net/ipv4/tcp_ipv4.c, get_tcp4_sock).
var timerKinds = map[string]string{"01": "on", "02": "keepalive", "03": "timewait", "04": "persist"}

// fields splits line at spaces into f and returns how many it found.
func fields(line []byte, f [][]byte) int {
	n := 0
	for i := 0; i < len(line) && n < len(f); {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' {
			j++
		}
		if j > i {
			f[n] = line[i:j]
			n++
		}
		i = j
	}
	return n
}

func hexUint(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint64(c-'0')
		case c >= 'A' && c <= 'F':
			v = v<<4 | uint64(c-'A'+10)
		case c >= 'a' && c <= 'f':
			v = v<<4 | uint64(c-'a'+10)
		default:
			return v
		}
	}
	return v
}

func decUint(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + uint64(c-'0')
	}
	return v
}

// parseHexAddr decodes "0100007F:1F90": the address as the kernel's
// 32-bit words in host (little-endian) order, the port in plain hex.
// names caches the text of each address seen.
func parseHexAddr(s []byte, names map[string]string) (string, int) {
	h, p, ok := bytes.Cut(s, []byte(":"))
	if !ok {
		return "", 0
	}
	port := int(hexUint(p))
	if name, ok := names[string(h)]; ok {
		return name, port
	}
	var raw [16]byte
	if len(h) != 8 && len(h) != 32 {
		return "", port
	}
	n := len(h) / 2
	if _, err := hex.Decode(raw[:n], h); err != nil {
		return "", port
	}
	for i := 0; i < n; i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	var name string
	if n == 4 {
		name = netip.AddrFrom4([4]byte(raw[:4])).String()
	} else {
		name = ntop6(raw)
	}
	names[string(h)] = name
	return name, port
}

// readUnixTable parses /proc/net/unix:
//
//	Num RefCount Protocol Flags Type St Inode Path
func readUnixTable(path string) ([]KernelSocket, error) {
	data, err := readProcTable(path)
	if err != nil {
		return nil, err
	}
	var out []KernelSocket
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Scan()
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) < 7 {
			continue
		}
		k := KernelSocket{Proto: "unix"}
		flags, _ := strconv.ParseUint(f[3], 16, 32)
		st, _ := strconv.ParseUint(f[5], 16, 8)
		switch {
		case flags&0x10000 != 0: // __SO_ACCEPTCON
			k.State = "LISTEN"
		case st == 3:
			k.State = "ESTAB"
		case st == 2:
			k.State = "CONNECTING"
		default:
			k.State = "UNCONN"
		}
		k.Inode, _ = strconv.ParseUint(f[6], 10, 64)
		if len(f) >= 8 {
			// The path is the rest of the line; it may hold spaces.
			idx := strings.Index(line, " "+f[6]+" ")
			if idx >= 0 {
				k.Path = line[idx+len(f[6])+2:]
			} else {
				k.Path = f[7]
			}
		}
		out = append(out, k)
	}
	return out, sc.Err()
}

// fillOwners finds each socket's process through the socket:[inode]
// links in /proc/PID/fd. Processes of other users are unreadable without
// root and stay PID 0.
func fillOwners(socks []KernelSocket) {
	want := make(map[uint64][]int, len(socks))
	for i, k := range socks {
		if k.Inode != 0 {
			want[k.Inode] = append(want[k.Inode], i)
		}
	}
	procs, err := os.ReadDir(procRoot)
	if err != nil {
		return
	}
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		dir := procRoot + "/" + p.Name() + "/fd"
		fds, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		comm := ""
		self := pid == os.Getpid()
		for _, fd := range fds {
			ino, ok := fdSocketInode(dir, fd.Name(), self)
			if !ok {
				continue
			}
			idx, ok := want[ino]
			if !ok {
				continue
			}
			if comm == "" {
				b, _ := os.ReadFile(procRoot + "/" + p.Name() + "/comm")
				comm = strings.TrimSpace(string(b))
			}
			for _, i := range idx {
				if socks[i].PID == 0 {
					socks[i].PID, socks[i].Process = pid, comm
				}
			}
		}
	}
}

// fdSocketInode returns the inode of a socket fd listed in dir (a
// /proc/PID/fd directory). Our own fds are fstat'ed directly: a shell
// holding 10,000 sockets would otherwise spend most of %ss in readlink.
func fdSocketInode(dir, name string, self bool) (uint64, bool) {
	if self {
		fd, err := strconv.Atoi(name)
		var st unix.Stat_t
		if err != nil || unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFSOCK {
			return 0, false
		}
		return st.Ino, true
	}
	link, err := os.Readlink(dir + "/" + name)
	if err != nil || !strings.HasPrefix(link, "socket:[") {
		return 0, false
	}
	ino, err := strconv.ParseUint(strings.TrimSuffix(link[len("socket:["):], "]"), 10, 64)
	return ino, err == nil
}

// readProcTable reads a /proc/net table in large reads. Each read of such
// a file walks the kernel's socket hash from the start to find its place,
// so os.ReadFile's small first reads made a 60,000-row table cost
// hundreds of milliseconds where `cat` takes 40.
func readProcTable(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, 1<<20)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, make([]byte, cap(buf))...)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF || (err == nil && n == 0) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
