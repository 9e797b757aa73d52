package python

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"go.starlark.net/starlark"
)

// argparse.ArgumentParser and its argument groups. add_argument builds
// an apAction with _ActionsContainer's checks and messages; the parse
// itself is in argparse_parse.go, help and usage in argparse_help.go.

type apParser struct {
	in              *Interp
	prog            starlark.Value // None: basename of sys.argv[0], read when needed
	usage           starlark.Value
	description     starlark.Value
	epilog          starlark.Value
	formatterClass  starlark.Value
	prefixChars     string
	argumentDefault starlark.Value
	conflictHandler string
	addHelp         bool
	allowAbbrev     bool
	exitOnError     bool
	version         starlark.Value // parser.version, for action='version' without version=

	actions     []*apAction
	optionMap   map[string]*apAction
	groups      []*apGroup // argument groups, positionals and options first
	mutex       []*apGroup
	defaults    *starlark.Dict
	negNumOpts  bool // an option string looks like a negative number
	positionals *apGroup
	optionals   *apGroup
}

// apGroup is an argument group (a titled section of the help) or a
// mutually exclusive group.
type apGroup struct {
	parser      *apParser
	container   *apGroup // a mutually exclusive group's container; nil: the parser
	title       starlark.Value
	description starlark.Value
	actions     []*apAction
	mutex       bool
	required    bool
}

var apParserType = newGoType("argparse.ArgumentParser", "ArgumentParser",
	"An argument parser: add_argument() for each positional argument and option, then parse_args() reads sys.argv[1:] (or a list) into a Namespace; -h prints the help made from the arguments' help texts.",
	goMethod{"add_argument", apAddArgument, "parser.add_argument(name or flags..., action, nargs, const, default, type, choices, required, help, metavar, dest)", "Declare a positional argument ('host') or an option ('-p', '--port'). type=int converts it, default= is used when it is missing, action='store_true' makes a flag, action='count' counts -vvv, nargs='?', '*', '+' or N takes several values."},
	goMethod{"parse_args", apParseArgs, "parser.parse_args(args=None, namespace=None) -> Namespace", "Read the command line (sys.argv[1:], or the list given) into a Namespace. A mistake prints the usage and an error on stderr and exits with status 2; -h prints the help and exits."},
	goMethod{"parse_known_args", apParseKnownArgs, "parser.parse_known_args(args=None, namespace=None) -> (Namespace, [extra])", "Like parse_args(), but arguments it does not know are returned in a list instead of being an error."},
	goMethod{"add_argument_group", apAddArgumentGroup, "parser.add_argument_group(title=None, description=None)", "A titled section of the help; add_argument() on the group puts arguments in it."},
	goMethod{"add_mutually_exclusive_group", apAddMutexGroup, "parser.add_mutually_exclusive_group(required=False)", "Options of which at most one may be given (exactly one when required=True)."},
	goMethod{"print_help", apPrintHelp, "parser.print_help(file=None)", "Print the help (what -h shows) on stdout or file."},
	goMethod{"print_usage", apPrintUsage, "parser.print_usage(file=None)", "Print the usage line on stdout or file."},
	goMethod{"format_help", apFormatHelp, "parser.format_help() -> str", "The help text."},
	goMethod{"format_usage", apFormatUsage, "parser.format_usage() -> str", "The usage line."},
	goMethod{"error", apError, "parser.error(message)", "Print the usage and 'prog: error: message' on stderr and exit with status 2."},
	goMethod{"exit", apExit, "parser.exit(status=0, message=None)", "Print message on stderr, then exit with status."},
	goMethod{"set_defaults", apSetDefaults, "parser.set_defaults(**values)", "Values the Namespace gets whatever the command line says, or defaults for existing arguments."},
	goMethod{"get_default", apGetDefault, "parser.get_default(dest)", "The default of an argument."},
	goMethod{"add_subparsers", func(*starlark.Thread, starlark.Value, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, pyErrorf("NotImplementedError", "add_subparsers() is not available in this shell: use a positional argument with choices=['server', 'client'] and dispatch on it")
	}, "", ""},
)

