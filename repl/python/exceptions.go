package python

import (
	"strconv"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"
)

// The built-in exception classes, CPython 3.11's hierarchy, as Class
// values. A Go error becomes an instance of one of them when a program
// catches it by name (except OSError as e); a raised instance becomes a
// *PyError on its way up the stack.

// excTree lists each class after its base: name, base.
var excTree = [][2]string{
	{"BaseException", "object"},
	{"GeneratorExit", "BaseException"},
	{"KeyboardInterrupt", "BaseException"},
	{"SystemExit", "BaseException"},
	{"Exception", "BaseException"},
	{"ArithmeticError", "Exception"},
	{"FloatingPointError", "ArithmeticError"},
	{"OverflowError", "ArithmeticError"},
	{"ZeroDivisionError", "ArithmeticError"},
	{"AssertionError", "Exception"},
	{"AttributeError", "Exception"},
	{"BufferError", "Exception"},
	{"EOFError", "Exception"},
	{"ImportError", "Exception"},
	{"ModuleNotFoundError", "ImportError"},
	{"LookupError", "Exception"},
	{"IndexError", "LookupError"},
	{"KeyError", "LookupError"},
	{"MemoryError", "Exception"},
	{"NameError", "Exception"},
	{"UnboundLocalError", "NameError"},
	{"OSError", "Exception"},
	{"BlockingIOError", "OSError"},
	{"ChildProcessError", "OSError"},
	{"ConnectionError", "OSError"},
	{"BrokenPipeError", "ConnectionError"},
	{"ConnectionAbortedError", "ConnectionError"},
	{"ConnectionRefusedError", "ConnectionError"},
	{"ConnectionResetError", "ConnectionError"},
	{"FileExistsError", "OSError"},
	{"FileNotFoundError", "OSError"},
	{"InterruptedError", "OSError"},
	{"IsADirectoryError", "OSError"},
	{"NotADirectoryError", "OSError"},
	{"PermissionError", "OSError"},
	{"ProcessLookupError", "OSError"},
	{"TimeoutError", "OSError"},
	{"ReferenceError", "Exception"},
	{"RuntimeError", "Exception"},
	{"NotImplementedError", "RuntimeError"},
	{"RecursionError", "RuntimeError"},
	{"StopAsyncIteration", "Exception"},
	{"StopIteration", "Exception"},
	{"SyntaxError", "Exception"},
	{"IndentationError", "SyntaxError"},
	{"TabError", "IndentationError"},
	{"SystemError", "Exception"},
	{"TypeError", "Exception"},
	{"ValueError", "Exception"},
	{"UnicodeError", "ValueError"},
	{"UnicodeDecodeError", "UnicodeError"},
	{"UnicodeEncodeError", "UnicodeError"},
	{"UnicodeTranslateError", "UnicodeError"},
	{"Warning", "Exception"},
	{"DeprecationWarning", "Warning"},
	{"RuntimeWarning", "Warning"},
	{"UserWarning", "Warning"},
	{"ResourceWarning", "Warning"},
	// Exceptions of the built-in modules.
	{"argparse.ArgumentError", "Exception"},
	{"argparse.ArgumentTypeError", "Exception"},
	{"binascii.Error", "ValueError"},
	{"dataclasses.FrozenInstanceError", "AttributeError"},
	{"binascii.Incomplete", "Exception"},
	{"json.decoder.JSONDecodeError", "ValueError"},
	{"socket.herror", "OSError"},
	{"socket.gaierror", "OSError"},
	{"statistics.StatisticsError", "ValueError"},
	{"struct.error", "Exception"},
	{"_queue.Empty", "Exception"},
	{"queue.Full", "Exception"},
}

