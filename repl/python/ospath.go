package python

import (
	"os"
	"path"
	"strings"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"

	"sockrepl/sockets"
)

// os.path: the POSIX path functions servers use to map a request's path
// to a name (join, basename, splitext) and to check what is there
// (exists, isfile, isdir, getsize). Written after CPython's posixpath
// rules: join restarts at an absolute part, split keeps a root of
// slashes, splitext ignores the leading dots of a name.

func newOSPathModule() starlark.Value {
	fn := func(name string, f func(args []string) starlark.Value) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 {
				return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
			}
			if name != "join" && len(args) != 1 {
				return nil, pyErrorf("TypeError", "%s() takes 1 positional argument but %d were given", name, len(args))
			}
			if name == "join" && len(args) == 0 {
				return nil, pyErrorf("TypeError", "join() missing 1 required positional argument: 'a'")
			}
			strs := make([]string, len(args))
			for i, a := range args {
				s, ok := a.(starlark.String)
				if !ok {
					return nil, pyErrorf("TypeError", "expected str, bytes or os.PathLike object, not %s", pyTypeName(a))
				}
				strs[i] = string(s)
			}
			return f(strs), nil
		})
	}
	str := func(s string) starlark.Value { return starlark.String(s) }
	return newModule("os.path", starlark.StringDict{
		"exists":   starlark.NewBuiltin("exists", osPathExists),
		"isfile":   starlark.NewBuiltin("isfile", osPathIs(false)),
		"isdir":    starlark.NewBuiltin("isdir", osPathIs(true)),
		"getsize":  starlark.NewBuiltin("getsize", osPathGetsize),
		"sep":      starlark.String("/"),
		"join":     fn("join", func(a []string) starlark.Value { return str(pathJoin(a)) }),
		"basename": fn("basename", func(a []string) starlark.Value { _, tail := pathSplit(a[0]); return str(tail) }),
		"dirname":  fn("dirname", func(a []string) starlark.Value { head, _ := pathSplit(a[0]); return str(head) }),
		"split": fn("split", func(a []string) starlark.Value {
			head, tail := pathSplit(a[0])
			return starlark.Tuple{str(head), str(tail)}
		}),
		"splitext": fn("splitext", func(a []string) starlark.Value {
			root, ext := pathSplitext(a[0])
			return starlark.Tuple{str(root), str(ext)}
		}),
		"isabs":    fn("isabs", func(a []string) starlark.Value { return starlark.Bool(strings.HasPrefix(a[0], "/")) }),
		"normpath": fn("normpath", func(a []string) starlark.Value { return str(pathNorm(a[0])) }),
		"abspath": fn("abspath", func(a []string) starlark.Value {
			p := a[0]
			if !strings.HasPrefix(p, "/") {
				if wd, err := os.Getwd(); err == nil {
					p = pathJoin([]string{wd, p})
				}
			}
			return str(pathNorm(p))
		}),
	})
}

func pathJoin(parts []string) string {
	p := parts[0]
	for _, b := range parts[1:] {
		switch {
		case strings.HasPrefix(b, "/"):
			p = b
		case p == "" || strings.HasSuffix(p, "/"):
			p += b
		default:
			p += "/" + b
		}
	}
	return p
}

// pathSplit is split(): the head loses its trailing slashes unless it
// is all slashes.
func pathSplit(p string) (string, string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail := p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}

func pathSplitext(p string) (string, string) {
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return p[:dot], p[dot:]
			}
		}
	}
	return p, ""
}

// pathNorm is normpath: Go's Clean, except that POSIX keeps a leading
// "//" (exactly two slashes).
func pathNorm(p string) string {
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		return "/" + path.Clean(p)
	}
	return path.Clean(p)
}

// osPathIs is isfile (dir false) or isdir: False for anything missing.
func osPathIs(dir bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		p, _, err := pathArg("stat", v)
		if err != nil {
			return nil, err
		}
		var st unix.Stat_t
		if unix.Stat(p, &st) != nil {
			return starlark.False, nil
		}
		isDir := st.Mode&unix.S_IFMT == unix.S_IFDIR
		isReg := st.Mode&unix.S_IFMT == unix.S_IFREG
		return starlark.Bool(dir && isDir || !dir && isReg), nil
	}
}

func osPathGetsize(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	p, shown, err := pathArg("stat", v)
	if err != nil {
		return nil, err
	}
	var st unix.Stat_t
	if err := unix.Stat(p, &st); err != nil {
		return nil, sockets.PathError("stat", err, shown)
	}
	return starlark.MakeInt64(st.Size), nil
}