var apGroupType = newGoType("argparse._ArgumentGroup", "_ArgumentGroup",
	"A group of arguments: a titled section of the help, or a set of options that exclude each other.",
	goMethod{"add_argument", apAddArgument, "group.add_argument(...)", "Add an argument to the parser, in this group."},
	goMethod{"add_mutually_exclusive_group", apAddMutexGroup, "group.add_mutually_exclusive_group(required=False)", "Options in this group of which at most one may be given."},
)

var (
	_ goValue = (*apParser)(nil)
	_ goValue = (*apGroup)(nil)
)

func (p *apParser) goType() *goType       { return apParserType }
func (p *apParser) Type() string          { return "ArgumentParser" }
func (p *apParser) Freeze()               {}
func (p *apParser) Truth() starlark.Bool  { return true }
func (p *apParser) Hash() (uint32, error) { return uint32(addressOf(p)), nil }
func (p *apParser) String() string        { return p.Repr() }
func (p *apParser) Repr() string {
	fc := p.formatterClass
	return fmt.Sprintf("ArgumentParser(prog=%s, usage=%s, description=%s, formatter_class=%s, conflict_handler=%s, add_help=%s)",
		Repr(starlark.String(p.progName())), Repr(p.usage), Repr(p.description), Repr(fc), Repr(starlark.String(p.conflictHandler)), Repr(starlark.Bool(p.addHelp)))
}

var apParserAttrs = []string{"add_help", "allow_abbrev", "argument_default", "conflict_handler", "description", "epilog",
	"exit_on_error", "formatter_class", "prefix_chars", "prog", "usage"}

func (p *apParser) AttrNames() []string { return apParserType.names(apParserAttrs...) }

func (p *apParser) Attr(name string) (starlark.Value, error) {
	if v, err := p.attr(name); err == nil {
		return v, nil
	}
	if m := apParserType.method(p, name); m != nil {
		return m, nil
	}
	return nil, apParserType.noAttr(name)
}

func (p *apParser) attr(name string) (starlark.Value, error) {
	switch name {
	case "prog":
		return starlark.String(p.progName()), nil
	case "usage":
		return p.usage, nil
	case "description":
		return p.description, nil
	case "epilog":
		return p.epilog, nil
	case "formatter_class":
		return p.formatterClass, nil
	case "prefix_chars":
		return starlark.String(p.prefixChars), nil
	case "argument_default":
		return p.argumentDefault, nil
	case "conflict_handler":
		return starlark.String(p.conflictHandler), nil
	case "add_help":
		return starlark.Bool(p.addHelp), nil
	case "allow_abbrev":
		return starlark.Bool(p.allowAbbrev), nil
	case "exit_on_error":
		return starlark.Bool(p.exitOnError), nil
	case "version":
		if p.version != nil {
			return p.version, nil
		}
	}
	return nil, pyErrorf("AttributeError", "'ArgumentParser' object has no attribute '%s'", name)
}

func (p *apParser) SetField(name string, v starlark.Value) error {
	switch name {
	case "prog":
		p.prog = v
	case "usage":
		p.usage = v
	case "description":
		p.description = v
	case "epilog":
		p.epilog = v
	case "formatter_class":
		p.formatterClass = v
	case "argument_default":
		p.argumentDefault = v
	case "allow_abbrev":
		p.allowAbbrev = bool(v.Truth())
	case "exit_on_error":
		p.exitOnError = bool(v.Truth())
	case "version":
		p.version = v
	default:
		return pyErrorf("AttributeError", "'ArgumentParser' object attribute '%s' cannot be set in this shell", name)
	}
	return nil
}

// progName is parser.prog: as given, or the base name of sys.argv[0].
func (p *apParser) progName() string {
	if p.prog != nil && p.prog != starlark.None {
		return pyStr(p.prog)
	}
	argv0 := ""
	if len(p.in.opt.Argv) > 0 {
		argv0 = p.in.opt.Argv[0]
	}
	if argv0 == "" {
		return ""
	}
	return filepath.Base(argv0)
}

