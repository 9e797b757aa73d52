package python

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The parse: ArgumentParser._parse_known_args ported step by step. The
// command line becomes a pattern, one letter per string ('O' an option,
// 'A' an argument, '-' for '--'), and each action's nargs becomes a
// regular expression over it; options are consumed where they stand and
// the positionals greedily in between, so the same command line splits
// the same way it does in CPython. Go's regexp picks the leftmost-first
// match and submatches, as Python's backtracking engine does for these
// patterns.

var syntaxPlus = syntax.PLUS

// apArgError is argparse.ArgumentError: a message about one argument.
type apArgError struct {
	action *apAction
	msg    string
}

func (e *apArgError) Error() string {
	if e.action == nil || e.action.name() == "" {
		return e.msg
	}
	return "argument " + e.action.name() + ": " + e.msg
}

// optionTuple is what _parse_optional found for one string.
type optionTuple struct {
	action   *apAction // nil: looks like an option nobody declared
	option   string
	explicit *string // the part after '=' (or after a short option)
}

func apParseArgs(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	v, err := bindArgs("ArgumentParser.parse_args", true, args, kwargs, "args?", "namespace?")
	if err != nil {
		return nil, err
	}
	ns, extras, err := p.parseKnown(thread, orNone(v[0]), orNone(v[1]))
	if err != nil {
		return nil, err
	}
	if len(extras) > 0 {
		return nil, p.fail("unrecognized arguments: " + strings.Join(extras, " "))
	}
	return ns, nil
}

func apParseKnownArgs(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*apParser)
	v, err := bindArgs("ArgumentParser.parse_known_args", true, args, kwargs, "args?", "namespace?")
	if err != nil {
		return nil, err
	}
	ns, extras, err := p.parseKnown(thread, orNone(v[0]), orNone(v[1]))
	if err != nil {
		return nil, err
	}
	l := make([]starlark.Value, len(extras))
	for i, e := range extras {
		l[i] = starlark.String(e)
	}
	return starlark.Tuple{ns, starlark.NewList(l)}, nil
}

// parseKnown is parse_known_args: defaults first, then the parse; an
// ArgumentError becomes parser.error().
func (p *apParser) parseKnown(thread *starlark.Thread, argsV, nsV starlark.Value) (starlark.Value, []string, error) {
	var strs []string
	if argsV == starlark.None {
		sys, _ := p.in.module("sys")
		argv, err := getAttr(sys, "argv")
		if err != nil {
			return nil, nil, err
		}
		items, err := collect(thread, argv)
		if err != nil {
			return nil, nil, err
		}
		if len(items) > 0 {
			items = items[1:]
		}
		argsV = starlark.NewList(items)
	}
	items, err := collect(thread, argsV)
	if err != nil {
		return nil, nil, err
	}
	for _, it := range items {
		s, ok := it.(starlark.String)
		if !ok {
			return nil, nil, pyErrorf("TypeError", "'%s' object is not subscriptable in this shell: parse_args() takes a list of str", pyTypeName(it))
		}
		strs = append(strs, string(s))
	}
	var ns namespaceLike
	if nsV == starlark.None {
		ns = &apNamespace{attrs: starlark.NewDict(0)}
	} else if n, ok := nsV.(namespaceLike); ok {
		ns = n
	} else {
		ns = &attrNamespace{thread: thread, v: nsV}
	}
	for _, a := range p.actions {
		if a.dest != apSuppress {
			if _, ok := ns.get(a.dest); !ok && !isSuppress(a.defaultV) {
				ns.set(a.dest, a.defaultV)
			}
		}
	}
	for _, kv := range p.defaults.Items() {
		if _, ok := ns.get(pyStr(kv[0])); !ok {
			ns.set(pyStr(kv[0]), kv[1])
		}
	}
	extras, err := p.parse(thread, strs, ns)
	var ae *apArgError
	if errors.As(err, &ae) {
		if p.exitOnError {
			return nil, nil, p.fail(ae.Error())
		}
		return nil, nil, &PyError{Class: "argparse.ArgumentError", Msg: ae.Error()}
	}
	if err != nil {
		return nil, nil, err
	}
	return ns.value(), extras, nil
}

// nargsPattern is _get_nargs_pattern.
func (a *apAction) nargsPattern() string {
	k, n := a.nargsKind()
	var pat string
	switch k {
	case "":
		pat = "(-*A-*)"
	case "?":
		pat = "(-*A?-*)"
	case "*":
		pat = "(-*[A-]*)"
	case "+":
		pat = "(-*A[A-]*)"
	case "...":
		pat = "([-AO]*)"
	case "A...":
		pat = "(-*A[-AO]*)"
	case apSuppress:
		pat = "(-*-*)"
	default:
		parts := make([]string, n)
		for i := range parts {
			parts[i] = "A"
		}
		pat = "(-*" + strings.Join(parts, "-*") + "-*)"
	}
	if len(a.optionStrings) > 0 {
		pat = strings.ReplaceAll(pat, "-*", "")
		pat = strings.ReplaceAll(pat, "-", "")
	}
	return pat
}

