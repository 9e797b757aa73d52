package pyparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpMatchesPython parses every program in testdata/corpus, and the
// shell's program corpus in repl/testdata/programs, with this parser and
// with python3's ast.parse, and requires identical dumps.
func TestDumpMatchesPython(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	programs, _ := filepath.Glob("../../../testdata/programs/*.py")
	files = append(files, programs...)
	var reqs []oracleReq
	var srcs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
		reqs = append(reqs, oracleReq{Mode: "dump", Src: string(b)})
	}
	resps := askPython(t, reqs)
	for i, f := range files {
		if resps[i].Error != nil {
			t.Errorf("%s: python3 rejects it: %+v", f, *resps[i].Error)
			continue
		}
		m, err := parseModule(f, srcs[i], false)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got, want := Dump(m), resps[i].Dump; got != want {
			t.Errorf("%s: dump differs from python3's\n%s", f, firstDifference(got, want))
		}
	}
}

// firstDifference shows where two dumps part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	clip := func(s string) string {
		if i+200 < len(s) {
			return s[from : i+200]
		}
		return s[from:]
	}
	return "got:  ..." + clip(got) + "\nwant: ..." + clip(want)
}

// TestDumpStatementsMatchPython compares every line of
// testdata/lines.txt on its own, as the REPL would parse it.
func TestDumpStatementsMatchPython(t *testing.T) {
	b, err := os.ReadFile("testdata/lines.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	var reqs []oracleReq
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, l)
		reqs = append(reqs, oracleReq{Mode: "dump", Src: l})
	}
	resps := askPython(t, reqs)
	for i, l := range lines {
		m, err := parseModule("<stdin>", l, false)
		if resps[i].Error != nil {
			if err == nil {
				t.Errorf("%q: python3 rejects it (%s), this parser accepts it", l, resps[i].Error.Msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", l, err)
			continue
		}
		if got := Dump(m); got != resps[i].Dump {
			t.Errorf("%q:\n%s", l, firstDifference(got, resps[i].Dump))
		}
	}
}