func (p *apParser) formatterKind() string {
	if t, ok := p.formatterClass.(*pyType); ok {
		return shortName(t.name)
	}
	return "HelpFormatter"
}

func (g *apGroup) goType() *goType       { return apGroupType }
func (g *apGroup) Type() string          { return g.typeName() }
func (g *apGroup) Freeze()               {}
func (g *apGroup) Truth() starlark.Bool  { return true }
func (g *apGroup) Hash() (uint32, error) { return uint32(addressOf(g)), nil }
func (g *apGroup) String() string        { return g.Repr() }
func (g *apGroup) Repr() string {
	return fmt.Sprintf("<argparse.%s object at %#x>", g.typeName(), addressOf(g))
}
func (g *apGroup) typeName() string {
	if g.mutex {
		return "_MutuallyExclusiveGroup"
	}
	return "_ArgumentGroup"
}
func (g *apGroup) AttrNames() []string { return apGroupType.names("description", "required", "title") }
func (g *apGroup) Attr(name string) (starlark.Value, error) {
	switch name {
	case "title":
		return g.title, nil
	case "description":
		return g.description, nil
	case "required":
		if g.mutex {
			return starlark.Bool(g.required), nil
		}
	}
	if m := apGroupType.method(g, name); m != nil {
		return m, nil
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", g.typeName(), name)
}

func (g *apGroup) SetField(name string, v starlark.Value) error {
	switch name {
	case "title":
		g.title = v
	case "description":
		g.description = v
	case "required":
		g.required = bool(v.Truth())
	default:
		return pyErrorf("AttributeError", "'%s' object attribute '%s' cannot be set in this shell", g.typeName(), name)
	}
	return nil
}

// newAPParser is ArgumentParser(...).
func newAPParser(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := bindArgs("ArgumentParser.__init__", true, args, kwargs, "prog?", "usage?", "description?", "epilog?", "parents?",
		"formatter_class?", "prefix_chars?", "fromfile_prefix_chars?", "argument_default?", "conflict_handler?", "add_help?", "allow_abbrev?", "exit_on_error?")
	if err != nil {
		return nil, err
	}
	in := interpOf(thread)
	p := &apParser{in: in, prog: orNone(v[0]), usage: orNone(v[1]), description: orNone(v[2]), epilog: orNone(v[3]),
		formatterClass: apFormatterClasses["HelpFormatter"], prefixChars: "-", argumentDefault: orNone(v[8]),
		conflictHandler: "error", addHelp: true, allowAbbrev: true, exitOnError: true,
		optionMap: map[string]*apAction{}, defaults: starlark.NewDict(0)}
	if v[5] != nil {
		p.formatterClass = v[5]
	}
	if v[6] != nil {
		s, ok := v[6].(starlark.String)
		if !ok || s == "" {
			return nil, pyErrorf("TypeError", "prefix_chars must be a non-empty str in this shell")
		}
		p.prefixChars = string(s)
	}
	if v[7] != nil && v[7] != starlark.None {
		return nil, pyErrorf("NotImplementedError", "fromfile_prefix_chars is not available in this shell: files are not available; pass the arguments in a list to parse_args()")
	}
	if v[9] != nil {
		s, _ := v[9].(starlark.String)
		if s != "error" && s != "resolve" {
			return nil, pyErrorf("ValueError", "invalid conflict_resolution value: %s", Repr(v[9]))
		}
		p.conflictHandler = string(s)
	}
	if v[10] != nil {
		p.addHelp = bool(v[10].Truth())
	}
	if v[11] != nil {
		p.allowAbbrev = bool(v[11].Truth())
	}
	if v[12] != nil {
		p.exitOnError = bool(v[12].Truth())
	}
	p.positionals = p.newGroup(starlark.String("positional arguments"), starlark.None)
	p.optionals = p.newGroup(starlark.String("options"), starlark.None)
	if p.addHelp {
		prefix := "-"
		if !strings.Contains(p.prefixChars, "-") {
			prefix = p.prefixChars[:1]
		}
		if _, err := p.addArgument(thread, p.optionals, starlark.Tuple{starlark.String(prefix + "h"), starlark.String(prefix + prefix + "help")},
			[]starlark.Tuple{{starlark.String("action"), starlark.String("help")}, {starlark.String("default"), starlark.String(apSuppress)},
				{starlark.String("help"), starlark.String("show this help message and exit")}}); err != nil {
			return nil, err
		}
	}
	if v[4] != nil {
		parents, err := collect(thread, v[4])
		if err != nil {
			return nil, err
		}
		if len(parents) > 0 {
			return nil, pyErrorf("NotImplementedError", "parents= is not available in this shell: add the arguments to this parser")
		}
	}
	return p, nil
}

func (p *apParser) newGroup(title, description starlark.Value) *apGroup {
	g := &apGroup{parser: p, title: title, description: description}
	p.groups = append(p.groups, g)
	return g
}

// containerOf says which group an add_argument on recv goes to.
func containerOf(recv starlark.Value) (*apParser, *apGroup) {
	switch r := recv.(type) {
	case *apParser:
		return r, nil
	case *apGroup:
		return r.parser, r
	}
	return nil, nil
}

func apAddArgument(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, g := containerOf(recv)
	return p.addArgument(thread, g, args, kwargs)
}

var reNegativeNumber = regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)