var nargsRegexps = map[string]*regexp.Regexp{}

func matchPrefix(pattern, s string) []string {
	re, ok := nargsRegexps[pattern]
	if !ok {
		re = regexp.MustCompile("^(?:" + pattern + ")")
		if len(nargsRegexps) < 1000 {
			nargsRegexps[pattern] = re
		}
	}
	return re.FindStringSubmatch(s)
}

// matchArgument is _match_argument: how many strings an option takes.
func (p *apParser) matchArgument(a *apAction, pattern string) (int, error) {
	m := matchPrefix(a.nargsPattern(), pattern)
	if m == nil {
		k, n := a.nargsKind()
		msg := map[string]string{"": "expected one argument", "?": "expected at most one argument", "+": "expected at least one argument"}[k]
		if msg == "" {
			if n == 1 {
				msg = "expected 1 argument"
			} else {
				msg = fmt.Sprintf("expected %d arguments", n)
			}
		}
		return 0, &apArgError{a, msg}
	}
	return len(m[1]), nil
}

// matchPartial is _match_arguments_partial: as many positionals as the
// pattern can satisfy, with the strings each takes.
func matchPartial(actions []*apAction, pattern string) []int {
	for i := len(actions); i > 0; i-- {
		var pat strings.Builder
		for _, a := range actions[:i] {
			pat.WriteString(a.nargsPattern())
		}
		if m := matchPrefix(pat.String(), pattern); m != nil {
			out := make([]int, 0, i)
			for _, g := range m[1:] {
				out = append(out, len(g))
			}
			return out
		}
	}
	return nil
}

// parseOptional is _parse_optional: nil when the string is an argument.
func (p *apParser) parseOptional(s string) (*optionTuple, error) {
	if s == "" || !strings.ContainsRune(p.prefixChars, []rune(s)[0]) {
		return nil, nil
	}
	if a, ok := p.optionMap[s]; ok {
		return &optionTuple{action: a, option: s}, nil
	}
	if len([]rune(s)) == 1 {
		return nil, nil
	}
	if opt, arg, ok := strings.Cut(s, "="); ok {
		if a, found := p.optionMap[opt]; found {
			return &optionTuple{action: a, option: opt, explicit: &arg}, nil
		}
	}
	tuples, err := p.optionTuples(s)
	if err != nil {
		return nil, err
	}
	if len(tuples) > 1 {
		names := make([]string, len(tuples))
		for i, t := range tuples {
			names[i] = t.option
		}
		return nil, p.fail(fmt.Sprintf("ambiguous option: %s could match %s", s, strings.Join(names, ", ")))
	}
	if len(tuples) == 1 {
		return &tuples[0], nil
	}
	if reNegativeNumber.MatchString(s) && !p.negNumOpts {
		return nil, nil
	}
	if strings.Contains(s, " ") {
		return nil, nil
	}
	return &optionTuple{option: s}, nil
}

// optionTuples is _get_option_tuples: the options s may abbreviate.
func (p *apParser) optionTuples(s string) ([]optionTuple, error) {
	r := []rune(s)
	var out []optionTuple
	pc := p.prefixChars
	// The option map in insertion order, as CPython's dict gives it.
	var options []string
	for _, a := range p.actions {
		for _, o := range a.optionStrings {
			if p.optionMap[o] == a {
				options = append(options, o)
			}
		}
	}
	switch {
	case strings.ContainsRune(pc, r[0]) && strings.ContainsRune(pc, r[1]):
		if p.allowAbbrev {
			prefix, explicit := s, (*string)(nil)
			if before, after, ok := strings.Cut(s, "="); ok {
				prefix, explicit = before, &after
			}
			for _, o := range options {
				if strings.HasPrefix(o, prefix) {
					out = append(out, optionTuple{action: p.optionMap[o], option: o, explicit: explicit})
				}
			}
		}
	case strings.ContainsRune(pc, r[0]):
		short := string(r[:2])
		rest := string(r[2:])
		for _, o := range options {
			if o == short {
				arg := rest
				out = append(out, optionTuple{action: p.optionMap[o], option: o, explicit: &arg})
			} else if strings.HasPrefix(o, s) {
				out = append(out, optionTuple{action: p.optionMap[o], option: o})
			}
		}
	default:
		return nil, p.fail("unexpected option string: " + s)
	}
	return out, nil
}

