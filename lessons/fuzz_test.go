package lessons

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the lesson file parser, seeded with
// every shipped lesson and test lesson. A file is either rejected with a
// ParseError naming the file and a line inside it, or gives a lesson
// whose steps are numbered in order and belong to its roles.
//
//	go test ./lessons -run '^$' -fuzz FuzzParse -fuzztime 3m
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"course/*.lesson", "testdata/*.lesson"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("lesson x\nstep\ncode: a\ncheck: True\n"))
	f.Add([]byte("\xef\xbb\xbflesson x\r\nroles: a b\r\nstep a\r\nafter: 9\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("fuzz.lesson", data)
		lines := bytes.Count(data, []byte("\n")) + 2 // the end of input is one past the last line
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse: %T %v is not a ParseError", err, err)
			}
			if pe.File != "fuzz.lesson" || pe.Line < 1 || pe.Line > lines || pe.Msg == "" {
				t.Fatalf("Parse: %q points outside the file (%d lines)", err, lines)
			}
			return
		}
		if l == nil || !idPattern.MatchString(l.ID) || len(l.Roles) == 0 {
			t.Fatalf("Parse accepted a lesson without an id or roles: %+v", l)
		}
		roles := map[string]bool{}
		for _, r := range l.Roles {
			roles[r] = true
		}
		for i, s := range l.Steps {
			if s.N != i+1 || !roles[s.Role] || s.Line < 1 || s.Line > lines {
				t.Fatalf("step %d: N=%d role %q line %d (roles %v)", i+1, s.N, s.Role, s.Line, l.Roles)
			}
		}
	})
}
