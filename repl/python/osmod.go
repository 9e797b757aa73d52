package python

import (
	"os"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"

	"sockrepl/sockets"
)

// newOSModule is the sliver of Python's os module that socket programs
// need: removing a Unix socket's file before binding again. Members:
//
//	unlink(path), remove(path)   delete a file (a stale AF_UNIX socket)
//	getpid()                     this shell's process id, as %ss shows it
//	strerror(code)               the message for an error number
//	fork, system, popen, exec*   refused: a second terminal runs another program
//	path.exists(path)            whether a file (or an open fd) exists
//	path.join, split, splitext...  path names, as posixpath (ospath.go)
func newOSModule() pyModule {
	return newModule("os", starlark.StringDict{
		"unlink":   starlark.NewBuiltin("unlink", osUnlink),
		"remove":   starlark.NewBuiltin("remove", osUnlink),
		"getpid":   starlark.NewBuiltin("getpid", osGetpid),
		"strerror": starlark.NewBuiltin("strerror", osStrerror),
		"fork":     starlark.NewBuiltin("fork", refuse(forkAdvice)),
		"forkpty":  starlark.NewBuiltin("forkpty", refuse(forkAdvice)),
		"system":   starlark.NewBuiltin("system", refuse(subprocessAdvice)),
		"popen":    starlark.NewBuiltin("popen", refuse(subprocessAdvice)),
		"execv":    starlark.NewBuiltin("execv", refuse(subprocessAdvice)),
		"execvp":   starlark.NewBuiltin("execvp", refuse(subprocessAdvice)),
		"execl":    starlark.NewBuiltin("execl", refuse(subprocessAdvice)),
		"execlp":   starlark.NewBuiltin("execlp", refuse(subprocessAdvice)),
		"waitpid":  starlark.NewBuiltin("waitpid", refuse(forkAdvice)),
		"path":     newOSPathModule(),
	})
}

// pathArg reads a str or bytes path, as CPython's path converter does.
func pathArg(fn string, v starlark.Value) (string, any, error) {
	switch p := v.(type) {
	case starlark.String:
		return string(p), string(p), nil
	case starlark.Bytes:
		return string(p), []byte(p), nil
	}
	return "", nil, pyErrorf("TypeError", "%s: path should be string, bytes or os.PathLike, not %s", fn, pyTypeName(v))
}

func osUnlink(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if len(args) == 0 && len(kwargs) == 0 {
		return nil, pyErrorf("TypeError", "%s() missing required argument 'path' (pos 1)", b.Name())
	}
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &v); err != nil {
		return nil, err
	}
	path, shown, err := pathArg(b.Name(), v)
	if err != nil {
		return nil, err
	}
	if err := unix.Unlink(path); err != nil {
		return nil, sockets.PathError(b.Name(), err, shown)
	}
	return starlark.None, nil
}

func osGetpid(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(os.Getpid()), nil
}

func osPathExists(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return nil, pyErrorf("TypeError", "exists() missing 1 required positional argument: 'path'")
	}
	var v starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &v); err != nil {
		return nil, err
	}
	var st unix.Stat_t
	if fd, ok := v.(starlark.Int); ok {
		n, ok := fd.Int64()
		return starlark.Bool(ok && n >= 0 && n < 1<<31 && unix.Fstat(int(n), &st) == nil), nil
	}
	path, _, err := pathArg("stat", v)
	if err != nil {
		return starlark.False, nil
	}
	return starlark.Bool(unix.Stat(path, &st) == nil), nil
}
