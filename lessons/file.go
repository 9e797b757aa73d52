package lessons

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// MaxFileSize bounds a teacher's lesson file: the longest shipped lesson
// is a few kilobytes.
const MaxFileSize = 1 << 20

// ReadFile reads a teacher's lesson file for Parse. It accepts a regular
// file of at most MaxFileSize bytes and nothing else: /dev/zero would be
// read until memory ran out, and a FIFO would hang the shell at open.
// Errors are a syscall.Errno from the system, or a sentence.
func ReadFile(name string) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if fi.IsDir() {
		return nil, syscall.EISDIR
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("larger than %d KiB, too big for a lesson file", MaxFileSize>>10)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d KiB, too big for a lesson file", MaxFileSize>>10)
	}
	return data, nil
}

// unwrapPath drops the operation and path Go adds: the caller names the
// file itself.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
