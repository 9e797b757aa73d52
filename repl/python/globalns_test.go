package python

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// TestGlobalNS checks the namespace against a plain map through a long
// run of sets, gets and deletes, with names spelled by fresh strings (other
// pointers, same bytes) and by the same string, and more names than the
// cache has entries, so hits, misses and collisions all happen.
func TestGlobalNS(t *testing.T) {
	ns := newGlobalNS()
	ref := map[string]starlark.Value{}
	var order []string
	names := make([]string, 200)
	for i := range names {
		names[i] = fmt.Sprintf("n%d", i)
	}
	fresh := func(s string) string { return strings.Clone(s) }
	for step := 0; step < 20000; step++ {
		name := names[(step*7919)%len(names)]
		if step%3 == 0 {
			name = fresh(name)
		}
		switch step % 5 {
		case 0, 1:
			v := starlark.MakeInt(step)
			ns.Set(name, v)
			if _, ok := ref[name]; !ok && !slices.Contains(order, name) {
				order = append(order, name)
			}
			ref[name] = v
		case 2:
			_, want := ref[name]
			if got := ns.Delete(name); got != want {
				t.Fatalf("step %d: Delete(%s) = %v, want %v", step, name, got, want)
			}
			delete(ref, name)
		default:
			got, ok := ns.Get(name)
			want, wok := ref[name]
			if ok != wok || ok && got != want {
				t.Fatalf("step %d: Get(%s) = %v %v, want %v %v", step, name, got, ok, want, wok)
			}
		}
	}
	if ns.Len() != len(ref) {
		t.Errorf("Len = %d, want %d", ns.Len(), len(ref))
	}
	var wantNames []string
	for _, n := range order {
		if _, ok := ref[n]; ok {
			wantNames = append(wantNames, n)
		}
	}
	if got := ns.Names(); !slices.Equal(got, wantNames) {
		t.Errorf("Names = %v, want first-bound order %v", got, wantNames)
	}
	if d := ns.Dict(); len(d) != len(ref) {
		t.Errorf("Dict has %d names, want %d", len(d), len(ref))
	}
	if _, ok := ns.Get(""); ok {
		t.Errorf("the empty name is bound")
	}
}

// TestGlobalNSLookupDoesNotAllocate: reading and writing a global from a
// loop is the counting loop's cost.
func TestGlobalNSLookupDoesNotAllocate(t *testing.T) {
	ns := newGlobalNS()
	name := "total"
	ns.Set(name, starlark.MakeInt(0))
	v := starlark.MakeInt(4096)
	if a := testing.AllocsPerRun(1000, func() {
		x, _ := ns.Get(name)
		_ = x
		ns.Set(name, v)
	}); a != 0 {
		t.Errorf("a global's get and set allocate %.1f times", a)
	}
}
