package python

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// goType is a Python type implemented in Go that programs use but do not
// subclass: a poll object, a selector, a socket file, an argument
// parser. It holds the type's names, its methods (each made once as a
// builtin and bound to the receiver when looked up, as socket methods
// are) and each method's help.
type goType struct {
	qualified string // type() and help: "select.poll", "selectors.EpollSelector"
	tpName    string // what CPython's messages call it: "select.poll", "EpollSelector"
	intro     string // help(obj)'s first line
	methods   map[string]*starlark.Builtin
	docs      map[string]helpDoc
	class     *pyType
	bases     []string // qualified names isinstance also accepts
}

// goMethod is one method of a goType.
type goMethod struct {
	name     string
	fn       func(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	sig, doc string
}

// goValue is a value of a goType.
type goValue interface {
	starlark.Value
	goType() *goType
}

func newGoType(qualified, tpName, intro string, methods ...goMethod) *goType {
	t := &goType{qualified: qualified, tpName: tpName, intro: intro,
		methods: map[string]*starlark.Builtin{}, docs: map[string]helpDoc{}}
	for _, m := range methods {
		m := m
		t.methods[m.name] = starlark.NewBuiltin(m.name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return m.fn(thread, b.Receiver(), args, kwargs)
		})
		if m.sig != "" {
			t.docs[m.name] = helpDoc{sig: m.sig, text: m.doc}
		}
	}
	t.class = &pyType{name: qualified}
	return t
}

// method is recv's bound method called name, or nil.
func (t *goType) method(recv starlark.Value, name string) starlark.Value {
	if b, ok := t.methods[name]; ok {
		return b.BindReceiver(recv)
	}
	return nil
}

// noAttr is the AttributeError for a name the type does not have.
func (t *goType) noAttr(name string) error {
	return pyErrorf("AttributeError", "'%s' object has no attribute '%s'", t.tpName, name)
}

// names lists the methods and extra attributes, sorted, for dir().
func (t *goType) names(extra ...string) []string {
	out := append([]string(nil), extra...)
	for n := range t.methods {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// help is help(obj): the intro and every documented method.
func (t *goType) help() string {
	var b strings.Builder
	b.WriteString(t.intro + "\n\n")
	for _, n := range docKeys(t.docs) {
		b.WriteString("  " + t.docs[n].sig + "\n      " + t.docs[n].text + "\n")
	}
	return b.String()
}

// goMethodDoc finds the help of a bound method of a goType value.
func goMethodDoc(b *starlark.Builtin) (helpDoc, bool) {
	v, ok := b.Receiver().(goValue)
	if !ok {
		return helpDoc{}, false
	}
	d, ok := v.goType().docs[b.Name()]
	return d, ok
}

// noKwargs is the complaint of a C method that takes no keywords.
func noKwargs(name string, kwargs []starlark.Tuple) error {
	if len(kwargs) > 0 {
		return pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	return nil
}

// bindArgs binds a call's arguments to the parameters of a function
// written in Python, with CPython's complaints. A parameter is a name,
// "name?" when it has a default, "*name" (or "*name?") when it is
// keyword-only. method says the function is a method: its receiver
// counts in the positional numbers, as CPython counts self. Absent
// optional parameters are nil.
func bindArgs(fn string, method bool, args starlark.Tuple, kwargs []starlark.Tuple, params ...string) ([]starlark.Value, error) {
	type param struct {
		name     string
		optional bool
		kwOnly   bool
	}
	ps := make([]param, len(params))
	positional, required := 0, 0
	for i, p := range params {
		ps[i].kwOnly = strings.HasPrefix(p, "*")
		ps[i].optional = strings.HasSuffix(p, "?")
		ps[i].name = strings.TrimSuffix(strings.TrimPrefix(p, "*"), "?")
		if !ps[i].kwOnly {
			positional++
			if !ps[i].optional {
				required++
			}
		}
	}
	self := 0
	if method {
		self = 1
	}
	out := make([]starlark.Value, len(ps))
	if len(args) > positional {
		n := positional + self
		took := itoa(n) + " positional argument"
		if n != 1 {
			took += "s"
		}
		if required < positional {
			took = "from " + itoa(required+self) + " to " + itoa(n) + " positional arguments"
		}
		verb := "were"
		if len(args)+self == 1 {
			verb = "was"
		}
		return nil, pyErrorf("TypeError", "%s() takes %s but %d %s given", fn, took, len(args)+self, verb)
	}
	copy(out, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := -1
		for j, p := range ps {
			if p.name == k {
				i = j
			}
		}
		if i < 0 {
			return nil, pyErrorf("TypeError", "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if out[i] != nil {
			return nil, pyErrorf("TypeError", "%s() got multiple values for argument '%s'", fn, k)
		}
		out[i] = kv[1]
	}
	for _, kwOnly := range []bool{false, true} {
		var missing []string
		for i, p := range ps {
			if p.kwOnly == kwOnly && !p.optional && out[i] == nil {
				missing = append(missing, "'"+p.name+"'")
			}
		}
		if len(missing) == 0 {
			continue
		}
		kind := "positional"
		if kwOnly {
			kind = "keyword-only"
		}
		plural := "argument"
		if len(missing) > 1 {
			plural = "arguments"
		}
		return nil, pyErrorf("TypeError", "%s() missing %d required %s %s: %s", fn, len(missing), kind, plural, nameList(missing))
	}
	return out, nil
}

// nameList is CPython's list of names in a message: 'a', 'a' and 'b',
// 'a', 'b', and 'c'.
func nameList(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}
