package python

import (
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// methodSet is the methods of one Go-implemented Python type (BytesIO,
// Struct, datetime...), each made once as a builtin: x.read only binds
// one to x. Each method has its help, as module rows do.
type methodSet struct {
	typ      string // the type's Python name, "_io.BytesIO"
	builtins map[string]*starlark.Builtin
}

// method is one entry of a methodSet.
type method struct {
	fn       builtinFn // b.Receiver() is the value
	sig, doc string
}

// newMethodSet makes the builtins of a type's methods and registers
// their help.
func newMethodSet(typ string, methods map[string]method) *methodSet {
	ms := &methodSet{typ: typ, builtins: make(map[string]*starlark.Builtin, len(methods))}
	docs := map[string]helpDoc{}
	for name, m := range methods {
		ms.builtins[name] = starlark.NewBuiltin(name, m.fn)
		docs[name] = helpDoc{sig: m.sig, text: m.doc}
	}
	methodDocs.mu.Lock()
	methodDocs.byType[typ] = docs
	methodDocs.mu.Unlock()
	return ms
}

// bind is recv.name, or false when the type has no such method.
func (ms *methodSet) bind(recv starlark.Value, name string) (starlark.Value, bool) {
	b, ok := ms.builtins[name]
	if !ok {
		return nil, false
	}
	return b.BindReceiver(recv), true
}

// names lists the methods, with extra attribute names, sorted.
func (ms *methodSet) names(extra ...string) []string {
	out := append([]string(nil), extra...)
	for n := range ms.builtins {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// methodDocs is the help of every methodSet's methods, and of the types
// themselves (from the module row that offers them), by type name.
var methodDocs = struct {
	mu     sync.RWMutex
	byType map[string]map[string]helpDoc
	types  map[string]helpDoc
}{byType: map[string]map[string]helpDoc{}, types: map[string]helpDoc{}}

func registerTypeDoc(typ string, d helpDoc) {
	methodDocs.mu.Lock()
	methodDocs.types[typ] = d
	methodDocs.mu.Unlock()
}

// typeHelp is help(T) for a Go-implemented type a module row documents:
// the row's help, then the signatures of its methods.
func typeHelp(typ string) (string, bool) {
	methodDocs.mu.RLock()
	defer methodDocs.mu.RUnlock()
	d, ok := methodDocs.types[typ]
	if !ok {
		return "", false
	}
	text := formatDoc(d)
	if ms := methodDocs.byType[typ]; len(ms) > 0 {
		text += "\n"
		for _, n := range docKeys(ms) {
			if !strings.HasPrefix(n, "__") {
				text += "  " + ms[n].sig + "\n"
			}
		}
	}
	return text, true
}

// methodDoc is the help of a bound method of a Go-implemented type.
func methodDoc(recv starlark.Value, name string) (helpDoc, bool) {
	methodDocs.mu.RLock()
	defer methodDocs.mu.RUnlock()
	d, ok := methodDocs.byType[recv.Type()][name]
	return d, ok
}

// noAttr is the AttributeError for a missing attribute of a Go type.
func noAttr(typ, name string) error {
	return pyErrorf("AttributeError", "'%s' object has no attribute '%s'", typ, name)
}
