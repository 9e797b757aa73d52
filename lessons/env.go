package lessons

import (
	"os"
	"sockrepl/repl/python"
	"sort"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

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
// check sees"). The kernel listing is fetched only when withKernel.
func buildEnv(s Snapshot, withKernel bool) starlark.StringDict {
	env := starlark.StringDict{}
	for k, v := range constants() {
		env[k] = v
	}
	views := make([]starlark.Value, 0, len(s.Sockets))
	for _, sv := range s.Sockets {
		views = append(views, socketView(sv.Name, sv.State))
	}
	list := starlark.NewList(views)
	list.Freeze()
	env["sockets"] = list
	env["g"] = globalsDict(s)
	env["sock"] = starlark.NewBuiltin("sock", s.sockBuiltin)
	env["last"] = lastView(s.Last)
	env["role"] = starlark.String(s.Role)
	env["root"] = starlark.Bool(os.Geteuid() == 0)
	env["exists"] = starlark.NewBuiltin("exists", existsBuiltin)
	if withKernel && s.Kernel != nil {
		// A listing that fails leaves `kernel` undefined: the check is false.
		if rows, ok := kernelRows(s.Kernel); ok {
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
			"proto":   starlark.String(k.Proto),
			"state":   starlark.String(k.State),
			"lhost":   starlark.String(k.LocalHost),
			"lport":   starlark.MakeInt(k.LocalPort),
			"rhost":   starlark.String(k.RemoteHost),
			"rport":   starlark.MakeInt(k.RemotePort),
			"path":    starlark.String(k.Path),
			"recvq":   starlark.MakeInt(k.RecvQ),
			"sendq":   starlark.MakeInt(k.SendQ),
			"pid":     starlark.MakeInt(k.PID),
			"process": starlark.String(k.Process),
			"timer":   starlark.Float(k.Timer.Seconds()),
		}))
	}
	l := starlark.NewList(out)
	l.Freeze()
	return l, true
}

// socketView is the read-only struct a check sees for one socket.
func socketView(name string, st sockets.State) starlark.Value {
	timeout := starlark.Value(starlark.None)
	if st.Timeout != nil {
		timeout = starlark.Float(*st.Timeout)
	}
	lhost, lport := hostPort(st.Laddr)
	rhost, rport := hostPort(st.Raddr)
	return starlarkstruct.FromStringDict(starlark.String("socket"), starlark.StringDict{
		"name":      starlark.String(name),
		"fd":        starlark.MakeInt(st.FD),
		"family":    starlark.MakeInt(st.Family),
		"type":      starlark.MakeInt(st.Type),
		"kind":      starlark.String(st.Kind),
		"state":     starlark.String(st.TCPState),
		"laddr":     python.ToStarlark(st.Laddr),
		"raddr":     python.ToStarlark(st.Raddr),
		"lhost":     starlark.String(lhost),
		"lport":     starlark.MakeInt(lport),
		"rhost":     starlark.String(rhost),
		"rport":     starlark.MakeInt(rport),
		"mode":      starlark.String(st.Mode),
		"timeout":   timeout,
		"recvq":     starlark.MakeInt(st.RecvQ),
		"sendq":     starlark.MakeInt(st.SendQ),
		"acceptq":   starlark.MakeInt(st.AcceptQ),
		"backlog":   starlark.MakeInt(st.Backlog),
		"listening": starlark.Bool(st.Listening),
		"closed":    starlark.Bool(st.Closed),
		"rcvbuf":    starlark.MakeInt(st.RcvBuf),
		"sndbuf":    starlark.MakeInt(st.SndBuf),
		"reuseaddr": starlark.Bool(st.ReuseAddr),
	})
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

func lastView(l Last) starlark.Value {
	v := l.Value
	if v == nil {
		v = starlark.None
	}
	return starlarkstruct.FromStringDict(starlark.String("last"), starlark.StringDict{
		"code":  starlark.String(l.Code),
		"ok":    starlark.Bool(l.OK),
		"error": starlark.String(l.Error),
		"errno": starlark.MakeInt(l.Errno),
		"value": v,
	})
}

// globalsDict is `g`: the session's globals, with sockets as views.
func globalsDict(s Snapshot) *starlark.Dict {
	names := make([]string, 0, len(s.Globals))
	for k := range s.Globals {
		names = append(names, k)
	}
	sort.Strings(names)
	d := starlark.NewDict(len(names))
	for _, k := range names {
		v := s.Globals[k]
		if v == nil {
			continue
		}
		if s.IsSocket != nil {
			if st, ok := s.IsSocket(v); ok {
				v = socketView(k, st)
			}
		}
		_ = d.SetKey(starlark.String(k), v)
	}
	return d
}

// sockBuiltin is `sock(name)`: the socket held by a global, or None.
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
		return socketView(found.Name, found.State), nil
	}
	if v, ok := s.Globals[name]; ok && s.IsSocket != nil {
		if st, ok := s.IsSocket(v); ok {
			return socketView(name, st), nil
		}
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