// addArgument is _ActionsContainer.add_argument into group g (nil: the
// parser, which files options and positionals in their own groups).
func (p *apParser) addArgument(thread *starlark.Thread, g *apGroup, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw := map[string]starlark.Value{}
	var order []string
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		kw[k] = kv[1]
		order = append(order, k)
	}
	strs := make([]string, len(args))
	for i, a := range args {
		s, ok := a.(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "'%s' object is not subscriptable", pyTypeName(a))
		}
		strs[i] = string(s)
	}
	var optionStrings []string
	var dest string
	positional := len(strs) == 0 || len(strs) == 1 && (strs[0] == "" || !strings.ContainsRune(p.prefixChars, []rune(strs[0])[0]))
	if positional {
		if len(strs) == 1 {
			if _, ok := kw["dest"]; ok {
				return nil, pyErrorf("ValueError", "dest supplied twice for positional argument")
			}
			dest = strs[0]
		} else {
			d, ok := kw["dest"]
			if !ok {
				return nil, pyErrorf("TypeError", "_ActionsContainer._get_positional_kwargs() missing 1 required positional argument: 'dest'")
			}
			dest = pyStr(d)
		}
		if _, ok := kw["required"]; ok {
			return nil, pyErrorf("TypeError", "'required' is an invalid argument for positionals")
		}
		nargs, _ := kw["nargs"].(starlark.String)
		if kw["nargs"] == nil || (nargs != "?" && nargs != "*") {
			kw["required"] = starlark.True
		}
		if nargs == "*" {
			if _, ok := kw["default"]; !ok {
				kw["required"] = starlark.True
			}
		}
	} else {
		var long []string
		for _, s := range strs {
			if s == "" || !strings.ContainsRune(p.prefixChars, []rune(s)[0]) {
				return nil, pyErrorf("ValueError", "invalid option string %s: must start with a character %s", Repr(starlark.String(s)), Repr(starlark.String(p.prefixChars)))
			}
			optionStrings = append(optionStrings, s)
			if r := []rune(s); len(r) > 1 && strings.ContainsRune(p.prefixChars, r[1]) {
				long = append(long, s)
			}
		}
		if d, ok := kw["dest"]; ok && d != starlark.None {
			dest = pyStr(d)
		} else {
			first := optionStrings[0]
			if len(long) > 0 {
				first = long[0]
			}
			dest = strings.TrimLeft(first, p.prefixChars)
			if dest == "" {
				return nil, pyErrorf("ValueError", "dest= is required for options like %s", Repr(starlark.String(strs[len(strs)-1])))
			}
			dest = strings.ReplaceAll(dest, "-", "_")
		}
	}
	delete(kw, "dest")
	order = without(order, "dest")
	if _, ok := kw["default"]; !ok {
		if v, found, _ := p.defaults.Get(starlark.String(dest)); found {
			kw["default"] = v
			order = append(order, "default")
		} else if p.argumentDefault != starlark.None {
			kw["default"] = p.argumentDefault
			order = append(order, "default")
		}
	}
	kind := "store"
	if a, ok := kw["action"]; ok {
		delete(kw, "action")
		order = without(order, "action")
		switch x := a.(type) {
		case starlark.String:
			kind = string(x)
			if _, known := apActionClasses[kind]; !known || kind == "boolean" {
				return nil, pyErrorf("ValueError", "unknown action \"%s\"", string(x))
			}
		case *pyType:
			if x != apBooleanOptional {
				return nil, pyErrorf("NotImplementedError", "action=%s is not available in this shell: use one of the action strings ('store', 'store_true', 'count', 'append'...)", x.Repr())
			}
			kind = "boolean"
		case starlark.NoneType:
		default:
			if _, callable := a.(starlark.Callable); callable {
				return nil, pyErrorf("NotImplementedError", "action=%s is not available in this shell: use one of the action strings ('store', 'store_true', 'count', 'append'...)", Repr(a))
			}
			return nil, pyErrorf("ValueError", "unknown action \"%s\"", pyStr(a))
		}
	}
	if _, ok := kw["required"]; ok && !contains(order, "required") {
		order = append(order, "required") // set above for a positional
	}
	a, err := newAPAction(kind, optionStrings, dest, kw, order)
	if err != nil {
		return nil, err
	}
	t := a.typeV
	if t != starlark.None {
		if _, ok := t.(starlark.Callable); !ok {
			return nil, pyErrorf("ValueError", "%s is not callable", Repr(t))
		}
	}
	f := p.formatter()
	f.thread = thread
	if _, err := f.tryFormatArgs(a, ""); err != nil {
		return nil, err
	}
	return a, p.addAction(g, a)
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addAction files a in group g (nil: by kind), checking conflicts.
func (p *apParser) addAction(g *apGroup, a *apAction) error {
	var mutex *apGroup
	if g != nil && g.mutex {
		if a.required {
			return pyErrorf("ValueError", "mutually exclusive arguments must be optional")
		}
		mutex, g = g, g.container
	}
	if g == nil {
		g = p.positionals
		if len(a.optionStrings) > 0 {
			g = p.optionals
		}
	}
	var conflicts []string
	for _, o := range a.optionStrings {
		if _, ok := p.optionMap[o]; ok {
			conflicts = append(conflicts, o)
		}
	}
	if len(conflicts) > 0 {
		if p.conflictHandler == "error" {
			word := "string"
			if len(conflicts) > 1 {
				word = "strings"
			}
			return &PyError{Class: "argparse.ArgumentError", Msg: fmt.Sprintf("argument %s: conflicting option %s: %s", a.name(), word, strings.Join(conflicts, ", "))}
		}
		for _, o := range conflicts {
			old := p.optionMap[o]
			old.optionStrings = without(old.optionStrings, o)
			delete(p.optionMap, o)
			if len(old.optionStrings) == 0 {
				p.removeAction(old)
			}
		}
	}
	p.actions = append(p.actions, a)
	for _, o := range a.optionStrings {
		p.optionMap[o] = a
		if reNegativeNumber.MatchString(o) {
			p.negNumOpts = true
		}
	}
	g.actions = append(g.actions, a)
	if mutex != nil {
		mutex.actions = append(mutex.actions, a)
	}
	return nil
}

