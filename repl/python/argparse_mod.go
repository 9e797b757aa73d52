package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// newArgparseModule is Python's argparse: ArgumentParser with its
// actions, groups, help formatters and Namespace (argparse_*.go).
func newArgparseModule(*Interp) starlark.Value {
	rows := []row{
		{name: "ArgumentParser", value: apParserClass, sig: "argparse.ArgumentParser(prog=None, usage=None, description=None, epilog=None, formatter_class=HelpFormatter, prefix_chars='-', argument_default=None, conflict_handler='error', add_help=True, allow_abbrev=True, exit_on_error=True)", doc: "A command-line parser for the program: add_argument() each argument, then args = parser.parse_args()."},
		{name: "Namespace", value: apNamespaceClass, sig: "argparse.Namespace(**values)", doc: "What parse_args() returns: one attribute per argument (args.port); vars(args) is the dict of them."},
		{name: "ArgumentError", value: classByName("argparse.ArgumentError"), sig: "argparse.ArgumentError", doc: "An argument was declared or given wrongly: 'argument --port: invalid int value: 'x''."},
		{name: "ArgumentTypeError", value: classByName("argparse.ArgumentTypeError"), sig: "argparse.ArgumentTypeError", doc: "Raise it from a type= function to reject a value with your own message."},
		{name: "BooleanOptionalAction", value: apBooleanOptional, sig: "argparse.BooleanOptionalAction", doc: "action= for a flag that also gets a --no- form: --verbose / --no-verbose."},
		{name: "FileType", value: apFileType, sig: "argparse.FileType(mode='r')", doc: "Not available: this shell has no files."},
		{name: "SUPPRESS", value: starlark.String(apSuppress), sig: "argparse.SUPPRESS", doc: "As help=, hides an argument from the help; as default=, leaves it out of the Namespace when not given."},
		{name: "OPTIONAL", value: starlark.String("?")},
		{name: "ZERO_OR_MORE", value: starlark.String("*")},
		{name: "ONE_OR_MORE", value: starlark.String("+")},
		{name: "REMAINDER", value: starlark.String("...")},
		{name: "PARSER", value: starlark.String("A...")},
	}
	for _, name := range apFormatterNames {
		rows = append(rows, row{name: name, value: apFormatterClasses[name], sig: "argparse." + name, doc: apFormatterDocs[name]})
	}
	return table{name: "argparse", doc: "Read a program's command line: declare the positional arguments and options, and parse_args() gives them back converted and checked, with -h help and usage errors (exit status 2) written for you.", rows: rows}.module()
}

var apFormatterNames = []string{"HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter", "MetavarTypeHelpFormatter"}

var apFormatterDocs = map[string]string{
	"HelpFormatter":                 "formatter_class= for the usual help: text refilled to the terminal's width.",
	"RawDescriptionHelpFormatter":   "formatter_class= that keeps the line breaks of description and epilog.",
	"RawTextHelpFormatter":          "formatter_class= that keeps the line breaks of every help text.",
	"ArgumentDefaultsHelpFormatter": "formatter_class= that adds ' (default: ...)' to each option's help.",
	"MetavarTypeHelpFormatter":      "formatter_class= that names values by their type (int) instead of their dest.",
}

var apFormatterClasses = func() map[string]*pyType {
	m := map[string]*pyType{}
	for _, n := range apFormatterNames {
		m[n] = &pyType{name: "argparse." + n}
	}
	return m
}()

var (
	apParserClass     = &pyType{name: "argparse.ArgumentParser", call: newAPParser}
	apBooleanOptional = &pyType{name: "argparse.BooleanOptionalAction"}
	apFileType        = &pyType{name: "argparse.FileType", call: func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, pyErrorf("NotImplementedError", "argparse.FileType is not available in this shell: files are not available; take the name as a str argument")
	}}
	apNamespaceClass = &pyType{name: "argparse.Namespace", call: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 {
			return nil, pyErrorf("TypeError", "Namespace.__init__() takes 1 positional argument but %d were given", len(args)+1)
		}
		ns := &apNamespace{attrs: starlark.NewDict(len(kwargs))}
		for _, kv := range kwargs {
			ns.attrs.SetKey(kv[0], kv[1])
		}
		return ns, nil
	}}
)

