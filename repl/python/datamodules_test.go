package python

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// dataModules are the modules of issue 12's data half, each a table.
var dataModules = []string{"array", "binascii", "ctypes", "datetime", "errno", "io", "json", "multiprocessing", "subprocess", "traceback", "types", "urllib"}

// TestDataModulesHaveHelp: every function of these modules, and every
// method of the types they define, has a signature and a sentence for
// help(), and help(module) lists them.
func TestDataModulesHaveHelp(t *testing.T) {
	sh := newPyShell(t)
	check := func(where string, d helpDoc) {
		if strings.TrimSpace(d.sig) == "" || strings.TrimSpace(d.text) == "" {
			t.Errorf("%s has no help: %+v", where, d)
		}
	}
	mods := append(append([]string(nil), dataModules...), "struct", "time")
	for _, name := range mods {
		m, ok := sh.in.module(name)
		if !ok {
			t.Fatalf("no module %s", name)
		}
		if name == "urllib" {
			m, _ = getAttr(m, "parse")
		}
		h := m.(starlark.HasAttrs)
		for _, attr := range h.AttrNames() {
			v, _ := h.Attr(attr)
			b, isFunc := v.(*starlark.Builtin)
			if !isFunc {
				continue
			}
			d, ok := tableDocs.function(b)
			if !ok {
				t.Errorf("%s.%s is not in its table", name, attr)
				continue
			}
			check(name+"."+attr, d)
		}
		if text := helpText(m); !strings.HasPrefix(text, "module ") || strings.Count(text, "\n") < 3 {
			t.Errorf("help(%s) is %q", name, text)
		}
	}
	methodDocs.mu.RLock()
	defer methodDocs.mu.RUnlock()
	for typ, docs := range methodDocs.byType {
		for name, d := range docs {
			check(typ+"."+name, d)
		}
	}
	for _, typ := range []string{"_io.BytesIO", "_io.StringIO", "_struct.Struct", "datetime.datetime", "datetime.date", "datetime.timedelta", "array.array", "memoryview"} {
		if len(methodDocs.byType[typ]) == 0 {
			t.Errorf("the methods of %s have no help", typ)
		}
	}
}

// TestHelpOfDataValues: help() of a module function and of a method of a
// value made by these modules says what it does.
func TestHelpOfDataValues(t *testing.T) {
	sh := newPyShell(t)
	sh.must("import io, json, datetime, binascii, array")
	sh.must("f = io.BytesIO(b'x')\nd = datetime.datetime(2024, 1, 2)\na = array.array('H')")
	for _, c := range []struct{ src, says string }{
		{"help(json.dumps)", "indent=2"},
		{"help(binascii.hexlify)", "two hex digits"},
		{"help(f.readline)", "f.readline([size])"},
		{"help(d.strftime)", "%Y-%m-%d"},
		{"help(a.tobytes)", "what to send"},
		{"help(datetime)", "timedelta"},
		{"help(struct.Struct)", "compiled format"},
	} {
		sh.must(c.src)
		if out := sh.printed(); !strings.Contains(out, c.says) {
			t.Errorf("%s printed %q, want it to mention %q", c.src, out, c.says)
		}
	}
}
