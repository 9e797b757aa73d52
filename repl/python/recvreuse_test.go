package python

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets/leakcheck"
)

// The setup every program below starts with: 60,000 bytes queued on a
// Unix stream socketpair, the sender shut, so a recv(4096) loop takes 15
// turns and meets EOF. Each 4096-byte piece differs from the others.
const reusePrelude = `
import socket
a, b = socket.socketpair()
payload = b''.join(bytes([65 + i % 26]) * 4096 for i in range(15))[:60000]
a.sendall(payload)
a.shutdown(socket.SHUT_WR)
`

// runReuse runs each source in turn (Program mode, as sockrepl FILE.py
// does, or Single, as the prompt) and returns what was printed and how
// many recvs reused a buffer.
func runReuse(t *testing.T, steps ...string) (string, int64) {
	t.Helper()
	leakcheck.Check(t)
	sh := newPyShell(t)
	for i, src := range steps {
		mode := Program
		if strings.HasPrefix(src, ">>> ") {
			mode, src = Single, strings.TrimPrefix(src, ">>> ")
		}
		if i == 0 {
			src = reusePrelude + src
		}
		if _, err := sh.in.Exec("prog.py", src, mode); err != nil {
			t.Fatalf("step %d: %v\n%s", i, err, sh.printed())
		}
	}
	out := sh.printed()
	sh.must("a.close(); b.close()")
	return out, sh.in.recvReused.Load()
}

func TestRecvReusesInALoop(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"module level", `
n = 0
while True:
    data = b.recv(4096)
    if not data:
        break
    n += len(data)
print(n, data)
`, "60000 b''\n"},
		{"a walrus at module level", `
n = 0
while data := b.recv(4096):
    n += len(data)
print(n, data)
`, "60000 b''\n"},
		{"a function's local, in with and try", `
def pump(s):
    n = 0
    with s:
        while True:
            try:
                chunk = s.recv(4096)
            except BlockingIOError:
                continue
            if not chunk:
                break
            n += len(chunk)
            if n == 8192:
                print('second', len(chunk), b'A' in chunk, b'B' in chunk)
    return n
print(pump(b))
`, "second 4096 False True\n60000\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, reused := runReuse(t, tc.src)
			if reused < 10 {
				t.Errorf("only %d of 15 recvs reused the buffer", reused)
			}
			if out != tc.want {
				t.Errorf("printed %q, want %q", out, tc.want)
			}
		})
	}
}

func TestRecvReuseRelaysToASocket(t *testing.T) {
	out, reused := runReuse(t, `
c, d = socket.socketpair()
def relay(src, dst):
    while True:
        data = src.recv(4096)
        if not data:
            break
        dst.sendall(data)
relay(b, c)
c.close()
got = []
while True:
    piece = d.recv(65536)
    if not piece:
        break
    got.append(piece)
print(b''.join(got) == payload)
d.close()
`)
	if reused < 10 || out != "True\n" {
		t.Errorf("reused %d, printed %q", reused, out)
	}
}

func TestRecvReuseRefusedForAnOperation(t *testing.T) {
	out, reused := runReuse(t, `
def pump(s):
    n = 0
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        n += len(chunk)
        if n == 8192:
            print('second', chunk == b'B' * 4096)
    return n
print(pump(b))
`)
	// b'B' * 4096 is an operation, not a constant: the analysis refuses it.
	if reused != 0 {
		t.Errorf("%d reused", reused)
	}
	if out != "second True\n60000\n" {
		t.Errorf("printed %q", out)
	}
}

