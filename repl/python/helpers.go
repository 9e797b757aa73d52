package python

import (
	"strings"

	"fmt"
	"maps"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/repl/python/translate"
)

// newHelpers makes the values lowered code calls, one per
// translate.Helper, and checks that none is missing.
func (in *Interp) newHelpers() starlark.StringDict {
	// Helpers that keep nothing of their args tuple borrow it: lowered
	// operators (==, [], %, try) then cost no allocation for their
	// operands. A helper that passes args on whole, or keeps a part of
	// it, must copy (starlark.NewBorrowingBuiltin).
	borrows := map[translate.Helper]bool{
		translate.HEcho: true, translate.HTry: true, translate.HWith: true, translate.HRet: true,
		translate.HUnbind: true, translate.HSetSlot: true, translate.HMod: true,
		translate.HTrueDiv: true, translate.HFloorDiv: true, translate.HPow: true,
		translate.HEq: true, translate.HNe: true, translate.HLt: true, translate.HLe: true,
		translate.HGt: true, translate.HGe: true, translate.HIn: true, translate.HNotIn: true,
		translate.HIs: true, translate.HGetItem: true, translate.HDelItem: true,
		translate.HDelAttr: true, translate.HGetAttr: true, translate.HFString: true,
		translate.HSockOnly: true,
	}
	b := func(h translate.Helper, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) (translate.Helper, starlark.Value) {
		if borrows[h] {
			return h, starlark.NewBorrowingBuiltin(string(h), fn)
		}
		return h, starlark.NewBuiltin(string(h), fn)
	}
	// The operators' helpers also say which operator they are: CALL
	// answers them itself for two ints or strings, a list or tuple and
	// an int index in range, a str or int key of a dict, a str in a str
	// or bytes in bytes (starlark patch 19), as these helpers would.
	fast := func(h translate.Helper, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error), op syntax.Token) (translate.Helper, starlark.Value) {
		return h, starlark.NewBorrowingBuiltin(string(h), fn).WithFastOp(op)
	}
	table := map[translate.Helper]starlark.Value{
		translate.HGlobals:  globalStore{in: in},
		translate.HEllipsis: ellipsis,
	}
	for _, kv := range []struct {
		h translate.Helper
		v starlark.Value
	}{
		pair(b(translate.HEcho, in.echoValue)),
		pair(b(translate.HTry, helperTry)),
		pair(b(translate.HWith, helperWith)),
		pair(b(translate.HRet, helperRet)),
		pair(b(translate.HRaise, helperRaise)),
		pair(b(translate.HReraise, helperReraise)),
		pair(b(translate.HAssert, helperAssert)),
		pair(b(translate.HBox, helperBox)),
		pair(b(translate.HUnbind, helperUnbind)),
		pair(b(translate.HSetSlot, helperSetSlot)),
		pair(b(translate.HSetGlobal, globalStore{in: in}.helperSetGlobal)),
		pair(b(translate.HDelGlobal, globalStore{in: in}.helperDelGlobal)),
		pair(b(translate.HClass, in.helperClass)),
		pair(b(translate.HSuper, helperSuper)),
		pair(b(translate.HGenerator, in.helperGenerator)),
		pair(b(translate.HYield, helperYield)),
		pair(b(translate.HYieldFrom, helperYieldFrom)),
		pair(b(translate.HGenExp, helperGenExp)),
		pair(b(translate.HEnter, helperEnter)),
		pair(b(translate.HImport, in.helperImport)),
		pair(b(translate.HImportFrom, helperImportFrom)),
		pair(b(translate.HImportStar, globalStore{in: in}.helperImportStar)),
		pair(fast(translate.HMod, builtinMod, syntax.PERCENT)),
		pair(b(translate.HTrueDiv, divide(syntax.SLASH))),
		pair(fast(translate.HFloorDiv, divide(syntax.SLASHSLASH), syntax.SLASHSLASH)),
		pair(b(translate.HPow, builtinPowOp)),
		pair(b(translate.HMatMul, helperMatMul)),
		pair(fast(translate.HEq, compare(syntax.EQL), syntax.EQL)),
		pair(fast(translate.HNe, compare(syntax.NEQ), syntax.NEQ)),
		pair(fast(translate.HLt, compare(syntax.LT), syntax.LT)),
		pair(fast(translate.HLe, compare(syntax.LE), syntax.LE)),
		pair(fast(translate.HGt, compare(syntax.GT), syntax.GT)),
		pair(fast(translate.HGe, compare(syntax.GE), syntax.GE)),
		pair(fast(translate.HIn, membership(false), syntax.IN)),
		pair(fast(translate.HNotIn, membership(true), syntax.NOT_IN)),
		pair(b(translate.HIs, helperIs)),
		pair(fast(translate.HGetItem, builtinGetitem, syntax.LBRACK)),
		pair(b(translate.HSetSlice, helperSetSlice)),
		pair(b(translate.HSlice, helperSlice)),
		pair(b(translate.HDelItem, builtinDelitem)),
		pair(b(translate.HDelAttr, helperDelAttr)),
		pair(b(translate.HGetAttr, helperGetAttr)),
		pair(b(translate.HSockOnly, helperSockOnly)),
		pair(b(translate.HIter, builtinIter)),
		pair(b(translate.HUnpack, builtinUnpack)),
		pair(b(translate.HStarred, helperStarred)),
		pair(b(translate.HSet, helperSet)),
		pair(b(translate.HConcat, helperConcat)),
		pair(b(translate.HTuple, helperTuple)),
		pair(b(translate.HDictMerge, helperDictMerge)),
		pair(b(translate.HCall, helperCall)),
		pair(b(translate.HFString, helperFString)),
		pair(b(translate.HNamespace, helperNamespace)),
	} {
		table[kv.h] = kv.v
	}
	d := starlark.StringDict{}
	for _, h := range translate.Helpers {
		v, ok := table[h]
		if !ok {
			panic(fmt.Sprintf("python: no value for helper %s", h)) // a programming error, caught by every test
		}
		d[string(h)] = v
	}
	return d
}