// parse is _parse_known_args: it fills ns and returns the strings that
// matched nothing.
func (p *apParser) parse(thread *starlark.Thread, args []string, ns namespaceLike) ([]string, error) {
	conflicts := map[*apAction][]*apAction{}
	for _, g := range p.mutex {
		for i, a := range g.actions {
			conflicts[a] = append(conflicts[a], g.actions[:i]...)
			conflicts[a] = append(conflicts[a], g.actions[i+1:]...)
		}
	}
	optionAt := map[int]*optionTuple{}
	var pattern strings.Builder
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			pattern.WriteByte('-')
			for i++; i < len(args); i++ {
				pattern.WriteByte('A')
			}
			break
		}
		t, err := p.parseOptional(args[i])
		if err != nil {
			return nil, err
		}
		if t == nil {
			pattern.WriteByte('A')
		} else {
			optionAt[i] = t
			pattern.WriteByte('O')
		}
	}
	pat := pattern.String()
	seen := map[*apAction]bool{}
	seenNonDefault := map[*apAction]bool{}
	var extras []string

	takeAction := func(a *apAction, strs []string, option string) error {
		seen[a] = true
		values, err := p.getValues(thread, a, strs)
		if err != nil {
			return err
		}
		if !identical(values, a.defaultV) {
			seenNonDefault[a] = true
			for _, c := range conflicts[a] {
				if seenNonDefault[c] {
					return &apArgError{a, "not allowed with argument " + c.name()}
				}
			}
		}
		if isSuppress(values) {
			return nil
		}
		return a.apply(thread, p, ns, values, option)
	}

	consumeOptional := func(start int) (int, error) {
		t := optionAt[start]
		a, option, explicit := t.action, t.option, t.explicit
		type step struct {
			a      *apAction
			args   []string
			option string
		}
		var steps []step
		stop := 0
		for {
			if a == nil {
				extras = append(extras, args[start])
				return start + 1, nil
			}
			if explicit != nil {
				count, err := p.matchArgument(a, "A")
				if err != nil {
					return 0, err
				}
				r := []rune(option)
				if count == 0 && !strings.ContainsRune(p.prefixChars, r[1]) && *explicit != "" {
					// -xyz: -x takes nothing, so y is the next short option.
					steps = append(steps, step{a, nil, option})
					er := []rune(*explicit)
					option = string(r[0]) + string(er[0])
					var next *string
					if len(er) > 1 {
						rest := string(er[1:])
						next = &rest
					}
					if na, ok := p.optionMap[option]; ok {
						a, explicit = na, next
					} else {
						return 0, &apArgError{a, fmt.Sprintf("ignored explicit argument %s", Repr(starlark.String(*explicit)))}
					}
				} else if count == 1 {
					stop = start + 1
					steps = append(steps, step{a, []string{*explicit}, option})
					break
				} else {
					return 0, &apArgError{a, fmt.Sprintf("ignored explicit argument %s", Repr(starlark.String(*explicit)))}
				}
			} else {
				from := start + 1
				count, err := p.matchArgument(a, pat[from:])
				if err != nil {
					return 0, err
				}
				stop = from + count
				steps = append(steps, step{a, append([]string(nil), args[from:stop]...), option})
				break
			}
		}
		for _, s := range steps {
			if err := takeAction(s.a, s.args, s.option); err != nil {
				return 0, err
			}
		}
		return stop, nil
	}

	var positionals []*apAction
	for _, a := range p.actions {
		if len(a.optionStrings) == 0 {
			positionals = append(positionals, a)
		}
	}
	consumePositionals := func(start int) (int, error) {
		counts := matchPartial(positionals, pat[start:])
		for i, n := range counts {
			strs := append([]string(nil), args[start:start+n]...)
			start += n
			if err := takeAction(positionals[i], strs, ""); err != nil {
				return 0, err
			}
		}
		positionals = positionals[len(counts):]
		return start, nil
	}

	maxOption := -1
	for i := range optionAt {
		maxOption = max(maxOption, i)
	}
	start := 0
	for start <= maxOption {
		next := -1
		for i := range optionAt {
			if i >= start && (next < 0 || i < next) {
				next = i
			}
		}
		if start != next {
			end, err := consumePositionals(start)
			if err != nil {
				return nil, err
			}
			if end > start {
				start = end
				continue
			}
			start = end
		}
		if _, ok := optionAt[start]; !ok {
			extras = append(extras, args[start:next]...)
			start = next
		}
		var err error
		if start, err = consumeOptional(start); err != nil {
			return nil, err
		}
	}
	stop, err := consumePositionals(start)
	if err != nil {
		return nil, err
	}
	extras = append(extras, args[stop:]...)

	var required []string
	for _, a := range p.actions {
		if seen[a] {
			continue
		}
		if a.required {
			required = append(required, a.name())
			continue
		}
		// A string default goes through type= like a command-line value.
		if s, ok := a.defaultV.(starlark.String); ok && a.dest != apSuppress {
			if cur, found := ns.get(a.dest); found && identical(cur, s) {
				v, err := p.getValue(thread, a, string(s))
				if err != nil {
					return nil, err
				}
				ns.set(a.dest, v)
			}
		}
	}
	if len(required) > 0 {
		return nil, p.fail("the following arguments are required: " + strings.Join(required, ", "))
	}
	for _, g := range p.mutex {
		if !g.required {
			continue
		}
		found := false
		for _, a := range g.actions {
			if seenNonDefault[a] {
				found = true
			}
		}
		if !found {
			var names []string
			for _, a := range g.actions {
				if !a.helpSuppressed() {
					names = append(names, a.name())
				}
			}
			return nil, p.fail("one of the arguments " + strings.Join(names, " ") + " is required")
		}
	}
	return extras, nil
}

