package translate

import (
	"os"
	"strings"
	"testing"

	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

// TestRecvSites lists, for programs in the shapes learners write, which
// recv statements may reuse their buffer: "local", "global" or "" (keeps
// a fresh buffer) for each `= ... .recv(` line in order. Every "" row is
// a way the bytes could outlive the variable, or code that could see
// them while a reuse overwrites them.
func TestRecvSites(t *testing.T) {
	cases := []struct {
		name string
		mode Mode
		src  string
		want []string
	}{
		{"counting loop at module level", Exec, `
n = 0
while True:
    data = conn.recv(1048576)
    if not data:
        break
    n += len(data)
print(n, len(data), data == b'', f'{data!r} {n}')
`, []string{"global"}},
		{"at the prompt, a module variable never qualifies", Single, `
while True:
    data = conn.recv(65536)
    if not data:
        break
`, []string{""}},
		{"a function's local, in with and try", Single, `
def pump(conn, size):
    total = 0
    with conn:
        while True:
            try:
                chunk = conn.recv(size)
            except BlockingIOError:
                continue
            if not chunk:
                break
            total += len(chunk)
            print('got', chunk, end='')
    return total
`, []string{"local"}},
		{"appended", Exec, `
chunks = []
while True:
    data = conn.recv(4096)
    if not data: break
    chunks.append(data)
`, []string{""}},
		{"returned", Single, `
def f(c):
    data = c.recv(100)
    return data
`, []string{""}},
		{"sliced", Exec, "data = c.recv(100)\nhead = data[:4]\n", []string{""}},
		{"concatenated into another", Exec, "buf = b''\ndata = c.recv(100)\nbuf = buf + data\n", []string{""}},
		{"augmented", Exec, "data = c.recv(100)\ndata += b'x'\n", []string{""}},
		{"sent on (a socket, checked at run time)", Exec, "data = c.recv(100)\nc.sendall(data)\nn = c.send(data)\nc.sendto(data, ('::1', 9))\n", []string{"global"}},
		{"passed to another method", Exec, "data = c.recv(100)\nc.process(data)\n", []string{""}},
		{"sent with a call after it", Exec, "data = c.recv(100)\nc.sendto(data, where())\n", []string{""}},
		{"sent with a keyword", Exec, "data = c.recv(100)\nc.sendall(data, flags=0)\n", []string{""}},
		{"decoded", Exec, "data = c.recv(100)\ntext = data.decode()\n", []string{""}},
		{"or", Exec, "data = c.recv(100)\nx = data or b'-'\n", []string{""}},
		{"compared with a variable", Exec, "data = c.recv(100)\nok = data == expected\n", []string{""}},
		{"a closure names it", Single, `
def f(c):
    data = c.recv(100)
    g = lambda: len(data)
    return g
`, []string{""}},
		{"a comprehension names it", Single, `
def f(c):
    data = c.recv(100)
    return [b for b in data]
`, []string{""}},
		{"read by a function of the program", Exec, `
def show():
    return data
data = c.recv(100)
`, []string{""}},
		{"read harmlessly by a function of the program", Exec, `
def size():
    return len(data)
data = c.recv(100)
print(size())
`, []string{"global"}},
		{"globals() anywhere", Exec, "data = c.recv(100)\ng = globals()\n", []string{""}},
		{"eval anywhere", Exec, "data = c.recv(100)\neval('1')\n", []string{""}},
		{"locals() in the function", Single, "def f(c):\n    data = c.recv(100)\n    return locals()\n", []string{""}},
		{"len is not the builtin", Single, "def f(c, len):\n    data = c.recv(100)\n    return len(data)\n", []string{""}},
		{"len rebound in the program", Exec, "len = print\ndata = c.recv(100)\nn = len(data)\n", []string{""}},
		{"print with a call after it", Exec, "data = c.recv(100)\nprint(data, f())\n", []string{""}},
		{"print with a call before it", Exec, "data = c.recv(100)\nprint(f(), data)\n", []string{"global"}},
		{"an f-string with a call after it", Exec, "data = c.recv(100)\nprint(f'{data}{f()}')\n", []string{""}},
		{"a format spec", Exec, "data = c.recv(100)\nprint(f'{data:>10}')\n", []string{""}},
		{"two variables, one kept", Exec, `
keep = []
while True:
    data = a.recv(100)
    other = b.recv(100)
    if not data or not other: break
    keep.append(other)
`, []string{"global", ""}},
		{"keywords, several targets, a tuple", Exec, "data = c.recv(bufsize=10)\nx = y = c.recv(10)\np, q = c.recv(10)\n", []string{"", "", ""}},
		{"walrus in a while test", Exec, "n = 0\nwhile data := c.recv(100):\n    n += len(data)\n", []string{"global"}},
		{"walrus in a function, under not", Single, "def f(c):\n    if not (data := c.recv(100)):\n        return 0\n    return len(data)\n", []string{"local"}},
		{"walrus whose value is kept", Exec, "x = (data := c.recv(100))\n", []string{""}},
		{"walrus compared", Exec, "while (data := c.recv(100)) != b'':\n    pass\n", []string{""}},
		{"walrus in a comprehension", Single, "def f(c):\n    return [len(d) for _ in range(3) if (d := c.recv(10))]\n", []string{""}},
		{"in a class body", Exec, "class C:\n    data = c.recv(10)\n", []string{""}},
		{"nonlocal", Single, `
def outer(c):
    data = b''
    def inner():
        nonlocal data
        data = c.recv(10)
    inner()
`, []string{""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, site := range recvLines(t, "t.py", strings.TrimLeft(tc.src, "\n"), tc.mode) {
				if strings.Contains(site.line, "=") {
					got = append(got, site.kind)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// recvLine is a source line calling .recv(, and what the translator made
// of that call: "global", "local", or "" (not a site).
type recvLine struct{ line, kind string }

// recvLines lowers src and lists its lines that call .recv(.
func recvLines(t *testing.T, file, src string, mode Mode) []recvLine {
	t.Helper()
	m, err := py.Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Lower(file, src, m, mode)
	if err != nil {
		t.Fatal(err)
	}
	var out []recvLine
	for i, line := range strings.Split(src, "\n") {
		at := strings.Index(line, ".recv(")
		if at < 0 {
			continue
		}
		kind := ""
		if site, ok := p.RecvSites[[2]int32{int32(i + 1), int32(at + len(".recv("))}]; ok {
			kind = "local"
			if site.Global {
				kind = "global"
			}
		}
		out = append(out, recvLine{strings.TrimSpace(line), kind})
	}
	return out
}

// TestRecvSitesInTheCorpus: the corpus program that downloads in bulk
// has its counting loops (module level, in a function) found, and its
// keeping loop not.
func TestRecvSitesInTheCorpus(t *testing.T) {
	file := "../../testdata/programs/bulk_receive.py"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, site := range recvLines(t, file, string(src), Exec) {
		if site.kind != "" {
			found = append(found, site.line+" "+site.kind)
		}
	}
	want := "chunk = sock.recv(bufsize) local|data = s.recv(1048576) global"
	if got := strings.Join(found, "|"); got != want {
		t.Errorf("sites %q, want %q", got, want)
	}
}

// TestSendsOfReusedBytesCheckTheirReceiver: a send of bytes whose recv may
// reuse its buffer is lowered with its receiver checked ($sockonly), and
// only then.
func TestSendsOfReusedBytesCheckTheirReceiver(t *testing.T) {
	for src, want := range map[string]int{
		"data = c.recv(100)\nc.sendall(data)\nc.sendall(b'x')\n": 1,
		"data = c.recv(100)\nc.sendall(data)\nkeep = [data]\n":   0,
		"data = c.recv(100)\nc.sendall(data)\nc.send(data)\n":    2,
	} {
		m, err := py.Parse("t.py", src)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Lower("t.py", src, m, Exec)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		syntax.Walk(p.File, func(n syntax.Node) bool {
			if id, ok := n.(*syntax.Ident); ok && id.Name == string(HSockOnly) {
				got++
			}
			return true
		})
		if got != want {
			t.Errorf("%q: %d receivers checked, want %d", src, got, want)
		}
	}
}