func pair(h translate.Helper, v starlark.Value) struct {
	h translate.Helper
	v starlark.Value
} {
	return struct {
		h translate.Helper
		v starlark.Value
	}{h, v}
}

// namespaceHelpers are the helpers for code whose globals are ns (an
// imported module's, or those given to eval): every helper that reads or
// writes module-level names is bound to ns.
func (in *Interp) namespaceHelpers(ns *globalNS) starlark.StringDict {
	g := globalStore{in: in, ns: ns}
	helpers := maps.Clone(in.helpers)
	helpers[string(translate.HGlobals)] = g
	helpers[string(translate.HSetGlobal)] = starlark.NewBuiltin(string(translate.HSetGlobal), g.helperSetGlobal)
	helpers[string(translate.HDelGlobal)] = starlark.NewBuiltin(string(translate.HDelGlobal), g.helperDelGlobal)
	helpers[string(translate.HImportStar)] = starlark.NewBuiltin(string(translate.HImportStar), g.helperImportStar)
	// A class made by this code belongs to the module (libserver.Message).
	if name, ok := ns.Get("__name__"); ok {
		if module, ok := name.(starlark.String); ok && module != "__main__" {
			helpers[string(translate.HClass)] = starlark.NewBuiltin(string(translate.HClass), func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return in.makeClass(thread, string(module), args)
			})
		}
	}
	return helpers
}

// helperSetGlobal is a walrus at module level: $setglobal("x", v) -> v.
func (g globalStore) helperSetGlobal(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	g.dict().Set(string(args[0].(starlark.String)), args[1])
	return args[1], nil
}

// helperDelGlobal is del x of a global: $delglobal("x", quiet).
func (g globalStore) helperDelGlobal(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name := string(args[0].(starlark.String))
	if !g.dict().Delete(name) {
		if args[1].Truth() {
			return starlark.None, nil
		}
		return nil, nameError(name)
	}
	return starlark.None, nil
}

