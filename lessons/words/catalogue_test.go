package words

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEveryMessageHasChinese finds every message format the shell (repl)
// and the lessons pass to tr or usage, or list as a command's help, and
// requires a Simplified Chinese version in the catalogue with the same
// format verbs.
func TestEveryMessageHasChinese(t *testing.T) {
	shell, _ := filepath.Glob("../../repl/*.go")
	engine, _ := filepath.Glob("../*.go")
	files := append(shell, engine...)
	if len(shell) == 0 || len(engine) == 0 {
		t.Fatalf("no sources found (%d shell files, %d lessons files)", len(shell), len(engine))
	}
	fset := gotoken.NewFileSet()
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			var lit *ast.BasicLit
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				switch {
				case name == "tr" && len(n.Args) >= 2:
					lit, _ = n.Args[1].(*ast.BasicLit)
					if len(n.Args) == 2 && lit != nil && strings.Contains(lit.Value, "%%") {
						// tr prints a message without arguments verbatim.
						t.Errorf("%s: %s has no arguments, so %%%% would print twice", fset.Position(lit.Pos()), lit.Value)
					}
				case name == "usage" && len(n.Args) >= 1:
					lit, _ = n.Args[0].(*ast.BasicLit)
				}
			case *ast.CompositeLit:
				// command{name, args, help, run}: the help text.
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "command" && len(n.Elts) == 4 {
					lit, _ = n.Elts[2].(*ast.BasicLit)
				}
			}
			if lit != nil && lit.Kind == gotoken.STRING {
				found++
				s, _ := strconv.Unquote(lit.Value)
				z, ok := zh[s]
				if !ok {
					t.Errorf("%s: no Chinese for %q", fset.Position(lit.Pos()), s)
				} else if verbs(z) != verbs(s) {
					t.Errorf("%s: Chinese for %q has verbs %q, want %q", fset.Position(lit.Pos()), s, verbs(z), verbs(s))
				}
			}
			return true
		})
	}
	if found < 70 {
		t.Errorf("found only %d messages: is the scan still looking in the right places?", found)
	}
}

// verbs lists a format string's verbs in order, e.g. "%s%d".
func verbs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			b.WriteString(s[i : i+2])
			i++
		}
	}
	return b.String()
}

var han = regexp.MustCompile(`\p{Han}`)

// noWords are the messages with nothing to translate but punctuation.
var noWords = map[string]bool{"%v": true, "FAIL %s: %s": true, "%s: %s → %s": true}

// Every entry of the catalogue has a Chinese version (or one that needs
// no word of Chinese) with the same verbs in the same order.
func TestCatalogue(t *testing.T) {
	for en, z := range zh {
		if verbs(en) != verbs(z) {
			t.Errorf("%q: English verbs %q, Chinese %q", en, verbs(en), verbs(z))
		}
		if han.MatchString(en) {
			t.Errorf("%q: the English key has Chinese in it", en)
		}
		if !han.MatchString(z) && !noWords[en] {
			t.Errorf("%q has no Chinese version: %q", en, z)
		}
	}
	if got := Tr("zh", "Step %d/%d", 2, 9); got != "第 2/9 步" {
		t.Errorf("Tr(zh) = %q", got)
	}
	if got := Tr("en", "no lesson %s: %%lesson lists them", "x"); got != "no lesson x: %lesson lists them" {
		t.Errorf("Tr(en) = %q", got)
	}
	if got := Tr("zh", "%lesson lists the other lessons."); got != "%lesson 列出其他课程。" {
		t.Errorf("Tr(zh) without args = %q", got)
	}
}