// Each program below keeps or shows some received bytes after more
// recvs, in a way only the run can know about; the bytes must be the
// ones received.
func TestRecvReuseNeverChangesKeptBytes(t *testing.T) {
	t.Run("len bound as a global between two recvs", func(t *testing.T) {
		out, _ := runReuse(t, ">>> kept = []",
			">>> def spy(x):\n    kept.append(x)\n    return 4096\n",
			">>> def evil():\n    global len\n    len = spy\n",
			`>>> def pump(s):
    n = 0
    while True:
        data = s.recv(4096)
        if not data:
            break
        n += len(data)
        evil()
    return n
`, ">>> print(pump(b))", ">>> print(kept[0][:1], kept[-1][:1], b''.join(kept) == payload[4096:])")
		if out != "61440\nb'B' b'O' True\n" {
			t.Errorf("printed %q", out)
		}
	})
	t.Run("a module variable read at the prompt, then the program's function runs again", func(t *testing.T) {
		out, _ := runReuse(t, `
def pump(s, size):
    global data
    data = s.recv(size)
    return len(data)
pump(b, 4096)
`, ">>> first = data", ">>> n = pump(b, 4096)", ">>> print(first[:1], data[:1])")
		if out != "b'A' b'B'\n" {
			t.Errorf("printed %q", out)
		}
	})
	t.Run("a module variable with a thread running", func(t *testing.T) {
		out, reused := runReuse(t, `
import threading
seen = []
def watch():
    seen.append(1)
t = threading.Thread(target=watch)
t.start()
t.join()
n = 0
while True:
    data = b.recv(4096)
    if not data:
        break
    n += len(data)
print(n, seen)
`)
		if reused != 0 || out != "60000 [1]\n" {
			t.Errorf("reused %d, printed %q", reused, out)
		}
	})
	t.Run("recursion: each frame's variable its own", func(t *testing.T) {
		out, _ := runReuse(t, `
def nest(s, depth):
    data = s.recv(4096)
    if depth:
        nest(s, depth - 1)
    print(depth, f'{data!r}'[:3])
for i in range(3):
    nest(b, 3)
`)
		want := ""
		for round := 0; round < 3; round++ {
			for d := 0; d <= 3; d++ {
				// The innermost call received last: depth 0 holds the 4th piece.
				want += string(rune('0'+d)) + " b'" + string(rune('A'+round*4+3-d)) + "\n"
			}
		}
		if out != want {
			t.Errorf("printed\n%s\nwant\n%s", out, want)
		}
	})
	t.Run("two generators on one socket", func(t *testing.T) {
		out, _ := runReuse(t, `
def pieces(s):
    while True:
        data = s.recv(4096)
        if not data:
            return
        yield len(data)
        print('after', f'{data!r}'[:3])
g, h = pieces(b), pieces(b)
print(next(g), next(h), next(g), next(h))
g.close()
h.close()
`)
		if out != "after b'A\nafter b'B\n4096 4096 4096 4096\n" {
			t.Errorf("printed %q", out)
		}
	})
	t.Run("a recv that times out leaves the last bytes", func(t *testing.T) {
		out, reused := runReuse(t, `
c, d = socket.socketpair()
c.sendall(b'x' * 4096 + b'y' * 4096 + b'z' * 904)
def pump(s):
    s.settimeout(0.05)
    data = b''
    while True:
        try:
            data = s.recv(4096)
        except TimeoutError:
            print('kept', len(data), b'y' in data, b'z' in data)
            return
pump(d)
c.close()
d.close()
`)
		if out != "kept 904 False True\n" || reused != 1 {
			t.Errorf("reused %d, printed %q", reused, out)
		}
	})
	t.Run("sent to an object that keeps what it is sent", func(t *testing.T) {
		out, _ := runReuse(t, `
class Keeper:
    def __init__(self):
        self.kept = []
    def sendall(self, data):
        self.kept.append(data)
def relay(src, dst):
    while True:
        data = src.recv(4096)
        if not data:
            break
        dst.sendall(data)
k = Keeper()
relay(b, k)
print(len(k.kept), k.kept[0][:1], k.kept[-1][:1], b''.join(k.kept) == payload)
`)
		if out != "15 b'A' b'O' True\n" {
			t.Errorf("printed %q", out)
		}
	})
	t.Run("interrupted between the recv and the assignment", func(t *testing.T) {
		calls, early := 0, false
		siteRecvHook = func(thread *starlark.Thread, returned bool) {
			if !returned {
				if calls == 11 && !early {
					early = true
					// as the 12th recv begins, a cancel without the wake
					// (as the memory watch's): the recv still reads
					thread.Cancel("KeyboardInterrupt")
				}
				return
			}
			if calls++; calls == 5 || calls == 6 || calls == 9 {
				interpOf(thread).Interrupt() // a Ctrl-C that lands before the store
			}
		}
		defer func() { siteRecvHook = nil }()
		out, reused := runReuse(t, `
def pump(s):
    data = b''
    while True:
        try:
            data = s.recv(4096)
        except KeyboardInterrupt:
            print('interrupted, holding', f'{data!r}'[:3])
            continue
        if not data:
            return
        print(f'{data!r}'[:3])
pump(b)
`)
		want := "b'A\nb'B\nb'C\nb'D\ninterrupted, holding b'D\ninterrupted, holding b'D\n" +
			"b'G\nb'H\ninterrupted, holding b'H\nb'J\nb'K\ninterrupted, holding b'K\nb'M\nb'N\nb'O\n"
		if out != want {
			t.Errorf("printed\n%s\nwant\n%s", out, want)
		}
		if reused == 0 {
			t.Error("no recv reused a buffer")
		}
	})
}
