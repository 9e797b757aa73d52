package pyparse

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the inputs FuzzParse starts from: every corpus program,
// each of its lines, the one-line statements and the error catalogue.
func fuzzSeeds(t testing.TB) []string {
	var seeds []string
	files, _ := filepath.Glob("testdata/corpus/*.py")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, string(b))
		for _, l := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(l) != "" {
				seeds = append(seeds, l)
			}
		}
	}
	b, err := os.ReadFile("testdata/lines.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			seeds = append(seeds, l)
		}
	}
	seeds = append(seeds, loadCatalogue(t)...)
	return seeds
}

// FuzzParse checks that no input panics, that every failure is an *Error
// with a sane position, and that every success can be dumped.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Parse("<fuzz>", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if e.Lineno < 0 || e.Offset < 0 || e.Msg == "" || e.Kind == "" {
				t.Fatalf("bad error %+v", e)
			}
			return
		}
		if d := Dump(m); !strings.HasPrefix(d, "Module(") {
			t.Fatalf("dump %q", d)
		}
	})
}

// committedFuzzInputs reads the inputs saved in testdata/fuzz/FuzzParse.
func committedFuzzInputs(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "string(") {
			t.Fatalf("%s: not a fuzz input file", f)
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, s)
	}
	return out
}

// TestFuzzSeedsAgreeWithPython replays the fuzz seeds and the committed
// fuzz inputs through this parser and python3's compile(): both must
// accept, or both reject. (match statements, which this parser refuses
// on purpose, are left out.)
func TestFuzzSeedsAgreeWithPython(t *testing.T) {
	var inputs []string
	for _, s := range append(fuzzSeeds(t), committedFuzzInputs(t)...) {
		if utf8.ValidString(s) {
			inputs = append(inputs, s)
		}
	}
	reqs := make([]oracleReq, len(inputs))
	for i, s := range inputs {
		reqs[i] = oracleReq{Mode: "compile", Src: s}
	}
	resps := askPython(t, reqs)
	for i, src := range inputs {
		_, err := Parse("<input>", src)
		pyOK := resps[i].Error == nil
		if pyOK && err != nil && strings.Contains(err.Error(), "match statement") {
			continue
		}
		if pyOK != (err == nil) {
			if pyOK {
				t.Errorf("%q: python3 accepts it, this parser says %v", src, err)
			} else {
				t.Errorf("%q: python3 says %s: %s, this parser accepts it", src, resps[i].Error.Kind, resps[i].Error.Msg)
			}
		}
	}
}