func (p *apParser) removeAction(a *apAction) {
	drop := func(list []*apAction) []*apAction {
		var out []*apAction
		for _, x := range list {
			if x != a {
				out = append(out, x)
			}
		}
		return out
	}
	p.actions = drop(p.actions)
	for _, g := range append(append([]*apGroup(nil), p.groups...), p.mutex...) {
		g.actions = drop(g.actions)
	}
}

func apAddArgumentGroup(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, _ := containerOf(recv)
	v, err := bindArgs("_ActionsContainer.add_argument_group", true, args, kwargs, "title?", "description?")
	if err != nil {
		return nil, err
	}
	return p.newGroup(orNone(v[0]), orNone(v[1])), nil
}

func apAddMutexGroup(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, g := containerOf(recv)
	v, err := bindArgs("_MutuallyExclusiveGroup.__init__", true, args, kwargs, "required?")
	if err != nil {
		return nil, err
	}
	m := &apGroup{parser: p, container: g, mutex: true, title: starlark.None, description: starlark.None,
		required: v[0] != nil && bool(v[0].Truth())}
	p.mutex = append(p.mutex, m)
	return m, nil
}

// printOut writes text to file, or stdout when file is None.
func (p *apParser) printOut(thread *starlark.Thread, text string, file starlark.Value) error {
	if text == "" {
		return nil
	}
	if file == nil || file == starlark.None {
		printText(thread, text)
		return nil
	}
	return writeTo(thread, file, text)
}