// helperClass makes a class: $class(name, bases, body, names, keywords, doc).
// body fills a box of the names the class body binds; the slots it set
// become the class's attributes.
func (in *Interp) helperClass(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return in.makeClass(thread, "__main__", args)
}

// makeClass is $class for code of the named module.
func (in *Interp) makeClass(thread *starlark.Thread, module string, args starlark.Tuple) (starlark.Value, error) {
	name := string(args[0].(starlark.String))
	bases := args[1].(starlark.Tuple)
	body := args[2]
	names := args[3].(starlark.Tuple)
	var classKw []starlark.Tuple
	kw := args[4].(*starlark.List)
	for i := 0; i < kw.Len(); i++ {
		k := kw.Index(i).(starlark.Tuple)
		if k[0] == starlark.String("metaclass") {
			return nil, pyErrorf("TypeError", "metaclasses are not available in this shell: write an ordinary class")
		}
		classKw = append(classKw, k)
	}
	var classBases []*Class
	for _, b := range bases {
		c, ok := b.(*Class)
		if !ok {
			if t, ok := b.(*pyType); ok {
				return nil, pyErrorf("TypeError", "subclassing the built-in type %s is not available in this shell: keep %s %s in an attribute instead", t.name, article(t.name), t.name)
			}
			return nil, pyErrorf("TypeError", "bases must be types")
		}
		classBases = append(classBases, c)
	}
	ns, _ := helperBox(thread, nil, starlark.Tuple{names}, nil)
	cell := &classCellValue{}
	if _, err := starlark.Call(thread, body, starlark.Tuple{ns, cell}, nil); err != nil {
		return nil, err
	}
	dict := map[string]starlark.Value{}
	bx := ns.(*box)
	for i, n := range bx.names {
		if v := bx.vals[i]; v != nil {
			dict[n] = v
		}
	}
	if doc := args[5]; doc != starlark.None {
		dict["__doc__"] = doc
	}
	if len(args) > 6 && args[6] != starlark.None {
		dict["__annotations__"] = args[6]
	}
	if f, ok := dict["__init_subclass__"].(*starlark.Function); ok {
		dict["__init_subclass__"] = &classMethod{fn: f} // implicitly, as in CPython
	}
	c, err := newClass(name, module, classBases, dict)
	if err != nil {
		return nil, err
	}
	c.interp = in
	cell.cls = c
	// The class keywords go to the nearest base's __init_subclass__,
	// bound to the new class: super(c, c).__init_subclass__(**kw).
	init, err := (&superObject{cls: c, self: c}).Attr("__init_subclass__")
	if err != nil {
		return nil, err
	}
	if _, err := starlark.Call(thread, init, nil, classKw); err != nil {
		return nil, err
	}
	return c, nil
}

// helperIs is x is y: the same object. Values without identity in Go
// (ints, strings) are the same when equal, as CPython's small ints and
// interned strings usually are.
func helperIs(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return starlark.Bool(identical(args[0], args[1])), nil
}

func identical(x, y starlark.Value) bool {
	switch a := x.(type) {
	case starlark.NoneType, starlark.Bool:
		return x == y
	case starlark.Int:
		b, ok := y.(starlark.Int)
		if !ok {
			return false
		}
		eq, _ := starlark.Equal(a, b)
		return eq
	case starlark.String:
		b, ok := y.(starlark.String)
		return ok && a == b
	case starlark.Bytes:
		b, ok := y.(starlark.Bytes)
		return ok && a == b
	case starlark.Float, starlark.Tuple:
		return false
	case *pyType:
		b, ok := y.(*pyType)
		return ok && a.name == b.name
	}
	defer func() { recover() }() // values of uncomparable Go types are never identical
	return x == y
}

func helperMatMul(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if inst, ok := args[0].(*Instance); ok {
		if v, ok, err := inst.binaryOp("@", args[1], false); ok {
			return v, err
		}
	}
	if inst, ok := args[1].(*Instance); ok {
		if v, ok, err := inst.binaryOp("@", args[0], true); ok {
			return v, err
		}
	}
	return nil, pyErrorf("TypeError", "unsupported operand type(s) for @: '%s' and '%s'", pyTypeName(args[0]), pyTypeName(args[1]))
}