var (
	objectClass *Class
	objectInit  *starlark.Builtin
	// objectInitSubclass is object.__init_subclass__: it takes no
	// keywords, so a class keyword no base consumes is an error.
	objectInitSubclass = starlark.NewBuiltin("__init_subclass__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			name := "object"
			if len(args) > 0 {
				if c, ok := args[0].(*Class); ok {
					name = c.name
				}
			}
			return nil, pyErrorf("TypeError", "%s.__init_subclass__() takes no keyword arguments", name)
		}
		return starlark.None, nil
	})
	baseException *Class
	osError       *Class
	// exceptionClasses holds every built-in exception class by its
	// qualified name ("ValueError", "socket.gaierror").
	exceptionClasses = buildExceptions()
)

// buildExceptions makes object and the exception classes.
func buildExceptions() map[string]*Class {
	objectInit = starlark.NewBuiltin("__init__", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, nil
	})
	objectClass = &Class{name: "object", module: "builtins", dict: map[string]starlark.Value{
		"__init__":          objectInit,
		"__init_subclass__": &classMethod{fn: objectInitSubclass},
	}, id: classIDs.Add(1)}
	objectClass.mro = []*Class{objectClass}
	classes := map[string]*Class{"object": objectClass}
	for _, row := range excTree {
		name, module := row[0], "builtins"
		if i := strings.LastIndexByte(row[0], '.'); i >= 0 {
			module, name = row[0][:i], row[0][i+1:]
		}
		dict := map[string]starlark.Value{}
		if row[0] == "BaseException" {
			dict["__init__"] = starlark.NewBuiltin("__init__", baseExceptionInit)
			dict["with_traceback"] = starlark.NewBuiltin("with_traceback", withTraceback)
		}
		c, err := newClass(name, module, []*Class{classes[row[1]]}, dict)
		if err != nil {
			panic(err) // the table above is wrong
		}
		if row[0] == "BaseException" {
			baseException = c
			c.exc = true
		}
		classes[row[0]] = c
	}
	// A class built before baseException was known is fixed up here.
	for _, c := range classes {
		if c != objectClass && c.isSubclass(baseException) {
			c.exc = true
		}
	}
	osError = classes["OSError"]
	classes["socket.timeout"] = classes["TimeoutError"] // an alias since 3.10
	classes["socket.error"] = osError
	return classes
}

var (
	adhocMu      sync.Mutex
	adhocClasses = map[string]*Class{}
)

// classByName finds the class a Go error names. A name that is not a
// built-in class (the shell's own UsageError) gets a class of its own
// under Exception, made once.
func classByName(name string) *Class {
	if c, ok := exceptionClasses[name]; ok {
		return c
	}
	adhocMu.Lock()
	defer adhocMu.Unlock()
	if c, ok := adhocClasses[name]; ok {
		return c
	}
	c, _ := newClass(name, "builtins", []*Class{exceptionClasses["Exception"]}, map[string]starlark.Value{})
	adhocClasses[name] = c
	return c
}

// errnoClasses is how OSError(errno, ...) picks its subclass.
var errnoClasses = map[int]string{
	int(unix.EAGAIN): "BlockingIOError", int(unix.EALREADY): "BlockingIOError", int(unix.EINPROGRESS): "BlockingIOError",
	int(unix.ECHILD): "ChildProcessError",
	int(unix.EPIPE):  "BrokenPipeError", int(unix.ESHUTDOWN): "BrokenPipeError",
	int(unix.ECONNABORTED): "ConnectionAbortedError", int(unix.ECONNREFUSED): "ConnectionRefusedError",
	int(unix.ECONNRESET): "ConnectionResetError", int(unix.EEXIST): "FileExistsError",
	int(unix.ENOENT): "FileNotFoundError", int(unix.EISDIR): "IsADirectoryError",
	int(unix.ENOTDIR): "NotADirectoryError", int(unix.EINTR): "InterruptedError",
	int(unix.EACCES): "PermissionError", int(unix.EPERM): "PermissionError",
	int(unix.ESRCH): "ProcessLookupError", int(unix.ETIMEDOUT): "TimeoutError",
}