// namespaceLike is what parse_args fills: an argparse.Namespace, or
// any object given as namespace=.
type namespaceLike interface {
	get(name string) (starlark.Value, bool)
	set(name string, v starlark.Value)
	value() starlark.Value
}

// apNamespace is argparse.Namespace: attributes in a dict, in the order
// they were set (its repr and vars() show that order).
type apNamespace struct {
	attrs  *starlark.Dict
	inRepr bool
}

var (
	_ starlark.HasSetField = (*apNamespace)(nil)
	_ starlark.Comparable  = (*apNamespace)(nil)
	_ starlark.HasBinary   = (*apNamespace)(nil)
)

func (ns *apNamespace) get(name string) (starlark.Value, bool) {
	v, found, _ := ns.attrs.Get(starlark.String(name))
	return v, found
}
func (ns *apNamespace) set(name string, v starlark.Value) { ns.attrs.SetKey(starlark.String(name), v) }
func (ns *apNamespace) value() starlark.Value             { return ns }

func (ns *apNamespace) String() string       { return ns.Repr() }
func (ns *apNamespace) Type() string         { return "Namespace" }
func (ns *apNamespace) Freeze()              {}
func (ns *apNamespace) Truth() starlark.Bool { return true }
func (ns *apNamespace) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'Namespace'")
}

// Repr is _AttributeHolder.__repr__: identifiers as name=value, the rest
// gathered in **{...}.
func (ns *apNamespace) Repr() string {
	if ns.inRepr {
		return "Namespace(...)"
	}
	ns.inRepr = true
	defer func() { ns.inRepr = false }()
	var parts []string
	star := starlark.NewDict(0)
	for _, kv := range ns.attrs.Items() {
		k := pyStr(kv[0])
		if isIdentifier(k) {
			parts = append(parts, k+"="+Repr(kv[1]))
		} else {
			star.SetKey(kv[0], kv[1])
		}
	}
	if star.Len() > 0 {
		parts = append(parts, "**"+Repr(star))
	}
	return "Namespace(" + strings.Join(parts, ", ") + ")"
}

func (ns *apNamespace) Attr(name string) (starlark.Value, error) {
	if name == "__dict__" {
		return ns.attrs, nil
	}
	if v, ok := ns.get(name); ok {
		return v, nil
	}
	return nil, pyErrorf("AttributeError", "'Namespace' object has no attribute '%s'", name)
}

func (ns *apNamespace) AttrNames() []string {
	var names []string
	for _, k := range ns.attrs.Keys() {
		names = append(names, pyStr(k))
	}
	return names
}

func (ns *apNamespace) SetField(name string, v starlark.Value) error {
	ns.set(name, v)
	return nil
}

func (ns *apNamespace) delAttr(name string) error {
	if _, found, _ := ns.attrs.Delete(starlark.String(name)); !found {
		return pyErrorf("AttributeError", "'Namespace' object has no attribute '%s'", name)
	}
	return nil
}

func (ns *apNamespace) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	switch op {
	case syntax.EQL, syntax.NEQ:
		eq, err := starlark.EqualDepth(ns.attrs, y.(*apNamespace).attrs, depth)
		if err != nil {
			return false, err
		}
		return eq == (op == syntax.EQL), nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'Namespace' and 'Namespace'", op)
}

// Binary is `name in ns`.
func (ns *apNamespace) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op == syntax.IN && side == starlark.Right {
		_, found, _ := ns.attrs.Get(y)
		return starlark.Bool(found), nil
	}
	return nil, nil
}

// attrNamespace is an object given as namespace=: attributes through
// getattr and setattr.
type attrNamespace struct {
	thread *starlark.Thread
	v      starlark.Value
}

func (a *attrNamespace) get(name string) (starlark.Value, bool) {
	v, err := getAttr(a.v, name)
	return v, err == nil
}

func (a *attrNamespace) set(name string, v starlark.Value) {
	builtinSetattr(a.thread, nil, starlark.Tuple{a.v, starlark.String(name), v}, nil)
}

func (a *attrNamespace) value() starlark.Value { return a.v }
