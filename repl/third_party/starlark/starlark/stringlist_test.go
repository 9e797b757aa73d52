package starlark

import (
	"runtime"
	"strings"
	"testing"
)

// TestStringList checks patch 15 (PATCHES.md): the strings of a
// StringList read back as themselves after collections, a store into the
// list changes only that element, and split makes three allocations for
// any number of words.
func TestStringList(t *testing.T) {
	words := strings.Fields("alpha beta  gamma\tdelta")
	l := StringList(words)
	words = nil
	runtime.GC()
	runtime.GC()
	if got := l.String(); got != `["alpha", "beta", "gamma", "delta"]` {
		t.Fatalf("after collections: %s", got)
	}
	if err := l.SetIndex(1, String("B")); err != nil {
		t.Fatal(err)
	}
	if s, ok := l.Index(2).(String); !ok || s != "gamma" {
		t.Errorf("element 2 is %v after a store into element 1", l.Index(2))
	}
	if h, _ := l.Index(0).Hash(); h != hashString("alpha") {
		t.Errorf("a boxed header hashes as %d, want %d", h, hashString("alpha"))
	}
	d := NewDict(1)
	d.SetKey(l.Index(3), True)
	if v, found, _ := d.Get(String("delta")); !found || v != True {
		t.Errorf("a dict keyed by a list's string does not find it by an equal string")
	}

	bl := BytesList([]string{"a", "bc"})
	if b, ok := bl.Index(1).(Bytes); !ok || b != "bc" || bl.Index(0).Type() != "bytes" {
		t.Errorf("BytesList element 1 is %v (%s)", bl.Index(1), bl.Index(1).Type())
	}

	thread := new(Thread)
	split, _ := String("GET /index.html HTTP/1.1 extra words here").Attr("split")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := Call(thread, split, nil, nil); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 3 {
		t.Errorf("split of six words: %.0f allocations, want at most 3 (words, list slice, list)", allocs)
	}
}