// getValues is _get_values: the strings an action took, converted.
func (p *apParser) getValues(thread *starlark.Thread, a *apAction, strs []string) (starlark.Value, error) {
	k, _ := a.nargsKind()
	if k != "A..." && k != "..." {
		for i, s := range strs {
			if s == "--" {
				strs = append(strs[:i:i], strs[i+1:]...)
				break
			}
		}
	}
	convertAll := func() ([]starlark.Value, error) {
		out := make([]starlark.Value, len(strs))
		for i, s := range strs {
			v, err := p.getValue(thread, a, s)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	switch {
	case len(strs) == 0 && k == "?":
		v := a.defaultV
		if len(a.optionStrings) > 0 {
			v = a.constV
		}
		if s, ok := v.(starlark.String); ok {
			var err error
			if v, err = p.getValue(thread, a, string(s)); err != nil {
				return nil, err
			}
			if err := p.checkValue(thread, a, v); err != nil {
				return nil, err
			}
		}
		return v, nil
	case len(strs) == 0 && k == "*" && len(a.optionStrings) == 0:
		var v starlark.Value = starlark.NewList(nil)
		if a.defaultV != starlark.None {
			v = a.defaultV
		}
		return v, p.checkValue(thread, a, v)
	case len(strs) == 1 && (k == "" || k == "?"):
		v, err := p.getValue(thread, a, strs[0])
		if err != nil {
			return nil, err
		}
		return v, p.checkValue(thread, a, v)
	case k == "...":
		vals, err := convertAll()
		if err != nil {
			return nil, err
		}
		return starlark.NewList(vals), nil
	case k == "A...":
		vals, err := convertAll()
		if err != nil {
			return nil, err
		}
		if len(vals) > 0 {
			if err := p.checkValue(thread, a, vals[0]); err != nil {
				return nil, err
			}
		}
		return starlark.NewList(vals), nil
	case k == apSuppress:
		return starlark.String(apSuppress), nil
	}
	vals, err := convertAll()
	if err != nil {
		return nil, err
	}
	for _, v := range vals {
		if err := p.checkValue(thread, a, v); err != nil {
			return nil, err
		}
	}
	return starlark.NewList(vals), nil
}

// getValue is _get_value: type(string), with argparse's messages for a
// conversion that fails.
func (p *apParser) getValue(thread *starlark.Thread, a *apAction, s string) (starlark.Value, error) {
	if a.typeV == starlark.None {
		return starlark.String(s), nil
	}
	if _, ok := a.typeV.(starlark.Callable); !ok {
		return nil, &apArgError{a, Repr(a.typeV) + " is not callable"}
	}
	v, err := starlark.Call(thread, a.typeV, starlark.Tuple{starlark.String(s)}, nil)
	if err == nil {
		return v, nil
	}
	pe := asPyError(err)
	cls := exceptionClassOf(pe)
	switch {
	case cls.isSubclass(classByName("argparse.ArgumentTypeError")):
		return nil, &apArgError{a, pe.Msg}
	case cls.isSubclass(exceptionClasses["TypeError"]), cls.isSubclass(exceptionClasses["ValueError"]):
		return nil, &apArgError{a, fmt.Sprintf("invalid %s value: %s", typeName(a.typeV), Repr(starlark.String(s)))}
	}
	return nil, err
}

// checkValue is _check_value: the value must be one of choices.
func (p *apParser) checkValue(thread *starlark.Thread, a *apAction, v starlark.Value) error {
	if a.choices == starlark.None {
		return nil
	}
	in, err := starlark.Binary(syntax.IN, v, a.choices)
	if err != nil {
		return asPyError(err)
	}
	if in.Truth() {
		return nil
	}
	items, err := collect(thread, a.choices)
	if err != nil {
		return err
	}
	reprs := make([]string, len(items))
	for i, c := range items {
		reprs[i] = Repr(c)
	}
	return &apArgError{a, fmt.Sprintf("invalid choice: %s (choose from %s)", Repr(v), strings.Join(reprs, ", "))}
}
