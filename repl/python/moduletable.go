package python

import (
	"sort"
	"sync"

	"go.starlark.net/starlark"
)

// A module is one table: a row per member, each with the help that
// help() shows and whether calling it changes state (a lesson check may
// only call members that do not). New modules are written this way;
// socket, select, struct and time still keep their docs in help.go.

// row is one member of a module: a function (fn), or a value (a
// constant, a class, a submodule). A function is made once and shared by
// every interpreter, so it must find what it needs through its thread
// (interpOf), never capture one interpreter's state.
type row struct {
	name    string
	fn      func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)
	value   starlark.Value
	sig     string // "binascii.hexlify(data[, sep]) -> bytes"; "" for a plain constant
	doc     string
	mutates bool
	// borrows: fn keeps nothing of its args tuple once it returns, so it
	// is a NewBorrowingBuiltin (a call passes it the caller's operand
	// stack, uncopied). Only for functions read for it.
	borrows bool
}

// table is a module as its rows.
type table struct {
	name string
	doc  string // one paragraph for help(module)
	rows []row
}

// module builds the module value and registers its docs for help().
func (t table) module() pyModule {
	members := starlark.StringDict{}
	docs := map[string]helpDoc{}
	funcs := map[*starlark.Builtin]helpDoc{}
	for _, r := range t.rows {
		v := r.value
		if r.fn != nil {
			b := tableDocs.builtin(t.name, r)
			v = b
			funcs[b] = helpDoc{sig: r.sig, text: r.doc}
		}
		members[r.name] = v
		if r.sig != "" {
			docs[r.name] = helpDoc{sig: r.sig, text: r.doc}
			if typ, ok := v.(*pyType); ok {
				registerTypeDoc(typ.name, helpDoc{sig: r.sig, text: r.doc})
			}
		}
	}
	tableDocs.register(t.name, t.doc, docs, funcs)
	return newModule(t.name, members)
}

// tableDocs holds the docs of every table-built module, by module name.
var tableDocs = &docRegistry{docs: map[string]map[string]helpDoc{}, intro: map[string]string{}, funcs: map[*starlark.Builtin]helpDoc{}}

type docRegistry struct {
	mu    sync.RWMutex
	docs  map[string]map[string]helpDoc
	intro map[string]string
	funcs map[*starlark.Builtin]helpDoc // each table function's doc, for help(f)
	made  map[string]*starlark.Builtin  // each table function, by module.name
}

func (r *docRegistry) register(module, intro string, docs map[string]helpDoc, funcs map[*starlark.Builtin]helpDoc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.docs[module], r.intro[module] = docs, intro
	for b, d := range funcs {
		r.funcs[b] = d
	}
}

// builtin is the function of a row, made once for every interpreter: a
// module function finds its interpreter through the thread, so one value
// serves all, and the registry stays as small as the tables.
func (r *docRegistry) builtin(module string, row row) *starlark.Builtin {
	key := module + "." + row.name
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.made == nil {
		r.made = map[string]*starlark.Builtin{}
	}
	if b, ok := r.made[key]; ok {
		return b
	}
	b := starlark.NewBuiltin(row.name, row.fn)
	if row.borrows {
		b = starlark.NewBorrowingBuiltin(row.name, row.fn)
	}
	r.made[key] = b
	return b
}

// function finds the doc of a table function.
func (r *docRegistry) function(b *starlark.Builtin) (helpDoc, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	d, ok := r.funcs[b]
	return d, ok
}

// lookup finds the doc of module.member.
func (r *docRegistry) lookup(module, member string) (helpDoc, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	d, ok := r.docs[module][member]
	return d, ok
}

// moduleText is help(module) for a table-built module.
func (r *docRegistry) moduleText(module string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	docs, ok := r.docs[module]
	if !ok {
		return "", false
	}
	text := "module " + module + "\n\n"
	if r.intro[module] != "" {
		text += r.intro[module] + "\n\n"
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		text += "  " + docs[n].sig + "\n      " + docs[n].text + "\n"
	}
	return text, true
}

// moduleMakers builds the modules an import can bring in beyond the five
// every program starts with, each made once per interpreter, when first
// imported.
var moduleMakers = map[string]func(in *Interp) starlark.Value{
	"argparse":        newArgparseModule,
	"array":           newArrayModule,
	"base64":          newBase64Module,
	"binascii":        newBinasciiModule,
	"collections":     newCollectionsModule,
	"ctypes":          newCtypesModule,
	"dataclasses":     newDataclassesModule,
	"datetime":        newDatetimeModule,
	"errno":           newErrnoModule,
	"functools":       newFunctoolsModule,
	"hashlib":         newHashlibModule,
	"io":              newIOModule,
	"itertools":       newItertoolsModule,
	"json":            newJSONModule,
	"math":            newMathModule,
	"multiprocessing": newMultiprocessingModule,
	"queue":           newQueueModule,
	"random":          newRandomModule,
	"selectors":       newSelectorsModule,
	"statistics":      newStatisticsModule,
	"subprocess":      newSubprocessModule,
	"sys":             newSysModule,
	"threading":       newThreadingModule,
	"traceback":       newTracebackModule,
	"types":           newTypesModule,
	"typing":          newTypingModule,
	"urllib":          newURLLibModule,
}

// module returns the module called name, making it on first use.
func (in *Interp) module(name string) (starlark.Value, bool) {
	if m, ok := in.modules[name]; ok {
		return m, true
	}
	make, ok := moduleMakers[name]
	if !ok {
		return nil, false
	}
	m := make(in)
	in.modules[name] = m
	return m, true
}
