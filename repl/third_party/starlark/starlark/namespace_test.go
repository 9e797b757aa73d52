package starlark

import (
	"fmt"
	"strings"
	"testing"

	"go.starlark.net/internal/compile"
	"go.starlark.net/resolve"
	"go.starlark.net/syntax"
)

// testNS is a Namespace as sockrepl's globals are one: slots that never
// move, a name unbound by setting its slot to nil, and counters for what
// went the ordinary way (Attr, SetField) and what was dropped.
type testNS struct {
	index   map[string]int32
	slots   *Slots
	attrs   int // calls of Attr
	sets    int // calls of SetField
	dropped []Value
}

func newTestNS() *testNS {
	ns := &testNS{index: map[string]int32{}, slots: new(Slots)}
	ns.slots.Slot = func(name string) int32 {
		if i, ok := ns.index[name]; ok {
			return i
		}
		return -1
	}
	ns.slots.Dropped = func(old Value) { ns.dropped = append(ns.dropped, old) }
	return ns
}

func (ns *testNS) String() string         { return "<ns>" }
func (ns *testNS) Type() string           { return "ns" }
func (ns *testNS) Freeze()                {}
func (ns *testNS) Truth() Bool            { return true }
func (ns *testNS) Hash() (uint32, error)  { return 0, fmt.Errorf("unhashable") }
func (ns *testNS) AttrNames() []string    { return nil }
func (ns *testNS) NamespaceSlots() *Slots { return ns.slots }

func (ns *testNS) Attr(name string) (Value, error) {
	ns.attrs++
	if i, ok := ns.index[name]; ok && ns.slots.Vals[i] != nil {
		return ns.slots.Vals[i], nil
	}
	return nil, fmt.Errorf("name '%s' is not defined", name)
}

func (ns *testNS) SetField(name string, v Value) error {
	ns.sets++
	i, ok := ns.index[name]
	if !ok {
		i = int32(len(ns.slots.Vals))
		ns.index[name] = i
		ns.slots.Vals = append(ns.slots.Vals, nil)
	}
	if old := ns.slots.Vals[i]; old != nil {
		ns.slots.Dropped(old)
	}
	ns.slots.Vals[i] = v
	return nil
}

func (ns *testNS) get(name string) Value {
	if i, ok := ns.index[name]; ok {
		return ns.slots.Vals[i]
	}
	return nil
}

// nsOptions are the dialect sockrepl compiles to: loops at top level.
var nsOptions = &syntax.FileOptions{TopLevelControl: true, GlobalReassign: true, While: true, Set: true}

// parseNS parses src with G renamed to NamespaceName, which source text
// cannot spell, as sockrepl's lowered code uses it.
func parseNS(t *testing.T, src string) *syntax.File {
	t.Helper()
	f, err := nsOptions.Parse("ns.star", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok && id.Name == "G" {
			id.Name = NamespaceName
		}
		return true
	})
	return f
}

// execNS runs src as a chunk whose $G is ns.
func execNS(t *testing.T, ns Value, src string) error {
	t.Helper()
	return ExecREPLChunk(parseNS(t, src), new(Thread), StringDict{NamespaceName: ns})
}

