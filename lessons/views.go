package lessons

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// Lesson files are untrusted input: a teacher loads one with %lesson load,
// and its checks run after every statement the learner types. So a check
// never touches a learner's value. Everything it can reach (g, last.value,
// and whatever lies inside them, to any depth) goes through viewer.view
// first, which answers with one of:
//
//   - the value itself, when it is immutable and plain: None, bool, int,
//     float, str, bytes;
//   - a frozen copy, for tuples, lists, dicts and sets, whose elements are
//     views in turn (a bytearray becomes bytes, an enum constant its int);
//   - a socket view: the socket's state as fields, no methods;
//   - a module view: its constants, with its functions made opaque;
//   - an opaque value for everything else (functions, builtins, bound
//     methods, classes, values of types added later): it keeps its type
//     name and repr, has no attributes, and refuses to be called.
//
// Nothing a view holds leads back to a learner's value, so no route
// (getattr, a socket inside a tuple or dict, a bound method stored in a
// variable, os.unlink) can change state; checks need no list of method
// names to forbid.

// lookOnly is the sentence every refusal ends with.
const lookOnly = "a check may only look, never change state"

// viewer turns a snapshot's values into views, copying each list, dict
// and set once, so shared and self-containing values stay so.
type viewer struct {
	names map[*sockets.Socket]string // the global that holds each socket
	seen  map[starlark.Value]starlark.Value
}

func newViewer(globals starlark.StringDict) *viewer {
	w := &viewer{names: map[*sockets.Socket]string{}, seen: map[starlark.Value]starlark.Value{}}
	for _, k := range sortedNames(globals) {
		switch v := globals[k].(type) {
		case starlark.Tuple: // conn, addr = s.accept() leaves them in a tuple
			for i, el := range v {
				if sk, ok := python.SocketOf(el); ok {
					w.name(sk, fmt.Sprintf("%s[%d]", k, i))
				}
			}
		default:
			if sk, ok := python.SocketOf(v); ok {
				w.name(sk, k)
			}
		}
	}
	return w
}

// name keeps the first name found for sk: names are visited sorted, and a
// plain name wins over an index into a tuple.
func (w *viewer) name(sk *sockets.Socket, n string) {
	if old, ok := w.names[sk]; !ok || strings.Contains(old, "[") && !strings.Contains(n, "[") {
		w.names[sk] = n
	}
}

// view is what a check sees of v.
func (w *viewer) view(v starlark.Value) starlark.Value {
	switch x := v.(type) {
	case nil:
		return starlark.None
	case starlark.NoneType, starlark.Bool, starlark.Int, starlark.Float, starlark.String, starlark.Bytes:
		return v
	case starlark.Tuple:
		t := make(starlark.Tuple, len(x))
		for i, el := range x {
			t[i] = w.view(el)
		}
		return t
	case *starlark.List:
		if c, ok := w.seen[x]; ok {
			return c
		}
		c := starlark.NewList(make([]starlark.Value, 0, x.Len()))
		w.seen[x] = c
		for i := 0; i < x.Len(); i++ {
			_ = c.Append(w.view(x.Index(i)))
		}
		c.Freeze()
		return c
	case *starlark.Dict:
		if c, ok := w.seen[x]; ok {
			return c
		}
		c := starlark.NewDict(x.Len())
		w.seen[x] = c
		for _, kv := range x.Items() {
			_ = c.SetKey(w.view(kv[0]), w.view(kv[1]))
		}
		c.Freeze()
		return c
	case *starlark.Set:
		if c, ok := w.seen[x]; ok {
			return c
		}
		c := starlark.NewSet(x.Len())
		w.seen[x] = c
		iter := x.Iterate()
		defer iter.Done()
		var el starlark.Value
		for iter.Next(&el) {
			_ = c.Insert(w.view(el))
		}
		c.Freeze()
		return c
	}
	if sk, ok := python.SocketOf(v); ok {
		return newSocketView(w.names[sk], sk.State())
	}
	switch t := v.Type(); {
	case t == "bytearray":
		if b, ok := bytesOf(v); ok {
			return b
		}
	case enumTypes()[t]:
		if n, err := strconv.Atoi(v.String()); err == nil {
			return starlark.MakeInt(n)
		}
	case t == "module":
		if m, ok := v.(starlark.HasAttrs); ok {
			key := identity(v)
			if c, ok := w.seen[key]; ok && key != nil {
				return c
			}
			mv := &moduleView{name: python.Repr(v), members: starlark.StringDict{}}
			if key != nil {
				w.seen[key] = mv
			}
			for _, n := range m.AttrNames() {
				if a, err := m.Attr(n); err == nil && a != nil {
					mv.members[n] = w.view(a)
				}
			}
			return mv
		}
	}
	return newOpaque(v)
}