// excState is what an exception instance holds besides its attributes.
type excState struct {
	args starlark.Tuple
	// msg, when set, is str(exc): a Go error's message that its args
	// cannot reproduce (KeyError's repr of the key).
	msg                       *string
	errno, strerror, filename starlark.Value // OSError and its subclasses
	cause, context            starlark.Value
	suppressContext           bool
	// raised is the error this instance travelled as, with its stack,
	// once it has been raised.
	raised *PyError
	attrs  map[string]starlark.Value // ImportError.name and the like
}

func (e *excState) attr(name string) (starlark.Value, bool) {
	if v, ok := e.attrs["filename"]; ok && name == "filename" {
		return v, true // SyntaxError's, which is not OSError's
	}
	switch name {
	case "args":
		return e.args, true
	case "errno", "strerror", "filename", "filename2":
		var v starlark.Value
		switch name {
		case "errno":
			v = e.errno
		case "strerror":
			v = e.strerror
		case "filename":
			v = e.filename
		}
		return orNone(v), true
	case "__cause__":
		return orNone(e.cause), true
	case "__context__":
		return orNone(e.context), true
	case "__suppress_context__":
		return starlark.Bool(e.suppressContext), true
	case "__traceback__":
		return starlark.None, true
	}
	if v, ok := e.attrs[name]; ok {
		return v, true
	}
	switch name {
	case "value", "code", "msg":
		if len(e.args) > 0 {
			return e.args[0], true
		}
		return starlark.None, true
	case "name", "path":
		return starlark.None, true
	}
	return nil, false
}

func (e *excState) setAttr(name string, v starlark.Value) bool {
	switch name {
	case "args":
		t, ok := v.(starlark.Tuple)
		if !ok {
			t = starlark.Tuple{v}
		}
		e.args, e.msg = t, nil
	case "errno":
		e.errno = v
	case "strerror":
		e.strerror = v
	case "filename":
		e.filename = v
	case "__cause__":
		e.cause = v
		e.suppressContext = true
	case "__context__":
		e.context = v
	case "__suppress_context__":
		e.suppressContext = bool(v.Truth())
	default:
		return false
	}
	return true
}

// newException is calling an exception class: BaseException.__new__
// keeps the arguments as args (OSError picks a subclass by errno), then
// the class's own __init__, if it has one, runs.
func newException(thread *starlark.Thread, c *Class, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c == osError && len(args) >= 2 {
		if n, ok := args[0].(starlark.Int); ok {
			if i, ok := n.Int64(); ok {
				if name, ok := errnoClasses[int(i)]; ok {
					c = exceptionClasses[name]
				}
			}
		}
	}
	inst := &Instance{cls: c, exc: &excState{}}
	setExceptionArgs(inst, args)
	init, _ := c.lookup("__init__")
	if isBaseInit(init) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", c.name)
		}
		return inst, nil
	}
	if err := callInit(thread, init, inst, args, kwargs); err != nil {
		return nil, err
	}
	return inst, nil
}

func isBaseInit(v starlark.Value) bool {
	b, ok := v.(*starlark.Builtin)
	return ok && b == baseException.dict["__init__"]
}

// setExceptionArgs is BaseException.__init__ (and OSError's).
func setExceptionArgs(inst *Instance, args starlark.Tuple) {
	e := inst.exc
	e.args, e.msg = args, nil
	if inst.cls.isSubclass(osError) && len(args) >= 2 && len(args) <= 5 {
		e.errno, e.strerror = args[0], args[1]
		if len(args) >= 3 {
			e.filename = args[2]
			e.args = args[:2]
		}
	}
}

func baseExceptionInit(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "descriptor '__init__' of 'BaseException' object needs an argument")
	}
	inst, ok := args[0].(*Instance)
	if !ok || inst.exc == nil {
		return nil, pyErrorf("TypeError", "descriptor '__init__' requires a 'BaseException' object but received a '%s'", pyTypeName(args[0]))
	}
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", inst.cls.name)
	}
	setExceptionArgs(inst, args[1:])
	return starlark.None, nil
}

