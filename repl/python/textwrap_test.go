package python

import (
	"encoding/json"
	"math/rand"
	"os/exec"
	"strings"
	"testing"
)

// TestWrapTextMatchesTextwrap compares wrapText with python3's
// textwrap.wrap on generated help texts: words, hyphenated words, long
// words, em-dashes, punctuation and non-ASCII, at many widths.
func TestWrapTextMatchesTextwrap(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: textwrap is the reference")
	}
	words := []string{"a", "socket", "non-blocking", "per-connection", "x-y", "a-b-c", "well--known", "--flag", "-v", "é-tè",
		"3-4", "a-1", "end.", "(paren)", "\"quoted\"", "very-long-hyphenated-word-that-goes-on", "supercalifragilisticexpialidocious",
		"—", "co-op's", "e-mail,", "x--y", "_under_score", "°C", "ab-", "-ab", "a-b-"}
	r := rand.New(rand.NewSource(1))
	type tc struct {
		Text  string
		Width int
	}
	var cases []tc
	for i := 0; i < 400; i++ {
		n := 1 + r.Intn(14)
		parts := make([]string, n)
		for j := range parts {
			parts[j] = words[r.Intn(len(words))]
		}
		cases = append(cases, tc{strings.Join(parts, " "), 3 + r.Intn(40)})
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command(python, "-c", "import json, sys, textwrap\nprint(json.dumps([textwrap.wrap(c['Text'], c['Width']) for c in json.load(sys.stdin)]))")
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want [][]string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		got := wrapText(c.Text, c.Width)
		if strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("wrap(%q, %d)\n got  %q\n want %q", c.Text, c.Width, got, want[i])
		}
	}
}
