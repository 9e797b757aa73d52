package python

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"

	"sockrepl/repl/python/translate"
	"sockrepl/sockets"
)

// PyError is a Python exception as the repl prints it: "Class: Msg" (or
// just "Class").
type PyError struct {
	Class string // "ConnectionRefusedError", "NameError", "TypeError", "SyntaxError", "KeyboardInterrupt"...
	Msg   string
	Errno int    // 0 if none
	Op    string // failing operation, for hints ("connect", "bind"); "" if unknown
	// Args are the exception's args when Msg alone cannot give them.
	Args starlark.Tuple
	// Attrs are attributes the exception object has besides args
	// (ImportError.name).
	Attrs map[string]starlark.Value

	value *Instance // the exception object, once made (raise, except ... as e)
	// raw is the error as it travelled: a *starlark.EvalError holds the
	// call stack it was raised with, for tracebacks and bare raise.
	raw error
	// suggestion, when set, finds the name the learner may have meant
	// ("Did you mean: 'sendall'?"); it runs only when the error prints.
	suggestion func() string
	// atCall marks an error raised as a function starts ($enter): CPython
	// raises it at the call, so the traceback leaves the new frame out.
	atCall bool
	// caughtDepth is the depth of the Starlark stack where a try caught
	// it: its traceback, printed as the cause or context of another,
	// starts at the frame that caught it, as CPython's does.
	caughtDepth int
}

func (e *PyError) Error() string {
	if e.Msg == "" {
		return e.Class
	}
	return e.Class + ": " + e.Msg
}

// pyErrorf builds a PyError of class with a formatted message.
func pyErrorf(class, format string, args ...any) *PyError {
	return &PyError{Class: class, Msg: fmt.Sprintf(format, args...)}
}

// asPyError turns any error from starlark.ExecFile/EvalExpr/Call (or from
// translate) into a Python exception. Typed errors keep their class; the
// interpreter's own messages are rewritten into CPython's wording.
func asPyError(err error) *PyError {
	pe := convertError(err)
	if pe != nil && !hasStack(pe.raw) && hasStack(err) {
		pe.raw = err // the stack it was raised with
	}
	return pe
}

// hasStack reports whether err carries a Starlark call stack.
func hasStack(err error) bool {
	var ee *starlark.EvalError
	return err != nil && errors.As(err, &ee)
}

// convertError is asPyError without the raw error.
func convertError(err error) *PyError {
	if err == nil {
		return nil
	}
	var pe *PyError
	if errors.As(err, &pe) {
		c := *pe
		return &c
	}
	var te *translate.Error
	if errors.As(err, &te) {
		return fromTranslate(te)
	}
	var se *sockets.Error
	if errors.As(err, &se) {
		return &PyError{Class: se.Class, Msg: se.Msg, Errno: se.Errno, Op: se.Op}
	}
	var ex *ExitError
	if errors.As(err, &ex) {
		return &PyError{Class: "SystemExit", Msg: strconv.Itoa(ex.Code)}
	}
	var rl resolve.ErrorList
	if errors.As(err, &rl) && len(rl) > 0 {
		return fromResolve(rl[0].Msg)
	}
	var re resolve.Error
	if errors.As(err, &re) {
		return fromResolve(re.Msg)
	}
	msg := err.Error()
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		msg = ee.Error()
	}
	return fromMessage(msg)
}

// fromTranslate is the exception for a translation error.
func fromTranslate(e *translate.Error) *PyError { return &PyError{Class: e.Class, Msg: e.Msg} }

// fromResolve maps a resolver (compile-time) message.
func fromResolve(msg string) *PyError {
	msg = stripHint(msg)
	switch {
	case strings.HasPrefix(msg, "undefined: "):
		return nameError(strings.TrimPrefix(msg, "undefined: "))
	case strings.Contains(msg, "break not in a loop"):
		return &PyError{Class: "SyntaxError", Msg: "'break' outside loop"}
	case strings.Contains(msg, "continue not in a loop"):
		return &PyError{Class: "SyntaxError", Msg: "'continue' not properly in loop"}
	case strings.Contains(msg, "return statement not within a function"):
		return &PyError{Class: "SyntaxError", Msg: "'return' outside function"}
	case msg == "can't assign to sliceexpr":
		return &PyError{Class: "SyntaxError", Msg: "assigning to a slice (x[i:j] = ...) is not available in this shell: build the new value instead, e.g. x = x[:i] + new + x[j:]"}
	case strings.Contains(msg, "cannot reassign"), strings.Contains(msg, "cannot reuse"):
		return &PyError{Class: "SyntaxError", Msg: "invalid syntax"}
	}
	return &PyError{Class: "SyntaxError", Msg: "invalid syntax"}
}

