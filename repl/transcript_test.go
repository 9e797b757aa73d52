package repl

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sockrepl/repl/python/translate"
	"strings"
	"testing"
)

// Transcript tests: files in testdata/transcripts read like what the
// learner sees. Lines starting ">>> " or "... " are typed into a fresh
// Session; every other line is expected output (stdout and stderr
// interleaved). "{n}" matches any number, "{*}" any text. A first line
// "# terminal" runs the Session in terminal mode (notices and hints, no
// colour); other lines starting with "#" before the first prompt are
// comments.
func TestTranscripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/transcripts/*.txt")
	if len(files) == 0 {
		t.Fatal("no transcripts found")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			runTranscript(t, file)
		})
	}
}

type transcriptStep struct {
	input  []string // typed lines without the prompt
	expect []string
	line   int
}

func parseTranscript(data string) (steps []transcriptStep, terminal bool) {
	lines := strings.Split(strings.TrimRight(data, "\n"), "\n")
	started := false
	for i, l := range lines {
		switch {
		case !started && strings.HasPrefix(l, "#"):
			if strings.TrimSpace(l) == "# terminal" {
				terminal = true
			}
		case strings.HasPrefix(l, ">>> ") || l == ">>>":
			started = true
			steps = append(steps, transcriptStep{input: []string{strings.TrimPrefix(strings.TrimPrefix(l, ">>>"), " ")}, line: i + 1})
		case (strings.HasPrefix(l, "... ") || l == "...") && len(steps) > 0 && len(steps[len(steps)-1].expect) == 0:
			st := &steps[len(steps)-1]
			st.input = append(st.input, strings.TrimPrefix(strings.TrimPrefix(l, "..."), " "))
		case started:
			st := &steps[len(steps)-1]
			st.expect = append(st.expect, l)
		}
	}
	return steps, terminal
}

// expectLine turns an expected line into a regexp: {n} is any number,
// {*} any text, everything else literal.
func expectLine(l string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for len(l) > 0 {
		switch {
		case strings.HasPrefix(l, "{n}"):
			b.WriteString(`-?\d+`)
			l = l[3:]
		case strings.HasPrefix(l, "{*}"):
			b.WriteString(`.*`)
			l = l[3:]
		default:
			b.WriteString(regexp.QuoteMeta(l[:1]))
			l = l[1:]
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

func runTranscript(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	steps, terminal := parseTranscript(string(data))
	var out bytes.Buffer
	dir := t.TempDir()
	s, err := NewSession(Options{Out: &out, Err: &out, Terminal: terminal, Lang: "en", StateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var c translate.Chunker
	for _, st := range steps {
		out.Reset()
		for _, in := range st.input {
			if chunk, ok := c.Add(in); ok {
				chunk.Src = strings.ReplaceAll(chunk.Src, "$TMP", dir)
				s.ExecChunk(chunk)
			}
		}
		if c.Pending() {
			chunk := c.Flush()
			chunk.Src = strings.ReplaceAll(chunk.Src, "$TMP", dir)
			s.ExecChunk(chunk)
		}
		got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			got = nil
		}
		if !matchLines(st.expect, got) {
			t.Errorf("%s:%d: %s\nwant:\n%s\ngot:\n%s", file, st.line, strings.Join(st.input, "\n"),
				strings.Join(st.expect, "\n"), strings.Join(got, "\n"))
		}
	}
}

func matchLines(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		if !expectLine(want[i]).MatchString(got[i]) {
			return false
		}
	}
	return true
}