// Every hint is in both languages, the prompt's hints start "hint:", and
// the table answers as the shell and the lessons expect.
func TestHints(t *testing.T) {
	for i, h := range hints {
		for _, text := range [][2]string{h.short, h.long} {
			if text == [2]string{} {
				continue
			}
			if han.MatchString(text[0]) || !han.MatchString(text[1]) || verbs(text[0]) != verbs(text[1]) {
				t.Errorf("hint row %d (%v %v) is not bilingual: %q", i, h.errnos, h.classes, text)
			}
		}
		if h.short[0] != "" && (!strings.HasPrefix(h.short[0], "hint: ") || !strings.HasPrefix(h.short[1], "提示：")) {
			t.Errorf("hint row %d: %q does not start with hint:", i, h.short)
		}
		if h.short == [2]string{} && h.long == [2]string{} {
			t.Errorf("hint row %d says nothing", i)
		}
	}
	for _, c := range []struct {
		errno       int
		class, op   string
		short, long string // prefixes; "" for none
	}{
		{111, "ConnectionRefusedError", "connect", "hint: nothing is listening", "Connection refused"},
		{107, "OSError", "recv", "hint: this socket is not connected", "This socket is not connected"},
		{107, "OSError", "getpeername", "hint: this socket is not connected", "This socket is not connected"},
		{13, "PermissionError", "bind", "hint: ports below 1024", "Permission denied"},
		{13, "PermissionError", "socket", "", "Permission denied"},
		{22, "OSError", "listen", "", "Invalid argument"},
		{11, "BlockingIOError", "recv", "hint: the socket is non-blocking", "The socket is non-blocking and the call"},
		{115, "BlockingIOError", "connect", "hint: a non-blocking connect()", "The socket is non-blocking, so connect()"},
		{0, "TimeoutError", "recv", "hint: the timeout ran out", "The timeout set"},
		{110, "TimeoutError", "connect", "hint: the other end never answered", "The other end never answered"},
		{0, "KeyboardInterrupt", "accept", "hint: the call was interrupted", "You interrupted"},
		{-2, "socket.gaierror", "getaddrinfo", "hint: that name did not resolve", "That host name"},
		{-8, "socket.gaierror", "getaddrinfo", "", "That host name"},
		{0, "NameError", "", "", "A name is not defined"},
		{0, "SyntaxError", "", "", "Compare your line"},
		{0, "ZeroDivisionError", "", "", ""},
		{99, "OSError", "bind", "", "Cannot assign"},
	} {
		short, long := Hint("en", Situation{Errno: c.errno, Class: c.class, Op: c.op}), Advice("en", c.errno, c.class)
		if !strings.HasPrefix(short, c.short) || (c.short == "") != (short == "") {
			t.Errorf("Hint(%d, %s, %s) = %q, want %q...", c.errno, c.class, c.op, short, c.short)
		}
		if !strings.HasPrefix(long, c.long) || (c.long == "") != (long == "") {
			t.Errorf("Advice(%d, %s) = %q, want %q...", c.errno, c.class, long, c.long)
		}
	}
	if got := Hint("zh", Situation{Errno: 111, Class: "ConnectionRefusedError", Op: "connect"}); !strings.HasPrefix(got, "提示：") {
		t.Errorf("Hint in Chinese = %q", got)
	}
}