func nameError(name string) *PyError {
	if len(name) > 200 { // CPython prints at most 200 bytes of the name
		name = strings.ToValidUTF8(name[:200], "")
	}
	return &PyError{Class: "NameError", Msg: fmt.Sprintf("name '%s' is not defined", name)}
}

var starlarkHint = regexp.MustCompile(`\(did you mean \.?(\w+)\?\)`)

// stripHint drops Starlark's "(did you mean x?)" suffix.
func stripHint(msg string) string {
	if i := strings.Index(msg, " (did you mean "); i >= 0 {
		return msg[:i]
	}
	return msg
}

// msgRule rewrites one family of interpreter messages.
type msgRule struct {
	re *regexp.Regexp
	fn func(m []string) *PyError
}

var msgRules = []msgRule{
	{regexp.MustCompile(`^Starlark computation cancelled: (.*)$`), func(m []string) *PyError {
		if m[1] == "KeyboardInterrupt" || m[1] == "" {
			return &PyError{Class: "KeyboardInterrupt"}
		}
		if IsExceptionClass(m[1]) { // MemoryError from watchMemory
			return &PyError{Class: m[1]}
		}
		return &PyError{Class: "RuntimeError", Msg: m[1]}
	}},
	{regexp.MustCompile(`Starlark stack overflow|called recursively|comparison exceeded maximum recursion depth`), func([]string) *PyError {
		return &PyError{Class: "RecursionError", Msg: "maximum recursion depth exceeded"}
	}},
	{regexp.MustCompile(`^(?:.*: )?undefined: (\w+)`), func(m []string) *PyError { return nameError(m[1]) }},
	{regexp.MustCompile(`^global variable (\w+) referenced before assignment`), func(m []string) *PyError { return nameError(m[1]) }},
	{regexp.MustCompile(`^local variable (\w+) referenced before assignment`), func(m []string) *PyError {
		return pyErrorf("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", m[1])
	}},
	{regexp.MustCompile(`^floating-point division by zero$`), func([]string) *PyError {
		return &PyError{Class: "ZeroDivisionError", Msg: "division by zero"}
	}},
	{regexp.MustCompile(`^floored division by zero$`), func([]string) *PyError {
		return &PyError{Class: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	}},
	{regexp.MustCompile(`^integer modulo by zero$`), func([]string) *PyError {
		return &PyError{Class: "ZeroDivisionError", Msg: "integer modulo by zero"}
	}},
	{regexp.MustCompile(`^floating-point modulo by zero$`), func([]string) *PyError {
		return &PyError{Class: "ZeroDivisionError", Msg: "float modulo"}
	}},
	{regexp.MustCompile(`^unknown binary op: (\S+) (not in|\S+) (\S+)$`), func(m []string) *PyError {
		return binaryOpError(m[2], m[1], m[3])
	}},
	{regexp.MustCompile(`^unknown unary op: (\S+) (\S+)$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "bad operand type for unary %s: '%s'", m[1], pyTypeOfName(m[2]))
	}},
	{regexp.MustCompile(`^(\S+) (<=|>=|<|>) (\S+) not implemented$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "'%s' not supported between instances of '%s' and '%s'", m[2], pyTypeOfName(m[1]), pyTypeOfName(m[3]))
	}},
	{regexp.MustCompile(`^(?:index -?\d+ out of range: empty (\w+)|(\w+) index -?\d+ out of range.*)$`), func(m []string) *PyError {
		t := m[1] + m[2]
		if t == "bytes" {
			return &PyError{Class: "IndexError", Msg: "index out of range"}
		}
		return pyErrorf("IndexError", "%s index out of range", pyTypeOfName(t))
	}},
	{regexp.MustCompile(`^key (.*) not in dict$`), func(m []string) *PyError {
		return &PyError{Class: "KeyError", Msg: starlarkLiteralToPy(m[1])}
	}},
	{regexp.MustCompile(`^(?:(\w+) )?has no \.(\w+) field or method`), func(m []string) *PyError {
		return attrError(m[1], m[2])
	}},
	{regexp.MustCompile(`^getattr: (\w+) has no \.(\w+) field or method`), func(m []string) *PyError {
		return attrError(m[1], m[2])
	}},
	{regexp.MustCompile(`^can't assign to \.(\w+) field of (\w+)$`), func(m []string) *PyError {
		if m[2] == "socket" {
			return socketSetattrError(m[1])
		}
		return attrError(m[2], m[1])
	}},
	{regexp.MustCompile(`^invalid call of non-function \((\S+)\)$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "'%s' object is not callable", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^unhashable(?: type)?: (\w+)$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "unhashable type: '%s'", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^(\w+) value does not support item assignment$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "'%s' object does not support item assignment", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^unhandled index operation (\w+)\[`), func(m []string) *PyError {
		return pyErrorf("TypeError", "'%s' object is not subscriptable", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^invalid (?:start index|end index|slice step): got \w+, want int$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "slice indices must be integers or None or have an __index__ method")
	}},
	{regexp.MustCompile(`^(\w+) index: got (\w+), want int$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s indices must be integers or slices, not %s", pyTypeOfName(m[1]), pyTypeOfName(m[2]))
	}},
	{regexp.MustCompile(`(?:^|: )(\w+) value is not iterable$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "'%s' object is not iterable", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^too many values to unpack \(got \d+, want (\d+)\)$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "too many values to unpack (expected %s)", m[1])
	}},
	{regexp.MustCompile(`^too few values to unpack \(got (\d+), want (\d+)\)$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "not enough values to unpack (expected %s, got %s)", m[2], m[1])
	}},
	{regexp.MustCompile(`^got (\w+) in sequence assignment$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "cannot unpack non-iterable %s object", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^function (\S+) accepts (?:no arguments|(?:at most |at least )?(\d+) positional arguments?) \((\d+) given\)$`), func(m []string) *PyError {
		n := m[2]
		if n == "" {
			n = "0"
		}
		s := "s"
		if n == "1" {
			s = ""
		}
		verb := "were"
		if m[3] == "1" {
			verb = "was"
		}
		return pyErrorf("TypeError", "%s() takes %s positional argument%s but %s %s given", funcName(m[1]), n, s, m[3], verb)
	}},
	{regexp.MustCompile(`^function (\S+) got an unexpected keyword argument "?(\w+)"?`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() got an unexpected keyword argument '%s'", funcName(m[1]), m[2])
	}},
	{regexp.MustCompile(`^function (\S+) got multiple values for parameter "?(\w+)"?`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() got multiple values for argument '%s'", funcName(m[1]), m[2])
	}},
	{regexp.MustCompile(`^function (\S+) missing (\d+) arguments? \((.*)\)$`), func(m []string) *PyError {
		names := strings.Split(m[3], ", ")
		for i, n := range names {
			names[i] = "'" + n + "'"
		}
		s := "s"
		if m[2] == "1" {
			s = ""
		}
		list := strings.Join(names, ", ")
		if len(names) == 2 {
			list = names[0] + " and " + names[1]
		} else if len(names) > 2 {
			list = strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
		}
		return pyErrorf("TypeError", "%s() missing %s required positional argument%s: %s", funcName(m[1]), m[2], s, list)
	}},
	{regexp.MustCompile(`^(\w+): got (\d+) arguments?, want (at most |exactly |at least )?(\d+)$`), func(m []string) *PyError {
		s := "s"
		if m[4] == "1" {
			s = ""
		}
		return pyErrorf("TypeError", "%s() takes %s%s argument%s (%s given)", m[1], m[3], m[4], s, m[2])
	}},
	{regexp.MustCompile(`^(max|min): argument is an empty sequence$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "%s() arg is an empty sequence", m[1])
	}},
	{regexp.MustCompile(`^(\w+): unexpected keyword arguments$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() takes no keyword arguments", m[1])
	}},
	{regexp.MustCompile(`^(\w+): missing argument for (\w+)$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() missing required argument '%s'", m[1], m[2])
	}},
	{regexp.MustCompile(`^(\w+): unexpected keyword argument (\w+)`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() got an unexpected keyword argument '%s'", m[1], m[2])
	}},
	{regexp.MustCompile(`^(\w+) does not accept keyword arguments$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() takes no keyword arguments", m[1])
	}},
	{regexp.MustCompile(`^len: value of type (\w+) has no len$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "object of type '%s' has no len()", pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^(\w+): (?:for parameter \w+: )?got (\w+), want (\w+)`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s() argument must be %s, not %s", m[1], pyTypeOfName(m[3]), pyTypeOfName(m[2]))
	}},
	{regexp.MustCompile(`^got (\w+), want (\w+)`), func(m []string) *PyError {
		return pyErrorf("TypeError", "expected %s, got %s", pyTypeOfName(m[2]), pyTypeOfName(m[1]))
	}},
	{regexp.MustCompile(`^int: invalid literal with base (\d+): (.*)$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "invalid literal for int() with base %s: %s", m[1], strRepr(m[2]))
	}},
	{regexp.MustCompile(`^(?:float: )?invalid float literal: (.*)$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "could not convert string to float: %s", strRepr(m[1]))
	}},
	{regexp.MustCompile(`^(\w+): element not found$`), func(m []string) *PyError {
		return pyErrorf("ValueError", "list.%s(x): x not in list", m[1])
	}},
	{regexp.MustCompile(`^index: value not in list$`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "value is not in list"}
	}},
	{regexp.MustCompile(`^(?:index|rindex): substring not found$`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "substring not found"}
	}},
	{regexp.MustCompile(`^pop: (?:index -?\d+ out of range|empty list)`), func(m []string) *PyError {
		return &PyError{Class: "IndexError", Msg: "pop index out of range"}
	}},
	{regexp.MustCompile(`^pop: missing key$`), func(m []string) *PyError {
		return &PyError{Class: "KeyError", Msg: ""}
	}},
	{regexp.MustCompile(`^(?:\w+: )?cannot [\w ]+? (hash table|list) during iteration$`), func(m []string) *PyError {
		// Python allows changing a list inside a loop over it; Starlark
		// does not, so say what to do.
		if m[1] == "list" {
			return &PyError{Class: "RuntimeError", Msg: "list changed during iteration: loop over a copy, for x in list(items)"}
		}
		return &PyError{Class: "RuntimeError", Msg: "dictionary changed size during iteration"}
	}},
	{regexp.MustCompile(`^(?:\w+: )?cannot [\w ]+? frozen (hash table|list)$`), func(m []string) *PyError {
		return &PyError{Class: "TypeError", Msg: "this built-in value cannot be changed"}
	}},
	{regexp.MustCompile(`^repeat count (-?\d+) too large`), func(m []string) *PyError {
		// Starlark takes only 32-bit counts; Python fails to allocate
		// below 2**63 and cannot take the count at all above.
		if _, err := strconv.ParseInt(m[1], 10, 64); err != nil {
			return &PyError{Class: "OverflowError", Msg: "cannot fit 'int' into an index-sized integer"}
		}
		return memoryError()
	}},
	{regexp.MustCompile(`repeat count .* too large|excessive repeat`), func(m []string) *PyError {
		return memoryError()
	}},
	{regexp.MustCompile(`^shift count too large`), func(m []string) *PyError {
		// Starlark shifts by at most 511 bits; CPython's limit is memory.
		return &PyError{Class: "OverflowError", Msg: "shift count too large for this shell: shifts stop at 511 bits"}
	}},
	{regexp.MustCompile(`^(?:\w+: )?negative shift count`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "negative shift count"}
	}},
	{regexp.MustCompile(`^zero is not a valid slice step$`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "slice step cannot be zero"}
	}},
	{regexp.MustCompile(`^(\w+) requires at least one positional argument$`), func(m []string) *PyError {
		return pyErrorf("TypeError", "%s expected at least 1 argument, got 0", m[1])
	}},
	{regexp.MustCompile(`^range: step argument must not be zero`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "range() arg 3 must not be zero"}
	}},
	{regexp.MustCompile(`^(?:chr: )?Unicode code point .* out of range`), func(m []string) *PyError {
		return &PyError{Class: "ValueError", Msg: "chr() arg not in range(0x110000)"}
	}},
	{regexp.MustCompile(`out of range|overflow`), func(m []string) *PyError {
		return &PyError{Class: "OverflowError", Msg: "Python int too large to convert to C int"}
	}},
}

// fromMessage rewrites one interpreter message into a Python exception.
func fromMessage(msg string) *PyError {
	msg = strings.TrimSpace(msg)
	if class, rest, ok := strings.Cut(msg, ": "); ok && IsExceptionClass(class) {
		return &PyError{Class: class, Msg: rest}
	}
	if IsExceptionClass(msg) {
		return &PyError{Class: msg}
	}
	plain := stripHint(msg)
	for _, r := range msgRules {
		if m := r.re.FindStringSubmatch(plain); m != nil {
			pe := r.fn(m)
			// Starlark's own guess at a misspelt attribute stands in for
			// CPython's, which needs the object.
			if h := starlarkHint.FindStringSubmatch(msg); h != nil && (pe.Class == "AttributeError" || pe.Class == "NameError") {
				guess := h[1]
				pe.suggestion = func() string { return guess }
			}
			return pe
		}
	}
	// Unknown wording: keep the words, drop the Go-style "fn: " prefix.
	if i := strings.Index(plain, ": "); i > 0 && !strings.ContainsAny(plain[:i], " ") {
		plain = plain[i+2:]
		// A Python exception that Starlark's builtins wrapped as text
		// ("set: KeyError: 'k'", from a __hash__ that raised) keeps its class.
		if class, _, ok := strings.Cut(plain, ": "); ok && IsExceptionClass(class) {
			return fromMessage(plain)
		}
	}
	return &PyError{Class: "RuntimeError", Msg: plain}
}

// IsExceptionClass reports whether s looks like a Python exception class
// name, as raised by fail("ValueError: ...") or a sockets.Error string.
func IsExceptionClass(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	if _, ok := exceptionClasses[s]; ok {
		return true
	}
	return (strings.HasSuffix(s, "Error") || strings.HasSuffix(s, "Exception") || strings.HasSuffix(s, "Warning")) &&
		s[0] >= 'A' && s[0] <= 'Z'
}

// binaryOpError is Python's TypeError for an operator applied to types
// that do not support it.
func binaryOpError(op, x, y string) *PyError {
	px, py := pyTypeOfName(x), pyTypeOfName(y)
	switch {
	case op == "+" && px == "str":
		return pyErrorf("TypeError", "can only concatenate str (not \"%s\") to str", py)
	case op == "+" && px == "bytes":
		return pyErrorf("TypeError", "can't concat %s to bytes", py)
	case op == "+" && (px == "list" || px == "tuple"):
		return pyErrorf("TypeError", "can only concatenate %s (not \"%s\") to %s", px, py, px)
	case op == "*" && isSequence(px) && py != "int":
		return pyErrorf("TypeError", "can't multiply sequence by non-int of type '%s'", py)
	case op == "*" && isSequence(py) && px != "int":
		return pyErrorf("TypeError", "can't multiply sequence by non-int of type '%s'", px)
	case op == "in" || op == "not in":
		return pyErrorf("TypeError", "argument of type '%s' is not iterable", py)
	}
	return pyErrorf("TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op, px, py)
}

func isSequence(t string) bool {
	return t == "str" || t == "bytes" || t == "list" || t == "tuple"
}

func attrError(typ, name string) *PyError {
	if typ == "" || typ == "module" {
		return pyErrorf("AttributeError", "module has no attribute '%s'", name)
	}
	return pyErrorf("AttributeError", "'%s' object has no attribute '%s'", pyTypeOfName(typ), name)
}

func funcName(n string) string {
	if n == "lambda" {
		return "<lambda>"
	}
	return n
}

// starlarkLiteralToPy turns a value Starlark printed ("a", b"x") back into
// Python's repr where it can.
func starlarkLiteralToPy(s string) string {
	if len(s) >= 2 && s[0] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return strRepr(u)
		}
	}
	return s
}

// socketSetattrError is CPython's refusal to set an attribute of a socket:
// its properties have no setter, its methods are read-only, and it has
// no room for new attributes.
func socketSetattrError(name string) *PyError {
	switch name {
	case "family", "type":
		return pyErrorf("AttributeError", "property '%s' of 'socket' object has no setter", name)
	case "proto":
		return &PyError{Class: "AttributeError", Msg: "readonly attribute"}
	case "timeout":
		return pyErrorf("AttributeError", "attribute '%s' of '_socket.socket' objects is not writable", name)
	}
	if _, ok := socketMethods[name]; ok {
		return pyErrorf("AttributeError", "'socket' object attribute '%s' is read-only", name)
	}
	return pyErrorf("AttributeError", "'socket' object has no attribute '%s'", name)
}

// OSErrorText is a file error in Python's words, "[Errno 2] No such file
// or directory", without Go's "open PATH:" in front.
func OSErrorText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) && errno.Error() != "" {
		msg := errno.Error()
		return fmt.Sprintf("[Errno %d] %s", int(errno), strings.ToUpper(msg[:1])+msg[1:])
	}
	return err.Error()
}

// AsException is the Python exception for an error that Exec or the
// translator returned.
func AsException(err error) *PyError { return asPyError(err) }

// Is lets errors.Is recognise how a statement ended: ErrInterrupted for
// KeyboardInterrupt, ErrNoMemory for MemoryError.
func (e *PyError) Is(target error) bool {
	switch target {
	case ErrInterrupted:
		return e.Class == "KeyboardInterrupt"
	case ErrNoMemory:
		return e.Class == "MemoryError"
	}
	return false
}

// IsPythonException reports whether e is an exception of a Python class:
// a built-in one, or an instance a program raised (whatever its class's
// name). A recovered Go panic is reported as SystemError and is not one.
func (e *PyError) IsPythonException() bool {
	if e.Class == "SystemError" {
		return false
	}
	return e.value != nil || IsExceptionClass(e.Class)
}
