package lessons

import (
	"os"
	"sort"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// constants are the socket module's integer constants, as checks see
// them; nil when the sockets package cannot list them.
var constants = sync.OnceValue(func() (c starlark.StringDict) {
	defer func() {
		if recover() != nil {
			c = nil
		}
	}()
	c = starlark.StringDict{}
	for _, k := range sockets.Constants() {
		c[k.Name] = starlark.MakeInt(k.Value)
	}
	return c
})

// buildEnv makes the names a check sees (docs/LESSON_FORMAT.md, "What a
// check sees"): views only (views.go), never a learner's value. `g` is
// built only when withGlobals, the kernel listing fetched only when
// withKernel, and cut to the rows sc keeps (scope.go).
func buildEnv(s Snapshot, withGlobals, withKernel bool, sc *scope) starlark.StringDict {
	env := starlark.StringDict{}
	for k, v := range constants() {
		env[k] = v
	}
	w := newViewer(s.Globals)
	views := make([]starlark.Value, 0, len(s.Sockets))
	for _, sv := range s.Sockets {
		views = append(views, newSocketView(sv.Name, sv.State))
	}
	list := starlark.NewList(views)
	list.Freeze()
	env["sockets"] = list
	if withGlobals {
		env["g"] = w.globalsView(s.Globals)
	}
	env["sock"] = starlark.NewBuiltin("sock", s.sockBuiltin)
	env["last"] = lastView(s.Last, w)
	env["role"] = starlark.String(s.Role)
	env["shell"] = shellView(s.Shell)
	env["root"] = starlark.Bool(os.Geteuid() == 0)
	env["exists"] = starlark.NewBuiltin("exists", existsBuiltin)
	if withKernel && s.Kernel != nil {
		// A listing that fails leaves `kernel` undefined: the check is false.
		list := func() []sockets.KernelSocket { return sc.filter(s.Kernel(), s.Sockets, globalPorts(s.Globals)) }
		if rows, ok := kernelRows(list); ok {
			env["kernel"] = rows
		}
	}
	return env
}

func kernelRows(list func() []sockets.KernelSocket) (v starlark.Value, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = nil, false
		}
	}()
	rows := list()
	out := make([]starlark.Value, 0, len(rows))
	for _, k := range rows {
		out = append(out, starlarkstruct.FromStringDict(starlark.String("kernel_socket"), starlark.StringDict{
			"proto":       starlark.String(k.Proto),
			"state":       starlark.String(k.State),
			"lhost":       starlark.String(k.LocalHost),
			"lport":       starlark.MakeInt(k.LocalPort),
			"rhost":       starlark.String(k.RemoteHost),
			"rport":       starlark.MakeInt(k.RemotePort),
			"path":        starlark.String(k.Path),
			"recvq":       starlark.MakeInt(k.RecvQ),
			"sendq":       starlark.MakeInt(k.SendQ),
			"pid":         starlark.MakeInt(k.PID),
			"process":     starlark.String(k.Process),
			"timer":       starlark.Float(k.Timer.Seconds()),
			"timer_kind":  starlark.String(k.TimerKind),
			"retransmits": starlark.MakeInt(k.Retransmits),
			"drops":       starlark.MakeInt(k.Drops),
		}))
	}
	l := starlark.NewList(out)
	l.Freeze()
	return l, true
}

// hostPort splits an inet address tuple; other addresses give "" and 0.
func hostPort(addr any) (string, int) {
	t, ok := addr.(sockets.Tuple)
	if !ok || len(t) < 2 {
		return "", 0
	}
	host, _ := t[0].(string)
	port, _ := t[1].(int)
	return host, port
}

// lastView is `last`; its value is a view like everything else.
func lastView(l Last, w *viewer) starlark.Value {
	return starlarkstruct.FromStringDict(starlark.String("last"), starlark.StringDict{
		"code":  starlark.String(l.Code),
		"ok":    starlark.Bool(l.OK),
		"error": starlark.String(l.Error),
		"errno": starlark.MakeInt(l.Errno),
		"value": w.view(l.Value),
	})
}

// shellView is `shell`: shell.packets, shell.timeline.name/.packets/.states.
func shellView(v ShellView) starlark.Value {
	states := make(starlark.Tuple, len(v.Timeline.States))
	for i, st := range v.Timeline.States {
		states[i] = starlark.String(st)
	}
	return starlarkstruct.FromStringDict(starlark.String("shell"), starlark.StringDict{
		"packets": starlark.Bool(v.Packets),
		"timeline": starlarkstruct.FromStringDict(starlark.String("timeline"), starlark.StringDict{
			"name":    starlark.String(v.Timeline.Name),
			"packets": starlark.MakeInt(v.Timeline.Packets),
			"states":  states,
		}),
	})
}

// sortedNames are the keys of d in order.
func sortedNames(d starlark.StringDict) []string {
	names := make([]string, 0, len(d))
	for k := range d {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// sockBuiltin is `sock(name)`: a view of the socket held by a global, or
// None. Among the sockets a name has held, an open one wins.
func (s Snapshot) sockBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name); err != nil {
		return nil, err
	}
	var found *SocketView
	for i := range s.Sockets {
		sv := &s.Sockets[i]
		if sv.Name == name && (found == nil || found.State.Closed || !sv.State.Closed) {
			found = sv
		}
	}
	if found != nil {
		return newSocketView(found.Name, found.State), nil
	}
	if sk, ok := python.SocketOf(s.Globals[name]); ok {
		return newSocketView(name, sk.State()), nil
	}
	return starlark.None, nil
}

// existsBuiltin is exists(path): whether a file (an AF_UNIX socket's
// name, say) is on disk. It only looks.
func existsBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &path); err != nil {
		return nil, err
	}
	_, err := os.Lstat(path)
	return starlark.Bool(err == nil), nil
}
