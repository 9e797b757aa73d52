package repl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// historyLimit bounds the history file: older entries are dropped.
const historyLimit = 1000

// stateDir is where history and lesson progress live:
// $XDG_STATE_HOME/sockrepl, else ~/.local/state/sockrepl.
func stateDir(override string) string {
	if override != "" {
		return override
	}
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "sockrepl")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".local", "state", "sockrepl")
}

// history is the list of typed entries kept between runs, one JSON string
// per line so that a multi-line block stays one entry.
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
	data, err := os.ReadFile(h.path)
	if err != nil {
		return h
	}
	for _, line := range strings.Split(string(data), "\n") {
		var e string
		if json.Unmarshal([]byte(line), &e) == nil && e != "" {
			h.entries = append(h.entries, e)
		}
	}
	if len(h.entries) > historyLimit {
		h.entries = h.entries[len(h.entries)-historyLimit:]
	}
	return h
}

// add appends an entry and rewrites the file, private to the user.
func (h *history) add(entry string) {
	entry = strings.TrimRight(entry, "\n")
	if entry == "" || (len(h.entries) > 0 && h.entries[len(h.entries)-1] == entry) {
		return
	}
	h.entries = append(h.entries, entry)
	if len(h.entries) > historyLimit {
		h.entries = h.entries[len(h.entries)-historyLimit:]
	}
	if h.path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		return
	}
	var b strings.Builder
	for _, e := range h.entries {
		q, _ := json.Marshal(e)
		b.Write(q)
		b.WriteByte('\n')
	}
	tmp := h.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err == nil {
		os.Rename(tmp, h.path)
	}
}