// identity is v when it can be a map key and compared safely (a pointer,
// or a struct of pointers), else nil.
func identity(v starlark.Value) starlark.Value {
	switch t := reflect.TypeOf(v); t.Kind() {
	case reflect.Pointer:
		return v
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Type.Kind() != reflect.Pointer {
				return nil
			}
		}
		return v
	}
	return nil
}

// bytesOf copies a bytearray, which indexes as ints 0-255.
func bytesOf(v starlark.Value) (starlark.Value, bool) {
	ix, ok := v.(starlark.Indexable)
	if !ok {
		return nil, false
	}
	b := make([]byte, ix.Len())
	for i := range b {
		n, err := starlark.AsInt32(ix.Index(i))
		if err != nil {
			return nil, false
		}
		b[i] = byte(n)
	}
	return starlark.Bytes(b), true
}

// enumTypes are the IntEnum classes of the socket module; their members
// are ints in Python, and a check sees them as ints.
var enumTypes = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	defer func() { _ = recover() }()
	for _, k := range sockets.Constants() {
		if k.Enum != "" {
			m[k.Enum] = true
		}
	}
	return m
})

// globalsView is `g`: the learner's names with read-only values. The
// interpreter's own helpers and the predeclared builtin functions are left
// out; a bound method the learner stored (r = s.recv) stays, as an opaque
// value.
func (w *viewer) globalsView(globals starlark.StringDict) *starlark.Dict {
	names := sortedNames(globals)
	d := starlark.NewDict(len(names))
	for _, k := range names {
		v := globals[k]
		if v == nil || python.IsInternal(k) {
			continue
		}
		if b, ok := v.(*starlark.Builtin); ok && b.Receiver() == nil {
			continue
		}
		_ = d.SetKey(starlark.String(k), w.view(v))
	}
	d.Freeze()
	return d
}

// socketView is what a check sees of a socket: its state as fields
// (docs/LESSON_FORMAT.md lists them), and no methods.
type socketView struct{ s *starlarkstruct.Struct }

var (
	_ starlark.HasAttrs   = socketView{}
	_ starlark.Comparable = socketView{}
)

func newSocketView(name string, st sockets.State) socketView {
	timeout := starlark.Value(starlark.None)
	if st.Timeout != nil {
		timeout = starlark.Float(*st.Timeout)
	}
	lhost, lport := hostPort(st.Laddr)
	rhost, rport := hostPort(st.Raddr)
	return socketView{starlarkstruct.FromStringDict(starlark.String("socket"), starlark.StringDict{
		"name":         starlark.String(name),
		"fd":           starlark.MakeInt(st.FD),
		"family":       starlark.MakeInt(st.Family),
		"type":         starlark.MakeInt(st.Type),
		"kind":         starlark.String(st.Kind),
		"state":        starlark.String(st.TCPState.String()),
		"laddr":        python.ToStarlark(st.Laddr),
		"raddr":        python.ToStarlark(st.Raddr),
		"lhost":        starlark.String(lhost),
		"lport":        starlark.MakeInt(lport),
		"rhost":        starlark.String(rhost),
		"rport":        starlark.MakeInt(rport),
		"mode":         starlark.String(st.Mode.String()),
		"timeout":      timeout,
		"recvq":        starlark.MakeInt(st.RecvQ),
		"sendq":        starlark.MakeInt(st.SendQ),
		"acceptq":      starlark.MakeInt(st.AcceptQ),
		"backlog":      starlark.MakeInt(st.Backlog),
		"listening":    starlark.Bool(st.Listening),
		"closed":       starlark.Bool(st.Closed),
		"rcvbuf":       starlark.MakeInt(st.RcvBuf),
		"sndbuf":       starlark.MakeInt(st.SndBuf),
		"reuseaddr":    starlark.Bool(st.ReuseAddr),
		"reuseport":    starlark.Bool(st.ReusePort),
		"keepalive":    starlark.Bool(st.KeepAlive),
		"drops":        starlark.MakeInt(st.Drops),
		"v6only":       starlark.Bool(st.V6Only),
		"ip_options":   starlark.Bytes(st.IPOptions),
		"nodelay":      starlark.Bool(st.NoDelay),
		"keepidle":     starlark.MakeInt(st.KeepIdle),
		"keepintvl":    starlark.MakeInt(st.KeepIntvl),
		"keepcnt":      starlark.MakeInt(st.KeepCnt),
		"user_timeout": starlark.MakeInt(st.UserTimeout),
		"syncnt":       starlark.MakeInt(st.SynCnt),
		"defer_accept": starlark.MakeInt(st.DeferAccept),
		"sent":         starlark.MakeInt64(st.Sent),
		"received":     starlark.MakeInt64(st.Received + int64(st.RecvQ)),
	})}
}