// helperSlice makes a slice object: $slice(start, stop, step).
func helperSlice(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return &sliceValue{start: args[0], stop: args[1], step: args[2]}, nil
}

// helperStarred unpacks for a, *b, c = x: $starred(x, before, after)
// returns a tuple with the middle gathered into a list.
func helperStarred(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	before, _ := starlark.AsInt32(args[1])
	after, _ := starlark.AsInt32(args[2])
	items, err := collect(thread, args[0])
	if err != nil {
		return nil, err
	}
	if len(items) < before+after {
		return nil, pyErrorf("ValueError", "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	out := make(starlark.Tuple, 0, before+after+1)
	out = append(out, items[:before]...)
	out = append(out, starlark.NewList(append([]starlark.Value{}, items[before:len(items)-after]...)))
	return append(out, items[len(items)-after:]...), nil
}

// collect is list(x) as a Go slice, for any iterable Python knows.
func collect(thread *starlark.Thread, x starlark.Value) ([]starlark.Value, error) {
	it, err := pyIterable(thread, x)
	if err != nil {
		return nil, err
	}
	iter := it.Iterate()
	defer iter.Done()
	var out []starlark.Value
	var v starlark.Value
	for iter.Next(&v) {
		out = append(out, v)
		if len(out)%checkEvery == 0 {
			if err := cancelled(thread); err != nil {
				return nil, err
			}
		}
	}
	if err := takeIterErr(thread); err != nil {
		return nil, err
	}
	return out, nil
}

func helperSet(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return callGuarded(thread, starlark.Universe["set"], args, nil, true)
}

// helperConcat builds [*a, x, *b]: each argument is an iterable whose
// items are appended.
func helperConcat(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var out []starlark.Value
	for _, a := range args {
		if l, ok := a.(*starlark.List); ok {
			for i := 0; i < l.Len(); i++ {
				out = append(out, l.Index(i))
			}
			continue
		}
		items, err := collect(thread, a)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return starlark.NewList(out), nil
}

func helperTuple(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	l := args[0].(*starlark.List)
	t := make(starlark.Tuple, l.Len())
	for i := range t {
		t[i] = l.Index(i)
	}
	return t, nil
}

// helperDictMerge builds {**a, 'k': v, **b}.
func helperDictMerge(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	out := starlark.NewDict(0)
	for _, a := range args {
		m, ok := a.(starlark.IterableMapping)
		if !ok {
			return nil, pyErrorf("TypeError", "'%s' object is not a mapping", pyTypeName(a))
		}
		for _, kv := range m.Items() {
			if err := out.SetKey(kv[0], kv[1]); err != nil {
				return nil, asPyError(err)
			}
		}
	}
	return out, nil
}

// helperCall is f(*args, **kwargs) with the arguments already gathered.
func helperCall(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	l := args[1].(*starlark.List)
	pos := make(starlark.Tuple, l.Len())
	for i := range pos {
		pos[i] = l.Index(i)
	}
	var kwargs []starlark.Tuple
	for _, kv := range args[2].(*starlark.Dict).Items() {
		if _, ok := kv[0].(starlark.String); !ok {
			return nil, pyErrorf("TypeError", "keywords must be strings")
		}
		kwargs = append(kwargs, kv)
	}
	return starlark.Call(thread, args[0], pos, kwargs)
}

// helperSetSlice is x[a:b:c] = v for lists and bytearrays.
func helperSetSlice(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, v := args[0], args[4]
	if inst, ok := x.(*Instance); ok {
		_, found, err := inst.callMethod("__setitem__", &sliceValue{args[1], args[2], args[3]}, v)
		if !found {
			return nil, pyErrorf("TypeError", "'%s' object does not support item assignment", inst.cls.name)
		}
		return starlark.None, err
	}
	return setSlice(thread, x, args[1], args[2], args[3], v)
}

// article is "a" or "an" for an English word: "an int", "a str".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