func apPrintHelp(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	v, err := bindArgs("ArgumentParser.print_help", true, args, kwargs, "file?")
	if err != nil {
		return nil, err
	}
	return starlark.None, p.printOut(thread, p.formatHelp(thread), orNone(v[0]))
}

func apPrintUsage(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	v, err := bindArgs("ArgumentParser.print_usage", true, args, kwargs, "file?")
	if err != nil {
		return nil, err
	}
	return starlark.None, p.printOut(thread, p.formatUsage(), orNone(v[0]))
}

func apFormatHelp(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := bindArgs("ArgumentParser.format_help", true, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(recv.(*apParser).formatHelp(thread)), nil
}

func apFormatUsage(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := bindArgs("ArgumentParser.format_usage", true, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(recv.(*apParser).formatUsage()), nil
}

// fail is parser.error(message): usage and the message on stderr, then
// SystemExit(2).
func (p *apParser) fail(message string) error {
	p.in.opt.Stderr(p.formatUsage())
	p.in.opt.Stderr(p.progName() + ": error: " + message + "\n")
	return exitFor(starlark.MakeInt(2))
}

func apError(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := bindArgs("ArgumentParser.error", true, args, kwargs, "message")
	if err != nil {
		return nil, err
	}
	return nil, recv.(*apParser).fail(pyStr(v[0]))
}

func apExit(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := bindArgs("ArgumentParser.exit", true, args, kwargs, "status?", "message?")
	if err != nil {
		return nil, err
	}
	if m := orNone(v[1]); m.Truth() {
		recv.(*apParser).in.opt.Stderr(pyStr(m))
	}
	status := v[0]
	if status == nil {
		status = starlark.MakeInt(0)
	}
	return nil, exitFor(status)
}

func apSetDefaults(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "_ActionsContainer.set_defaults() takes 1 positional argument but %d were given", len(args)+1)
	}
	for _, kv := range kwargs {
		p.defaults.SetKey(kv[0], kv[1])
		for _, a := range p.actions {
			if a.dest == string(kv[0].(starlark.String)) {
				a.defaultV = kv[1]
			}
		}
	}
	return starlark.None, nil
}

func apGetDefault(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	v, err := bindArgs("_ActionsContainer.get_default", true, args, kwargs, "dest")
	if err != nil {
		return nil, err
	}
	for _, a := range p.actions {
		if starlark.String(a.dest) == v[0] && a.defaultV != starlark.None {
			return a.defaultV, nil
		}
	}
	d, found, _ := p.defaults.Get(v[0])
	if !found {
		return starlark.None, nil
	}
	return d, nil
}
