package python

import (
	"fmt"
	"sort"

	"go.starlark.net/starlark"
)

// threading.local: an object whose attributes each thread sees its own
// of (a per-thread connection or buffer in a threaded server).

type threadLocal struct {
	in   *Interp
	vals map[*pyThread]map[string]starlark.Value
}

var (
	_ starlark.HasAttrs    = (*threadLocal)(nil)
	_ starlark.HasSetField = (*threadLocal)(nil)
)

func newThreadLocal(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "Initialization arguments are not supported")
	}
	return &threadLocal{in: interpOf(thread), vals: map[*pyThread]map[string]starlark.Value{}}, nil
}

// mine is the running thread's attributes.
func (l *threadLocal) mine() map[string]starlark.Value {
	var t *pyThread
	if l.in != nil {
		t = l.in.currentPy()
	}
	m := l.vals[t]
	if m == nil {
		m = map[string]starlark.Value{}
		l.vals[t] = m
	}
	return m
}

func (l *threadLocal) String() string {
	return fmt.Sprintf("<_thread._local object at %s>", hexAddr(l))
}
func (l *threadLocal) Type() string          { return "_thread._local" }
func (l *threadLocal) Freeze()               {}
func (l *threadLocal) Truth() starlark.Bool  { return true }
func (l *threadLocal) Hash() (uint32, error) { return uint32(addressOf(l)), nil }

func (l *threadLocal) Attr(name string) (starlark.Value, error) {
	if name == "__dict__" {
		d := starlark.NewDict(0)
		for _, k := range l.AttrNames() {
			d.SetKey(starlark.String(k), l.mine()[k])
		}
		return d, nil
	}
	if v, ok := l.mine()[name]; ok {
		return v, nil
	}
	return nil, pyErrorf("AttributeError", "'_thread._local' object has no attribute '%s'", name)
}

func (l *threadLocal) AttrNames() []string {
	var out []string
	for k := range l.mine() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (l *threadLocal) SetField(name string, v starlark.Value) error {
	l.mine()[name] = v
	return nil
}

// delAttr is del local.name.
func (l *threadLocal) delAttr(name string) error {
	m := l.mine()
	if _, ok := m[name]; !ok {
		return pyErrorf("AttributeError", "'_thread._local' object has no attribute '%s'", name)
	}
	delete(m, name)
	return nil
}
