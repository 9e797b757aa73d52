package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// argparse's actions: what add_argument() makes and returns. One Go type
// stands for every action class; kind says which ("store", "count"...).
// Its fields are Python values because a program may read and change
// them (parser.add_argument(...).default = 5).

const apSuppress = "==SUPPRESS=="

type apAction struct {
	kind          string // "store", "store_const", ..., "help", "version", "boolean"
	optionStrings []string
	dest          string
	nargs         starlark.Value // None, an int, or '?', '*', '+', '...', 'A...', SUPPRESS
	constV        starlark.Value
	defaultV      starlark.Value
	typeV         starlark.Value
	choices       starlark.Value
	required      bool
	help          starlark.Value
	metavar       starlark.Value
	version       starlark.Value
}

// apActionClasses are the class names, by the action= string.
var apActionClasses = map[string]string{
	"store": "_StoreAction", "store_const": "_StoreConstAction", "store_true": "_StoreTrueAction",
	"store_false": "_StoreFalseAction", "append": "_AppendAction", "append_const": "_AppendConstAction",
	"count": "_CountAction", "help": "_HelpAction", "version": "_VersionAction", "extend": "_ExtendAction",
	"boolean": "BooleanOptionalAction",
}

// apActionParams are the keywords each action class's __init__ takes
// besides option_strings and dest.
var apActionParams = map[string][]string{
	"store":        {"nargs", "const", "default", "type", "choices", "required", "help", "metavar"},
	"store_const":  {"const", "default", "required", "help", "metavar"},
	"store_true":   {"default", "required", "help"},
	"store_false":  {"default", "required", "help"},
	"append":       {"nargs", "const", "default", "type", "choices", "required", "help", "metavar"},
	"append_const": {"const", "default", "required", "help", "metavar"},
	"count":        {"default", "required", "help"},
	"help":         {"default", "help"},
	"version":      {"version", "default", "help"},
	"extend":       {"nargs", "const", "default", "type", "choices", "required", "help", "metavar"},
	"boolean":      {"default", "type", "choices", "required", "help", "metavar"},
}

var apActionType = newGoType("argparse.Action", "Action", "An argument of a parser, as add_argument() made it: its option strings, dest, nargs, default, type, choices, help... (each can be read and changed).")

var _ goValue = (*apAction)(nil)

func (a *apAction) goType() *goType       { return apActionType }
func (a *apAction) Type() string          { return apActionClasses[a.kind] }
func (a *apAction) Freeze()               {}
func (a *apAction) Truth() starlark.Bool  { return true }
func (a *apAction) Hash() (uint32, error) { return uint32(addressOf(a)), nil }
func (a *apAction) String() string        { return a.Repr() }

var apActionFields = []string{"option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help", "metavar"}

func (a *apAction) Repr() string {
	parts := make([]string, len(apActionFields))
	for i, f := range apActionFields {
		v, _ := a.Attr(f)
		parts[i] = f + "=" + Repr(v)
	}
	return apActionClasses[a.kind] + "(" + strings.Join(parts, ", ") + ")"
}

func (a *apAction) AttrNames() []string {
	names := append([]string(nil), apActionFields...)
	if a.kind == "version" {
		names = append(names, "version")
	}
	return names
}