func (v socketView) String() string        { return v.s.String() }
func (v socketView) Type() string          { return "socket" }
func (v socketView) Freeze()               {}
func (v socketView) Truth() starlark.Bool  { return true }
func (v socketView) Hash() (uint32, error) { return v.s.Hash() }
func (v socketView) AttrNames() []string   { return v.s.AttrNames() }

func (v socketView) Attr(name string) (starlark.Value, error) {
	if a, err := v.s.Attr(name); err == nil {
		return a, nil
	}
	return nil, fmt.Errorf("a socket view has no .%s: it holds the socket's state (fd, state, laddr, recvq, ...), not its methods; %s", name, lookOnly)
}

func (v socketView) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return v.s.CompareSameType(op, y.(socketView).s, depth)
}

// moduleView is a module as a check sees it: constants as values,
// functions opaque.
type moduleView struct {
	name    string // the module's repr
	members starlark.StringDict
}

var _ starlark.HasAttrs = (*moduleView)(nil)

func (m *moduleView) String() string        { return m.name }
func (m *moduleView) Type() string          { return "module" }
func (m *moduleView) Freeze()               {}
func (m *moduleView) Truth() starlark.Bool  { return true }
func (m *moduleView) Hash() (uint32, error) { return starlark.String(m.name).Hash() }
func (m *moduleView) AttrNames() []string   { return m.members.Keys() }

func (m *moduleView) Attr(name string) (starlark.Value, error) {
	if v, ok := m.members[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("%s has no attribute %q", m.name, name)
}

// opaque stands for a value a check may name but not use: a function,
// builtin, bound method, class or any value of a type views do not know.
// It keeps the type name (type(g['f']) == 'function' still works) and the
// repr; calling it is refused.
type opaque struct {
	typ, repr string
	callable  bool
	orig      starlark.Value // only compared, never handed out
}

var (
	_ starlark.Callable   = opaque{}
	_ starlark.Comparable = opaque{}
)

func newOpaque(v starlark.Value) opaque {
	_, callable := v.(starlark.Callable)
	return opaque{typ: v.Type(), repr: python.Repr(v), callable: callable, orig: v}
}

func (o opaque) String() string        { return o.repr }
func (o opaque) Type() string          { return o.typ }
func (o opaque) Freeze()               {}
func (o opaque) Truth() starlark.Bool  { return true }
func (o opaque) Hash() (uint32, error) { return starlark.String(o.typ + o.repr).Hash() }
func (o opaque) Name() string          { return o.repr }

func (o opaque) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	if o.callable {
		return nil, fmt.Errorf("a check cannot call %s: %s", o.repr, lookOnly)
	}
	return nil, fmt.Errorf("'%s' object is not callable", o.typ)
}

func (o opaque) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	p := y.(opaque)
	same := o.typ == p.typ && o.repr == p.repr
	if a, b := identity(o.orig), identity(p.orig); a != nil && b != nil {
		same = a == b
	}
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between instances of '%s'", op, o.typ)
}