func withTraceback(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "with_traceback() takes exactly one argument (%d given)", len(args)-1)
	}
	return args[0], nil
}

// excStr is str(exc) for the built-in classes.
func excStr(inst *Instance) string {
	e := inst.exc
	if e.msg != nil {
		return *e.msg
	}
	if e.errno != nil && e.strerror != nil && inst.cls.isSubclass(osError) {
		s := "[Errno " + pyStr(e.errno) + "] " + pyStr(e.strerror)
		if e.filename != nil {
			s += ": " + Repr(e.filename)
		}
		return s
	}
	if s, ok := syntaxErrorStr(inst); ok {
		return s
	}
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if inst.cls.isSubclass(exceptionClasses["KeyError"]) {
			return Repr(e.args[0])
		}
		return pyStr(e.args[0])
	}
	return Repr(e.args)
}

// excRepr is repr(exc): the class name and the arguments.
func excRepr(inst *Instance) string {
	args := inst.exc.args
	if inst.exc.msg != nil && len(args) == 0 {
		args = starlark.Tuple{starlark.String(*inst.exc.msg)}
	}
	var b strings.Builder
	b.WriteString(inst.cls.name)
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Repr(a))
	}
	b.WriteByte(')')
	return b.String()
}

// exceptionValue is the instance a *PyError stands for, made once.
func exceptionValue(pe *PyError) *Instance {
	if pe.value != nil {
		return pe.value
	}
	cls := classByName(pe.Class)
	inst := &Instance{cls: cls, exc: &excState{raised: pe, attrs: pe.Attrs}}
	e := inst.exc
	switch {
	case pe.Args != nil:
		setExceptionArgs(inst, pe.Args)
	case pe.Errno != 0 && cls.isSubclass(osError):
		msg := pe.Msg
		if strings.HasPrefix(msg, "[Errno ") {
			if i := strings.Index(msg, "] "); i > 0 {
				msg = msg[i+2:]
			}
		}
		setExceptionArgs(inst, starlark.Tuple{starlark.MakeInt(pe.Errno), starlark.String(msg)})
	case pe.Msg != "":
		e.args = starlark.Tuple{starlark.String(pe.Msg)}
		if cls.isSubclass(exceptionClasses["KeyError"]) {
			m := pe.Msg
			e.msg = &m
		}
	default:
		e.args = starlark.Tuple{}
	}
	pe.value = inst
	return inst
}

// raisedError is the *PyError that carries a raised instance up the stack.
func raisedError(inst *Instance) *PyError {
	pe := &PyError{Class: inst.cls.displayName(), Msg: inst.excText(), value: inst}
	if inst.cls.isSubclass(osError) {
		if n, ok := inst.exc.errno.(starlark.Int); ok {
			if i, ok := n.Int64(); ok {
				pe.Errno = int(i)
			}
		}
	}
	inst.exc.raised = pe
	return pe
}

// exceptionClassOf is the class an error is an instance of.
func exceptionClassOf(pe *PyError) *Class {
	if pe.value != nil {
		return pe.value.cls
	}
	return classByName(pe.Class)
}

func itoa(n int) string { return strconv.Itoa(n) }

// syntaxErrorStr is str() of a SyntaxError that knows where it happened:
// "invalid syntax (<string>, line 1)".
func syntaxErrorStr(inst *Instance) (string, bool) {
	if !inst.cls.isSubclass(exceptionClasses["SyntaxError"]) {
		return "", false
	}
	msg, ok := inst.exc.attrs["msg"]
	file, hasFile := inst.exc.attrs["filename"]
	line, hasLine := inst.exc.attrs["lineno"]
	if !ok || !hasFile || !hasLine {
		return "", false
	}
	return pyStr(msg) + " (" + pyStr(file) + ", line " + pyStr(line) + ")", true
}
