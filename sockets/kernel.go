//go:build linux

package sockets

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
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
	fillListenBacklogs(out)
	fillOwners(out)
	return out, nil
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
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []KernelSocket
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Scan() // header
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 10 {
			continue
		}
		k := KernelSocket{Proto: proto}
		k.LocalHost, k.LocalPort = parseHexAddr(f[1])
		k.RemoteHost, k.RemotePort = parseHexAddr(f[2])
		st, _ := strconv.ParseUint(f[3], 16, 8)
		if udp {
			k.State = "UNCONN"
			if st == 1 {
				k.State = "ESTAB"
			}
		} else {
			k.State = tcpStateName(int(st))
		}
		tx, rx, _ := strings.Cut(f[4], ":")
		sq, _ := strconv.ParseUint(tx, 16, 32)
		rq, _ := strconv.ParseUint(rx, 16, 32)
		k.SendQ, k.RecvQ = int(sq), int(rq)
		if tr, when, ok := strings.Cut(f[5], ":"); ok && tr == "03" {
			ticks, _ := strconv.ParseUint(when, 16, 64)
			k.Timer = time.Duration(ticks) * time.Second / userHZ
		}
		k.Inode, _ = strconv.ParseUint(f[9], 10, 64)
		out = append(out, k)
	}
	return out, sc.Err()
}

// parseHexAddr decodes "0100007F:1F90": the address as the kernel's
// 32-bit words in host (little-endian) order, the port in plain hex.
func parseHexAddr(s string) (string, int) {
	h, p, ok := strings.Cut(s, ":")
	if !ok {
		return "", 0
	}
	port, _ := strconv.ParseUint(p, 16, 16)
	raw, err := hex.DecodeString(h)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return "", int(port)
	}
	for i := 0; i < len(raw); i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	if len(raw) == 4 {
		return netip.AddrFrom4([4]byte(raw)).String(), int(port)
	}
	return ntop6([16]byte(raw)), int(port)
}

// readUnixTable parses /proc/net/unix:
//
//	Num RefCount Protocol Flags Type St Inode Path
func readUnixTable(path string) ([]KernelSocket, error) {
	data, err := os.ReadFile(path)
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