// TestNamespaceSlots checks patch 5 (PATCHES.md): $G.x reads and writes
// go to the slot once the name is bound, first bindings and unbound names
// take the ordinary path, Dropped hears of every non-Int value replaced,
// and functions defined in the chunk use the same slots.
func TestNamespaceSlots(t *testing.T) {
	ns := newTestNS()
	err := execNS(t, ns, `
G.total = 0
G.name = "a"
for G.i in range(1000):
    G.total += 4096
G.name = "b"
G.name = None
def f():
    G.total = G.total + 1
    return G.total
G.r = f()
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := ns.get("total"); got == nil || got.String() != "4096001" {
		t.Errorf("total = %v, want 4096001", got)
	}
	if got := ns.get("r"); got == nil || got.String() != "4096001" {
		t.Errorf("r = %v", got)
	}
	// Bound by SetField: total, name, i, r, once each; every later write
	// and every read went to the slot.
	if ns.sets != 4 {
		t.Errorf("%d SetField calls, want 4 (one per first binding)", ns.sets)
	}
	if ns.attrs != 0 {
		t.Errorf("%d Attr calls, want 0: every name read was bound", ns.attrs)
	}
	if want := `["a" "b"]`; fmt.Sprint(ns.dropped) != want {
		t.Errorf("dropped %v, want %s (no Int)", ns.dropped, want)
	}
}

// TestNamespaceUnbound: a slot set to nil (del) is unbound again: a read
// goes to Attr and its error, a write to SetField.
func TestNamespaceUnbound(t *testing.T) {
	ns := newTestNS()
	if err := execNS(t, ns, "G.x = 1\n"); err != nil {
		t.Fatal(err)
	}
	ns.slots.Vals[ns.index["x"]] = nil
	err := execNS(t, ns, "G.y = G.x\n")
	if err == nil || !strings.Contains(err.Error(), "name 'x' is not defined") {
		t.Fatalf("read of an unbound slot: %v", err)
	}
	sets := ns.sets
	if err := execNS(t, ns, "G.x = 2\nG.x += 1\n"); err != nil {
		t.Fatal(err)
	}
	if ns.sets != sets+1 || ns.get("x").String() != "3" {
		t.Errorf("rebinding an unbound slot: %d SetField calls, x = %v", ns.sets-sets, ns.get("x"))
	}
}

// TestNamespaceOtherValue: a $G that is not a Namespace is an ordinary
// value with attributes (here a struct-like HasSetField without slots).
func TestNamespaceOtherValue(t *testing.T) {
	d := &plainFields{m: map[string]Value{}}
	if err := execNS(t, d, "G.a = 1\nG.a += 2\nG.b = G.a * 2\n"); err != nil {
		t.Fatal(err)
	}
	if d.m["b"] == nil || d.m["b"].String() != "6" {
		t.Errorf("b = %v, want 6", d.m["b"])
	}
}

type plainFields struct{ m map[string]Value }

func (p *plainFields) String() string        { return "<fields>" }
func (p *plainFields) Type() string          { return "fields" }
func (p *plainFields) Freeze()               {}
func (p *plainFields) Truth() Bool           { return true }
func (p *plainFields) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable") }
func (p *plainFields) AttrNames() []string   { return nil }
func (p *plainFields) Attr(name string) (Value, error) {
	if v, ok := p.m[name]; ok {
		return v, nil
	}
	return nil, nil
}
func (p *plainFields) SetField(name string, v Value) error { p.m[name] = v; return nil }

// TestNamespaceNewSlots: a module whose namespace hands out new Slots
// (sockrepl's Interp.Reset) forgets the slots it knew.
func TestNamespaceNewSlots(t *testing.T) {
	ns := newTestNS()
	if err := execNS(t, ns, "G.x = 1\ndef get():\n    return G.x\nG.get = get\nG.first = get()\n"); err != nil {
		t.Fatal(err)
	}
	fresh := newTestNS()
	fresh.SetField("pad", None)
	fresh.SetField("x", MakeInt(7))
	fresh.SetField("get", ns.get("get"))
	ns.index, ns.slots = fresh.index, fresh.slots // same value, new Slots
	if err := execNS(t, ns, "G.v = G.get()\n"); err != nil {
		t.Fatal(err)
	}
	if got := ns.get("v"); got == nil || got.String() != "7" {
		t.Errorf("after new slots, get() = %v, want 7", got)
	}
}

// TestNamespaceCompiles: the compiler emits NSATTR and NSSET for $G.x and
// notes $G in the program, and both survive encoding.
func TestNamespaceCompiles(t *testing.T) {
	f := parseNS(t, "G.total += G.step\nG.other = x.attr\n")
	isGlobal := func(name string) bool { return name == NamespaceName || name == "x" }
	if err := resolve.REPLChunk(f, isGlobal, func(string) bool { return false }, Universe.Has); err != nil {
		t.Fatal(err)
	}
	module := f.Module.(*resolve.Module)
	prog := &Program{compile.File(f.Options, f.Stmts, syntax.Start(f.Stmts[0]), "<toplevel>", module.Locals, module.Globals)}
	var ops []string
	code := prog.compiled.Toplevel.Code
	for pc := 0; pc < len(code); {
		op := compile.Opcode(code[pc])
		pc++
		if op >= compile.OpcodeArgMin {
			for code[pc] >= 0x80 {
				pc++
			}
			pc++
		}
		ops = append(ops, op.String())
	}
	got := strings.Join(ops, " ")
	if !strings.Contains(got, "nsattr nsattr inplace_add nsset") || !strings.Contains(got, "attr nsset") {
		t.Errorf("code %s: want nsattr/nsset for $G and attr for x.attr", got)
	}
	if prog.compiled.Namespace == 0 || prog.compiled.Globals[prog.compiled.Namespace-1].Name != NamespaceName {
		t.Errorf("Program.Namespace = %d", prog.compiled.Namespace)
	}
	var data strings.Builder
	if err := prog.Write(&data); err != nil {
		t.Fatal(err)
	}
	back, err := CompiledProgram(strings.NewReader(data.String()))
	if err != nil {
		t.Fatal(err)
	}
	if back.compiled.Namespace != prog.compiled.Namespace {
		t.Errorf("decoded Namespace = %d, want %d", back.compiled.Namespace, prog.compiled.Namespace)
	}
}

// TestNamespaceFallback checks patch 18 (PATCHES.md): an unbound slot's
// Fallback is read without Attr; a binding shadows it and unbinding
// uncovers it again.
func TestNamespaceFallback(t *testing.T) {
	ns := newTestNS()
	ns.index["size"] = 0
	ns.slots.Vals = []Value{nil}
	ns.slots.Fallback = []Value{MakeInt(7)}
	err := execNS(t, ns, `
def f():
    return G.size
G.a = f()
G.size = 1
G.b = f()
`)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := ns.get("a"), ns.get("b"); a == nil || a.String() != "7" || b == nil || b.String() != "1" {
		t.Errorf("a, b = %v, %v; want 7 (the fallback), 1 (the binding)", a, b)
	}
	ns.slots.Vals[0] = nil // del size
	if err := execNS(t, ns, "G.c = G.size\n"); err != nil {
		t.Fatal(err)
	}
	if c := ns.get("c"); c == nil || c.String() != "7" {
		t.Errorf("c = %v after del, want 7", c)
	}
	if ns.attrs != 0 {
		t.Errorf("%d Attr calls, want 0: the fallback is read from the slots", ns.attrs)
	}
}