func (a *apAction) Attr(name string) (starlark.Value, error) {
	switch name {
	case "option_strings":
		l := make([]starlark.Value, len(a.optionStrings))
		for i, s := range a.optionStrings {
			l[i] = starlark.String(s)
		}
		return starlark.NewList(l), nil
	case "dest":
		return starlark.String(a.dest), nil
	case "nargs":
		return a.nargs, nil
	case "const":
		return a.constV, nil
	case "default":
		return a.defaultV, nil
	case "type":
		return a.typeV, nil
	case "choices":
		return a.choices, nil
	case "required":
		return starlark.Bool(a.required), nil
	case "help":
		return a.help, nil
	case "metavar":
		return a.metavar, nil
	case "version":
		if a.kind == "version" {
			return a.version, nil
		}
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", a.Type(), name)
}

func (a *apAction) SetField(name string, v starlark.Value) error {
	switch name {
	case "dest":
		s, ok := v.(starlark.String)
		if !ok {
			return pyErrorf("TypeError", "dest must be a str in this shell")
		}
		a.dest = string(s)
	case "nargs":
		a.nargs = v
	case "const":
		a.constV = v
	case "default":
		a.defaultV = v
	case "type":
		a.typeV = v
	case "choices":
		a.choices = v
	case "required":
		a.required = bool(v.Truth())
	case "help":
		a.help = v
	case "metavar":
		a.metavar = v
	case "version":
		a.version = v
	default:
		return pyErrorf("AttributeError", "'%s' object attribute '%s' cannot be set in this shell", a.Type(), name)
	}
	return nil
}

// nargsKind is nargs as a string: "" for None, "?", "*", "+", "...",
// "A...", "==SUPPRESS==", or "N" with n set.
func (a *apAction) nargsKind() (kind string, n int) {
	switch v := a.nargs.(type) {
	case starlark.NoneType:
		return "", 0
	case starlark.String:
		return string(v), 0
	}
	if x, ok := smallIntOf(a.nargs); ok {
		return "N", int(x)
	}
	return "invalid", 0
}

// helpSuppressed is help=argparse.SUPPRESS.
func (a *apAction) helpSuppressed() bool {
	s, ok := a.help.(starlark.String)
	return ok && string(s) == apSuppress
}

// name is _get_action_name: how messages name the argument.
func (a *apAction) name() string {
	switch {
	case len(a.optionStrings) > 0:
		return strings.Join(a.optionStrings, "/")
	case a.metavar != starlark.None && !isSuppress(a.metavar):
		return pyStr(a.metavar)
	case a.dest != apSuppress:
		return a.dest
	}
	return ""
}

func isSuppress(v starlark.Value) bool {
	s, ok := v.(starlark.String)
	return ok && string(s) == apSuppress
}

// newAPAction is the action class's __init__ for kind, with the keywords
// add_argument passed on (option_strings and dest already set).
func newAPAction(kind string, optionStrings []string, dest string, kw map[string]starlark.Value, order []string) (*apAction, error) {
	a := &apAction{kind: kind, optionStrings: optionStrings, dest: dest, nargs: starlark.None, constV: starlark.None,
		defaultV: starlark.None, typeV: starlark.None, choices: starlark.None, help: starlark.None, metavar: starlark.None, version: starlark.None}
	allowed := map[string]bool{}
	for _, p := range apActionParams[kind] {
		allowed[p] = true
	}
	for _, k := range order {
		if !allowed[k] {
			return nil, pyErrorf("TypeError", "%s.__init__() got an unexpected keyword argument '%s'", apActionClasses[kind], k)
		}
	}
	get := func(k string, def starlark.Value) starlark.Value {
		if v, ok := kw[k]; ok {
			return v
		}
		return def
	}
	a.nargs = get("nargs", starlark.None)
	a.constV = get("const", starlark.None)
	a.defaultV = get("default", starlark.None)
	a.typeV = get("type", starlark.None)
	a.choices = get("choices", starlark.None)
	a.required = bool(get("required", starlark.False).Truth())
	a.help = get("help", starlark.None)
	a.metavar = get("metavar", starlark.None)
	zero := starlark.MakeInt(0)
	switch kind {
	case "store", "append", "extend":
		if n, ok := smallIntOf(a.nargs); ok && n == 0 && isPyInt(a.nargs) {
			what := map[string]string{
				"store":  "nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate",
				"append": "nargs for append actions must be != 0; if arg strings are not supplying the value to append, the append const action may be more appropriate",
				"extend": "nargs for append actions must be != 0; if arg strings are not supplying the value to append, the append const action may be more appropriate",
			}[kind]
			return nil, pyErrorf("ValueError", "%s", what)
		}
		if a.constV != starlark.None {
			if k, _ := a.nargsKind(); k != "?" {
				return nil, pyErrorf("ValueError", "nargs must be '?' to supply const")
			}
		}
	case "store_const", "append_const":
		a.nargs = zero
		a.typeV, a.choices = starlark.None, starlark.None
	case "store_true", "store_false":
		a.nargs = zero
		a.constV = starlark.Bool(kind == "store_true")
		a.defaultV = get("default", starlark.Bool(kind == "store_false"))
	case "count":
		a.nargs = zero
	case "help":
		a.nargs = zero
		a.defaultV = get("default", starlark.String(apSuppress))
		if a.dest == "" {
			a.dest = apSuppress
		}
	case "version":
		a.nargs = zero
		a.defaultV = get("default", starlark.String(apSuppress))
		a.help = get("help", starlark.String("show program's version number and exit"))
		a.version = get("version", starlark.None)
	case "boolean":
		a.nargs = zero
		var opts []string
		for _, o := range optionStrings {
			opts = append(opts, o)
			if strings.HasPrefix(o, "--") {
				opts = append(opts, "--no-"+o[2:])
			}
		}
		a.optionStrings = opts
	}
	return a, nil
}

// apply is the action's __call__: record what the command line said.
func (a *apAction) apply(thread *starlark.Thread, p *apParser, ns namespaceLike, values starlark.Value, optionString string) error {
	switch a.kind {
	case "store":
		ns.set(a.dest, values)
	case "store_const", "store_true", "store_false":
		ns.set(a.dest, a.constV)
	case "append", "append_const", "extend":
		old, _ := ns.get(a.dest)
		var items []starlark.Value
		if old != nil && old != starlark.None {
			var err error
			if items, err = collect(thread, old); err != nil {
				return err
			}
		}
		switch a.kind {
		case "append":
			items = append(items, values)
		case "append_const":
			items = append(items, a.constV)
		default:
			more, err := collect(thread, values)
			if err != nil {
				return err
			}
			items = append(items, more...)
		}
		ns.set(a.dest, starlark.NewList(items))
	case "count":
		old, _ := ns.get(a.dest)
		if old == nil || old == starlark.None {
			old = starlark.MakeInt(0)
		}
		n, err := starlark.Binary(syntaxPlus, old, starlark.MakeInt(1))
		if err != nil {
			return asPyError(err)
		}
		ns.set(a.dest, n)
	case "help":
		if err := p.printOut(thread, p.formatHelp(thread), starlark.None); err != nil {
			return err
		}
		return exitFor(starlark.MakeInt(0))
	case "version":
		v := a.version
		if v == starlark.None {
			v, _ = p.attr("version")
		}
		f := p.formatter()
		text := f.formatText(pyStrOrNone(v))
		if err := p.printOut(thread, strings.TrimLeft(f.finish(text), "\n"), starlark.None); err != nil {
			return err
		}
		return exitFor(starlark.MakeInt(0))
	case "boolean":
		for _, o := range a.optionStrings {
			if o == optionString {
				ns.set(a.dest, starlark.Bool(!strings.HasPrefix(optionString, "--no-")))
			}
		}
	default:
		return fmt.Errorf("unknown action %s", a.kind)
	}
	return nil
}

func pyStrOrNone(v starlark.Value) string {
	if v == nil || v == starlark.None {
		return "None"
	}
	return pyStr(v)
}
