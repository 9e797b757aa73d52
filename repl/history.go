package repl

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"sockrepl/lessons"
)

// History limits. The file is appended to, one entry per statement, and
// rewritten only when it outgrows historyMaxBytes: then the newest entries
// that fit in half of it (and in historyLimit) are kept. An entry longer
// than historyMaxEntry (a pasted megabyte) stays in this session's memory
// only: saving 300 such entries used to make every statement take seconds.
const (
	historyLimit    = 1000
	historyMaxBytes = 1 << 20
	historyMaxEntry = 64 << 10
)

// stateDir is where history and lesson progress live:
// $XDG_STATE_HOME/sockrepl, else ~/.local/state/sockrepl.
func stateDir(override string) string {
	if override != "" {
		return override
	}
	d, err := lessons.DefaultStateDir()
	if err != nil {
		return ""
	}
	return d
}

// history is the list of typed entries kept between runs, one JSON string
// per line so that a multi-line block stays one entry. Two terminals (the
// usual lesson set-up) share the file: each appends its own entries under
// a lock. No fixed temporary name is ever used, and the file itself is
// not followed if it is a symbolic link, so nothing planted in the state
// directory redirects a write.
type history struct {
	path    string
	entries []string
}

func loadHistory(dir string) *history {
	h := &history{}
	if dir == "" {
		return h
	}
	h.path = filepath.Join(dir, "history")
	f, err := openRegular(h.path, os.O_RDONLY)
	if err != nil {
		return h
	}
	defer f.Close()
	h.entries = readHistory(f)
	return h
}

// openRegular opens a state file without following a symbolic link and
// without blocking on a FIFO, and refuses anything but a regular file.
func openRegular(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: path, Err: syscall.EINVAL}
	}
	return f, nil
}

// readHistory reads the newest entries, from at most the last
// historyMaxBytes of the file.
func readHistory(f *os.File) []string {
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	start := max(fi.Size()-historyMaxBytes, 0)
	data, err := io.ReadAll(io.NewSectionReader(f, start, fi.Size()-start))
	if err != nil {
		return nil
	}
	if start > 0 { // the first line is cut: skip it
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	var entries []string
	for _, line := range bytes.Split(data, []byte("\n")) {
		var e string
		if json.Unmarshal(line, &e) == nil && e != "" {
			entries = append(entries, e)
		}
	}
	if len(entries) > historyLimit {
		entries = entries[len(entries)-historyLimit:]
	}
	return entries
}

// add appends an entry to the list and to the file.
func (h *history) add(entry string) {
	entry = strings.TrimRight(entry, "\n")
	if entry == "" || (len(h.entries) > 0 && h.entries[len(h.entries)-1] == entry) {
		return
	}
	h.entries = append(h.entries, entry)
	if len(h.entries) > historyLimit {
		h.entries = h.entries[len(h.entries)-historyLimit:]
	}
	if h.path == "" || len(entry) > historyMaxEntry {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		return
	}
	unlock, err := lockFile(h.path + ".lock")
	if err != nil {
		return
	}
	defer unlock()
	f, err := openRegular(h.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE)
	if err != nil {
		return
	}
	q, _ := json.Marshal(entry)
	_, err = f.Write(append(q, '\n'))
	fi, serr := f.Stat()
	f.Close()
	if err == nil && serr == nil && fi.Size() > historyMaxBytes {
		h.compact()
	}
}

// compact rewrites the file (under the lock) with the newest entries that
// fit in half of historyMaxBytes, through a new temporary file.
func (h *history) compact() {
	f, err := openRegular(h.path, os.O_RDONLY)
	if err != nil {
		return
	}
	entries := readHistory(f)
	f.Close()
	var lines []string
	size := 0
	for i := len(entries) - 1; i >= 0; i-- {
		q, _ := json.Marshal(entries[i])
		if size+len(q)+1 > historyMaxBytes/2 {
			break
		}
		size += len(q) + 1
		lines = append(lines, string(q))
	}
	var b strings.Builder
	for i := len(lines) - 1; i >= 0; i-- {
		b.WriteString(lines[i])
		b.WriteByte('\n')
	}
	writeAtomic(h.path, []byte(b.String()), 0o600)
}

// lockFile takes an exclusive flock on path, created if needed (never
// through a symbolic link). The lock ends when unlock closes it.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
