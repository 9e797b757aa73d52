package repl

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const twoRoleDemo = `# Both terminals run this part.
PORT = 50007
# --- server ---
s = socket.socket()
# Bind, then listen.
s.bind(('127.0.0.1', PORT)); s.listen()
# --- client (after server) ---
c = socket.create_connection(('127.0.0.1', PORT))
%ls
# --- server (after client) ---
conn, addr = s.accept()
# That is all.
`

// A demo file: statements as translate.Statements splits them, the
// comments above each, sections per role, and the statements a section
// waits for.
func TestParseDemo(t *testing.T) {
	f, err := parseDemo("two.py", twoRoleDemo)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.roles, []string{"server", "client"}) {
		t.Errorf("roles %q", f.roles)
	}
	type row struct {
		n        int
		role     string
		comments []string
		src      string
		waitFor  string
		waits    []int
	}
	var got []row
	for _, st := range f.steps {
		got = append(got, row{st.n, st.role, st.comments, st.src, st.waitFor, st.waitSteps})
	}
	want := []row{
		{1, "", []string{"# Both terminals run this part."}, "PORT = 50007", "", nil},
		{2, "server", nil, "s = socket.socket()", "", nil},
		{3, "server", []string{"# Bind, then listen."}, "s.bind(('127.0.0.1', PORT)); s.listen()", "", nil},
		{4, "client", nil, "c = socket.create_connection(('127.0.0.1', PORT))", "server", []int{2, 3}},
		{5, "client", nil, "%ls", "", nil},
		{6, "server", nil, "conn, addr = s.accept()", "client", []int{4, 5}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("steps:\n%v\nwant\n%v", got, want)
	}
	if !reflect.DeepEqual(f.trailing, []string{"# That is all."}) {
		t.Errorf("trailing %q", f.trailing)
	}
	var client []int
	for _, st := range f.forRole("client") {
		client = append(client, st.n)
	}
	if !reflect.DeepEqual(client, []int{1, 4, 5}) || f.forRole("") != nil || f.forRole("nobody") != nil {
		t.Errorf("client plays %v; no role or an unknown one must play nothing", client)
	}

	for _, c := range []struct{ src, want string }{
		{"x = 1\nif x\n  pass\n", "bad.py:2: SyntaxError"},
		{"# --- server (after server) ---\nx = 1\n", "bad.py:1: a section of server waits for another role"},
		{"# --- server after client ---\nx = 1\n", "bad.py:1: a section line is"},
		{"# --- server (after client) ---\nx = 1\n", "bad.py:2: the section waits for client, but no section"},
		{"# only words\n", "bad.py: no statements"},
	} {
		if _, err := parseDemo("bad.py", c.src); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
	}
}

// In line mode a demo plays whole, as a transcript: comments, each
// statement after its prompt, its output; then the input is read.
func TestDemoLineMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "three.py")
	src := "# Three statements.\nx = 6 * 7\nx\nfor i in range(2):\n    print(i)\n\n    print('again', i)\n# The end.\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runBinary(t, "x + 1\n", "--demo", path)
	want := "# Three statements.\n>>> x = 6 * 7\n>>> x\n42\n>>> for i in range(2):\n...     print(i)\n... \n...     print('again', i)\n0\nagain 0\n1\nagain 1\n# The end.\nend of the demo\n43\n"
	if out != want || errs != "" || code != 0 {
		t.Fatalf("status %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errs, out, want)
	}
	// %demo typed in line mode plays the same way; a bad file is a
	// UsageError with its line, and the session goes on.
	bad := filepath.Join(t.TempDir(), "bad.py")
	os.WriteFile(bad, []byte("x = (\n"), 0o600)
	out, errs, _ = runBinary(t, "%demo "+path+"\n%demo "+bad+"\nx\n")
	if !strings.HasSuffix(out, "end of the demo\n42\n") || !strings.Contains(errs, "UsageError: "+bad+":1: SyntaxError") {
		t.Fatalf("stdout %q, stderr %q", out, errs)
	}
	// With sections, a role must be picked.
	two := filepath.Join(t.TempDir(), "two.py")
	os.WriteFile(two, []byte(twoRoleDemo), 0o600)
	_, errs, code = runBinary(t, "", "--demo", two)
	if code != 2 || !strings.Contains(errs, "has sections for server, client: pick one with --role") {
		t.Fatalf("status %d, stderr %q", code, errs)
	}
}
