package lessons

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

// Store keeps progress per lesson and role in DIR/progress.json. Two
// terminals of one lesson share the file, so every change re-reads it
// under a lock and rewrites it atomically. A nil *Store keeps nothing.
type Store struct {
	dir string
}

// progress is the file's content.
type progress struct {
	Version int                                 `json:"version"`
	Lessons map[string]map[string]*roleProgress `json:"lessons"`
}

// roleProgress is one role's place in one lesson.
type roleProgress struct {
	Done  []int `json:"done"`  // numbers of the steps passed
	At    int   `json:"at"`    // number of the current step; 0 when finished
	Total int   `json:"total"` // steps of this role
}

// DefaultStateDir is $XDG_STATE_HOME/sockrepl, or ~/.local/state/sockrepl.
func DefaultStateDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "sockrepl"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "sockrepl"), nil
}

// OpenStore opens the progress store in dir ("" for DefaultStateDir),
// creating the directory (mode 0700) when missing.
func OpenStore(dir string) (*Store, error) {
	if dir == "" {
		d, err := DefaultStateDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Store{dir: dir}, nil
}

// Path is the progress file's path.
func (st *Store) Path() string {
	if st == nil {
		return ""
	}
	return filepath.Join(st.dir, "progress.json")
}

// Done returns how many of a role's steps are passed, and how many it has;
// 0, 0 when nothing is recorded.
func (st *Store) Done(id, role string) (done, total int) {
	rp := st.get(id, role)
	if rp == nil {
		return 0, 0
	}
	return len(rp.Done), rp.Total
}

// all reads every record; empty for a nil store.
func (st *Store) all() *progress {
	if st == nil {
		return &progress{Version: 1, Lessons: map[string]map[string]*roleProgress{}}
	}
	return st.read()
}

// get returns a copy of one role's record, or nil.
func (st *Store) get(id, role string) *roleProgress {
	if st == nil {
		return nil
	}
	p := st.read()
	rp := p.Lessons[id][role]
	if rp == nil {
		return nil
	}
	c := *rp
	c.Done = append([]int(nil), rp.Done...)
	return &c
}

// put replaces one role's record (nil deletes it).
func (st *Store) put(id, role string, rp *roleProgress) error {
	if st == nil {
		return nil
	}
	unlock, err := st.lock()
	if err != nil {
		return err
	}
	defer unlock()
	p := st.read()
	if rp == nil {
		delete(p.Lessons[id], role)
		if len(p.Lessons[id]) == 0 {
			delete(p.Lessons, id)
		}
	} else {
		if p.Lessons[id] == nil {
			p.Lessons[id] = map[string]*roleProgress{}
		}
		c := *rp
		c.Done = append([]int(nil), rp.Done...)
		sort.Ints(c.Done)
		p.Lessons[id][role] = &c
	}
	return st.write(p)
}

// read loads the file; a missing or unreadable file is empty progress,
// so a damaged file never stops a lesson.
func (st *Store) read() *progress {
	p := &progress{}
	if data, err := os.ReadFile(st.Path()); err == nil {
		_ = json.Unmarshal(data, p)
	}
	p.Version = 1
	if p.Lessons == nil {
		p.Lessons = map[string]map[string]*roleProgress{}
	}
	return p
}

// write replaces the file atomically: a temporary file renamed over it.
func (st *Store) write(p *progress) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(st.dir, ".progress-*.json")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, st.Path())
	}
	if err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}

// lock takes an exclusive flock on DIR/progress.lock for a read-modify-write.
func (st *Store) lock() (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(st.dir, "progress.lock"), os.O_RDWR|os.O_CREATE, 0o600)
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
		return nil, &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
	return func() { f.Close() }, nil
}
