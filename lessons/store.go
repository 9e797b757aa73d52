package lessons

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
)

// Store keeps progress per lesson and role in DIR/progress.json. Two
// terminals of one lesson share the file, so every read and change holds
// a lock, and a change rewrites the file atomically. A file that is not
// valid JSON is kept aside as progress.json.bad (and said so, once); a
// file that cannot be read is never overwritten. A nil *Store keeps
// nothing.
type Store struct {
	dir string

	mu       sync.Mutex
	damaged  string // the .bad file's path, until Notices reports it
	saveErr  error  // the last failed save, until Notices reports it
	reported string // the failed save last reported, so it is said once
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
	// Pid is the process running a demo in this role (demo_store.go): a
	// record left by a process that is gone is ignored.
	Pid int `json:"pid,omitempty"`
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

// all reads every record; empty for a nil store or an unreadable file.
func (st *Store) all() *progress {
	if st == nil {
		return emptyProgress()
	}
	p, err := st.load()
	if err != nil {
		return emptyProgress()
	}
	return p
}

// get returns a copy of one role's record, or nil.
func (st *Store) get(id, role string) *roleProgress {
	if st == nil {
		return nil
	}
	p := st.all()
	rp := p.Lessons[id][role]
	if rp == nil {
		return nil
	}
	c := *rp
	c.Done = append([]int(nil), rp.Done...)
	return &c
}

// put replaces one role's record (nil deletes it). A failure is also kept
// for Notices.
func (st *Store) put(id, role string, rp *roleProgress) (err error) {
	if st == nil {
		return nil
	}
	defer func() {
		st.mu.Lock()
		st.saveErr = err
		if err == nil {
			st.reported = ""
		}
		st.mu.Unlock()
	}()
	unlock, err := st.lock()
	if err != nil {
		return err
	}
	defer unlock()
	p, err := st.read()
	if err != nil {
		return err // never overwrite progress that could not be read
	}
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

func emptyProgress() *progress {
	return &progress{Version: 1, Lessons: map[string]map[string]*roleProgress{}}
}

// load reads the file under the lock; without a lock (a read-only state
// directory) it reads anyway but moves nothing aside.
func (st *Store) load() (*progress, error) {
	unlock, err := st.lock()
	if err != nil {
		p, err := st.parse()
		if errors.Is(err, errDamaged) {
			return emptyProgress(), nil
		}
		return p, err
	}
	defer unlock()
	return st.read()
}

// errDamaged marks a progress file that is not valid JSON.
var errDamaged = errors.New("not valid JSON")

// maxProgressSize bounds the file read: ours stays far smaller.
const maxProgressSize = 4 << 20

// parse reads and decodes the file. A missing file is empty progress.
func (st *Store) parse() (*progress, error) {
	f, err := os.OpenFile(st.Path(), os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return emptyProgress(), nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: st.Path(), Err: errors.New("not a regular file")}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxProgressSize+1))
	if err != nil {
		return nil, err
	}
	p := &progress{}
	if len(data) > maxProgressSize || json.Unmarshal(data, p) != nil {
		return nil, errDamaged
	}
	p.Version = 1
	if p.Lessons == nil {
		p.Lessons = map[string]map[string]*roleProgress{}
	}
	return p, nil
}

// read is parse under the lock: a damaged file is renamed to
// progress.json.bad, to be reported once, and progress starts empty.
func (st *Store) read() (*progress, error) {
	p, err := st.parse()
	if !errors.Is(err, errDamaged) {
		return p, err
	}
	bad := st.Path() + ".bad"
	if err := os.Rename(st.Path(), bad); err != nil {
		return nil, err
	}
	st.mu.Lock()
	st.damaged = bad
	st.mu.Unlock()
	return emptyProgress(), nil
}

// Notices says, in lang, what went wrong with the file since the last
// call: a damaged file kept aside, a save that failed. Each is said once;
// a save failing again for the same reason is not repeated.
func (st *Store) Notices(lang string) []string {
	if st == nil {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []string
	if st.damaged != "" {
		out = append(out, tr(lang, "Lesson progress in %s was damaged and is kept aside as %s; progress starts afresh.", st.Path(), st.damaged))
		st.damaged = ""
	}
	if st.saveErr != nil && st.saveErr.Error() != st.reported {
		st.reported = st.saveErr.Error()
		out = append(out, tr(lang, "Lesson progress is not being saved: %s", fileErrorText(st.saveErr)))
	}
	return out
}

// UnsavedNotice is what the shell says, in lang, when the progress store
// cannot even be opened (OpenStore's error): nothing will be saved.
func UnsavedNotice(lang string, err error) string {
	return tr(lang, "Lesson progress is not being saved: %s", fileErrorText(err))
}

// fileErrorText is an error about a file as a learner reads it: the path
// and the system's words, without Go's "open"/"rename" prefixes.
func fileErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path + ": " + pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.New + ": " + le.Err.Error()
	}
	return err.Error()
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
	f, err := os.OpenFile(filepath.Join(st.dir, "progress.lock"), os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
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
