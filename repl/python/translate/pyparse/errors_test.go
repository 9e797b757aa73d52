package pyparse

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// loadCatalogue reads testdata/errors.txt: inputs separated by ==== lines.
func loadCatalogue(t testing.TB) []string {
	b, err := os.ReadFile("testdata/errors.txt")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(b), "\n====\n")
	var cases []string
	for _, c := range parts[1:] {
		cases = append(cases, strings.TrimSuffix(c, "\n"))
	}
	return cases
}

// TestErrorsMatchPython compares each bad input's error with python3's:
// kind, message, line and offset, and whether codeop would wait for more.
func TestErrorsMatchPython(t *testing.T) {
	cases := loadCatalogue(t)
	var reqs []oracleReq
	for _, c := range cases {
		reqs = append(reqs, oracleReq{Mode: "compile", Src: c})
	}
	resps := askPython(t, reqs)
	for i, src := range cases {
		want := resps[i]
		_, err := Parse("<input>", src)
		if want.Error == nil {
			t.Errorf("%q: python3 accepts it; the catalogue is for bad inputs", src)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want %s: %s", src, err, want.Error.Kind, want.Error.Msg)
			continue
		}
		w := want.Error
		if e.Kind != w.Kind || e.Msg != w.Msg || e.Lineno != w.Lineno || e.Offset != w.Offset {
			t.Errorf("%q:\n got  %s: %s (line %d, offset %d)\n want %s: %s (line %d, offset %d)",
				src, e.Kind, e.Msg, e.Lineno, e.Offset, w.Kind, w.Msg, w.Lineno, w.Offset)
		}
		if e.Incomplete != want.Incomplete {
			t.Errorf("%q: Incomplete = %v, codeop says %v", src, e.Incomplete, want.Incomplete)
		}
	}
}
