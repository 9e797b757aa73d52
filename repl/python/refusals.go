package python

import (
	"runtime"

	"go.starlark.net/starlark"
)

// refuse is a module function this shell cannot offer: calling it raises
// NotImplementedError with one sentence that says what to do instead.
func refuse(advice string) builtinFn {
	return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &PyError{Class: "NotImplementedError", Msg: advice}
	}
}

// What cannot be had in this process: another process. The shell is one
// process whose sockets and state the views show; a forked child, a
// subprocess or a multiprocessing worker would be outside it. Each is
// refused with what to do instead.

const (
	forkAdvice       = "os.fork() is not available in this shell: run the second program (the client, or another server) in a second terminal"
	subprocessAdvice = "subprocess is not available in this shell: run the other program in a second terminal"
	multiprocAdvice  = "multiprocessing is not available in this shell: use threading.Thread for work alongside the program, or run another program in a second terminal"
)

func newSubprocessModule(*Interp) starlark.Value {
	var rows []row
	for _, name := range []string{"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"} {
		rows = append(rows, row{name: name, fn: refuse(subprocessAdvice), sig: "subprocess." + name + "(...)", doc: "Not available: run the other program in a second terminal."})
	}
	for i, name := range []string{"PIPE", "STDOUT", "DEVNULL"} {
		rows = append(rows, row{name: name, value: starlark.MakeInt(-1 - i)})
	}
	return table{name: "subprocess", doc: "Not available in this shell, which is one process: run the other program in a second terminal.", rows: rows}.module()
}

func newMultiprocessingModule(*Interp) starlark.Value {
	var rows []row
	for _, name := range []string{"Process", "Pool", "Queue", "Pipe", "Lock", "Event", "Manager"} {
		rows = append(rows, row{name: name, fn: refuse(multiprocAdvice), sig: "multiprocessing." + name + "(...)", doc: "Not available: use threading, or a second terminal."})
	}
	rows = append(rows, row{name: "cpu_count", fn: func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt(runtime.NumCPU()), nil
	}, sig: "multiprocessing.cpu_count() -> int", doc: "How many CPUs this machine has."})
	return table{name: "multiprocessing", doc: "Not available in this shell, which is one process: threading.Thread runs work alongside the program; another program runs in a second terminal.", rows: rows}.module()
}