// The same exception gets the hint its socket's state calls for.
func TestHintsByState(t *testing.T) {
	refused := Situation{Errno: 111, Class: "ConnectionRefusedError", Op: "connect", Known: true, Name: "c", Host: "127.0.0.1", Port: 65432}
	pipe := Situation{Errno: 32, Class: "BrokenPipeError", Op: "send", Known: true, Name: "c"}
	inUse := Situation{Errno: 98, Class: "OSError", Op: "bind", Known: true, Name: "s", Port: 65432}
	with := func(s Situation, f func(*Situation)) Situation { f(&s); return s }
	for _, c := range []struct {
		name string
		sit  Situation
		want string // a prefix; "" for no hint
	}{
		{"refused, nothing there", with(refused, func(s *Situation) { s.Holder = HolderNobody }), "hint: nothing is listening on 127.0.0.1 port 65432: start the server"},
		{"refused, our socket bound", with(refused, func(s *Situation) { s.Holder, s.HolderName = HolderShell, "s" }), "hint: s in this shell is bound to port 65432 but not listening: call s.listen() first."},
		{"refused on UDP", with(refused, func(s *Situation) { s.UDP, s.Op = true, "recv" }), "hint: a datagram sent earlier came back as 'port unreachable'"},
		{"refused, socket unknown", Situation{Errno: 111, Class: "ConnectionRefusedError", Op: "connect"}, "hint: nothing is listening at that address."},
		{"send after a refused connect", with(pipe, func(s *Situation) { s.NeverConnected, s.Dialed = true, true }), "hint: c never connected (its connect() failed)"},
		{"send on a fresh socket", with(pipe, func(s *Situation) { s.NeverConnected = true }), "hint: c is not connected: connect() it first"},
		{"send after shutdown", with(pipe, func(s *Situation) { s.ShutWrite = true }), "hint: you shut down the sending side of c"},
		{"send after the peer closed", pipe, "hint: the peer has closed the connection"},
		{"bind, this shell's s2", with(inUse, func(s *Situation) { s.Holder, s.HolderName = HolderShell, "s2" }), "hint: s2 in this shell already holds port 65432: close it (s2.close())"},
		{"bind, another program", with(inUse, func(s *Situation) { s.Holder, s.HolderName = HolderProcess, "python3[1234]" }), "hint: another program holds port 65432: python3[1234]. Stop it or pick another port; %ss 65432 shows it."},
		{"bind, TIME_WAIT", with(inUse, func(s *Situation) { s.Holder = HolderTimeWait }), "hint: a connection closed a moment ago keeps port 65432 in TIME_WAIT"},
		{"accept before listen", Situation{Errno: 22, Class: "OSError", Op: "accept", Known: true, Name: "s"}, "hint: accept() needs a listening socket: call s.listen() first."},
		{"accept on UDP", Situation{Errno: 95, Class: "OSError", Op: "accept", Known: true, Name: "u", UDP: true}, "hint: UDP has no connections"},
		{"send(str)", Situation{Class: "TypeError", Msg: "a bytes-like object is required, not 'str'", Op: "send", Known: true, Name: "c"}, "hint: sockets carry bytes, not str"},
		{"send(int)", Situation{Class: "TypeError", Msg: "a bytes-like object is required, not 'int'", Op: "send", Known: true, Name: "c"}, ""},
		{"recv on a listener", Situation{Errno: 107, Class: "OSError", Op: "recv", Known: true, Name: "s", Listening: true}, "hint: a listening socket only accepts"},
		{"recv after a refused connect", Situation{Errno: 107, Class: "OSError", Op: "recv", Known: true, Name: "c", NeverConnected: true, Dialed: true}, "hint: c is not connected: its connect() failed."},
		{"EAGAIN, non-blocking socket", Situation{Errno: 11, Class: "BlockingIOError", Op: "recv", Known: true, Name: "c"}, "hint: the socket is non-blocking and the call would have to wait"},
		{"EAGAIN, blocking socket (MSG_DONTWAIT)", Situation{Errno: 11, Class: "BlockingIOError", Op: "recv", Known: true, Name: "c", Blocking: true}, "hint: the socket is blocking, but MSG_DONTWAIT asked this one call not to wait"},
		{"send on unconnected UDP", Situation{Errno: 89, Class: "OSError", Op: "send", Known: true, Name: "u", UDP: true}, "hint: this UDP socket has no destination"},
	} {
		got := Hint("en", c.sit)
		if !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("%s: got %q, want %q...", c.name, got, c.want)
		}
		if zh := Hint("zh", c.sit); (zh == "") != (got == "") || strings.Contains(zh, "%!") {
			t.Errorf("%s: Chinese %q", c.name, zh)
		}
	}
}
