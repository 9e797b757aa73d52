package repl

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"sockrepl/repl/python"
)

// cmdSave: %save FILE writes the statements that ran without an exception
// as a script python3 runs, printing what the session showed (savescript.go). An existing file is replaced only with
// %save -f FILE, and never in place: the script goes to a new temporary
// file in the same directory, renamed over the old one once complete, so
// a full disk leaves the old file whole. Only regular files are written
// (a FIFO would hang the shell).
func (s *Session) cmdSave(args []string) error {
	force := len(args) > 0 && args[0] == "-f"
	if force {
		args = args[1:]
	}
	if len(args) != 1 {
		return s.usage("usage: %%save [-f] FILE.py")
	}
	name := args[0]
	target, mode := name, fs.FileMode(0o666)&^umask()
	switch fi, err := os.Stat(name); {
	case err == nil && fi.IsDir():
		return s.usage("cannot write %s: %v", name, python.OSErrorText(syscall.EISDIR))
	case err == nil && !fi.Mode().IsRegular():
		return s.usage("cannot write %s: %v", name, tr(s.lang, "not a regular file"))
	case err == nil && !force:
		return s.usage("%s exists: %%save -f %s replaces it", name, name)
	case err == nil:
		mode = fi.Mode().Perm()
		// Through a symbolic link: replace the file it names, keep the link.
		if real, err := filepath.EvalSymlinks(name); err == nil {
			target = real
		}
	case !errors.Is(err, fs.ErrNotExist):
		return s.usage("cannot write %s: %v", name, python.OSErrorText(err))
	}
	if err := writeAtomic(target, []byte(script(s.saved)), mode); err != nil {
		return s.usage("cannot write %s: %v", name, python.OSErrorText(err))
	}
	s.out.plain(tr(s.lang, "saved %d statements to %s", len(s.saved), name))
	return nil
}

// writeAtomic writes data to a new file (O_EXCL) next to target and
// renames it over target once it is complete and synced.
func writeAtomic(target string, data []byte, mode fs.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// umask is the process's file creation mask, read once at first use.
var umask = sync.OnceValue(func() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
})
