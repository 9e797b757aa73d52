package prompt

// Tests for sockrepl's patches (PATCHES.md). Each fails on upstream v0.2.6.

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// scriptParser is a ConsoleParser that hands out a fixed list of keys, one
// per Read, and then nothing; it takes back a key Run could not use
// (Unreader). onRead, when set, runs before each key.
type scriptParser struct {
	mu     sync.Mutex
	keys   [][]byte
	next   int
	onRead func(i int)
	size   WinSize
	unread int
	seen   int // keys handed out at least once
}

func (s *scriptParser) Unread(key []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next--
	s.unread++
	if string(s.keys[s.next]) != string(key) {
		panic(fmt.Sprintf("unread %q, not the last key read %q", key, s.keys[s.next]))
	}
}

func (s *scriptParser) Setup() error         { return nil }
func (s *scriptParser) TearDown() error      { return nil }
func (s *scriptParser) GetWinSize() *WinSize { w := s.size; return &w }
func (s *scriptParser) Read() ([]byte, error) {
	s.mu.Lock()
	i := s.next
	if i >= len(s.keys) {
		s.mu.Unlock()
		return []byte{}, nil
	}
	s.next++
	first := i >= s.seen
	s.seen = max(s.seen, i+1)
	s.mu.Unlock()
	if s.onRead != nil && first {
		s.onRead(i)
	}
	return s.keys[i], nil
}

// statements types n one-letter statements, each with Enter, then Ctrl-D.
func statements(n int) [][]byte {
	var keys [][]byte
	for i := 0; i < n; i++ {
		keys = append(keys, []byte("x"), []byte{0x0d})
	}
	return append(keys, []byte{0x04})
}

// discardWriter is a VT100 writer whose output goes nowhere.
type discardWriter struct{ VT100Writer }

func (w *discardWriter) Flush() error { w.buffer = w.buffer[:0]; return nil }

// newTestPrompt builds a Prompt the way New does, without opening /dev/tty.
func newTestPrompt(in ConsoleParser, executor Executor) *Prompt {
	return &Prompt{
		in: in,
		renderer: &Render{
			prefix:             "> ",
			out:                &discardWriter{},
			livePrefixCallback: func() (string, bool) { return "", false },
		},
		buf:         NewBuffer(),
		executor:    executor,
		history:     NewHistory(),
		completion:  NewCompletionManager(func(Document) []Suggest { return nil }, 6),
		keyBindMode: EmacsKeyBind,
	}
}

// runOrHang runs p and fails the test if Run has not returned after a
// minute: a freeze, not a slow machine.
func runOrHang(t *testing.T, p *Prompt, during func(done <-chan struct{})) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run()
	}()
	if during != nil {
		go during(done)
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Run froze")
	}
}

// Patch 1: a storm of SIGWINCH while statements run must not deadlock Run.
func TestPatchResizeStormDoesNotFreezeRun(t *testing.T) {
	const n = 200
	ran := 0
	in := &scriptParser{keys: statements(n), size: WinSize{Row: 24, Col: 80}}
	p := newTestPrompt(in, func(string) {
		ran++
		time.Sleep(200 * time.Microsecond)
	})
	runOrHang(t, p, func(done <-chan struct{}) {
		for {
			select {
			case <-done:
				return
			default:
				syscall.Kill(os.Getpid(), syscall.SIGWINCH)
				time.Sleep(50 * time.Microsecond)
			}
		}
	})
	if ran != n {
		t.Fatalf("%d statements ran, want %d", ran, n)
	}
}

// Patch 1: SIGINT and SIGQUIT belong to the embedding program: Run neither
// exits on them nor keeps them (or SIGTERM) registered once it returns. The
// check runs in a child process, since it ends with a SIGTERM.
func TestPatchSignalsBelongToTheProgram(t *testing.T) {
	if os.Getenv("GO_PROMPT_SIGNAL_CHILD") == "1" {
		signalChild()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPatchSignalsBelongToTheProgram$")
	cmd.Env = append(os.Environ(), "GO_PROMPT_SIGNAL_CHILD=1")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !strings.Contains(string(out), "survived: 2 signals") || !ok ||
		ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGTERM {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func signalChild() {
	own := make(chan os.Signal, 4)
	signal.Notify(own, syscall.SIGINT, syscall.SIGQUIT)
	in := &scriptParser{keys: statements(50), size: WinSize{Row: 24, Col: 80}}
	in.onRead = func(i int) {
		if i == 10 || i == 60 {
			// While the prompt waits for keys, as a kill -INT at idle.
			sig := syscall.SIGINT
			if i == 60 {
				sig = syscall.SIGQUIT
			}
			syscall.Kill(os.Getpid(), sig)
			time.Sleep(100 * time.Millisecond)
		}
	}
	newTestPrompt(in, func(string) {}).Run()
	signal.Stop(own)
	fmt.Printf("survived: %d signals\n", len(own))
	// Nothing may still catch SIGTERM: it must end the process.
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	time.Sleep(5 * time.Second)
	fmt.Println("SIGTERM was caught by a handler left behind")
	os.Exit(0)
}

// Patch 2: a pty that reports 0x0, and a descriptor that is no terminal at
// all, both give 80x24 (upstream: 0x0, which later divides by zero, and a
// panic).
func TestPatchZeroWindowIs80x24(t *testing.T) {
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no /dev/ptmx: %v", err)
	}
	defer master.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for _, f := range []*os.File{master, null} {
		var got *WinSize
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: GetWinSize panicked: %v", f.Name(), r)
				}
			}()
			got = (&PosixParser{fd: int(f.Fd())}).GetWinSize()
		}()
		if got != nil && (got.Row != 24 || got.Col != 80) {
			t.Errorf("%s: GetWinSize = %dx%d, want 80 columns and 24 rows", f.Name(), got.Col, got.Row)
		}
	}
}

// Patch 3: while keys are waiting, nothing sleeps (upstream slept 10 ms
// per key: two minutes for a paste of 5,000 lines).
func TestPatchNoWaitWhileKeysAreWaiting(t *testing.T) {
	const n = 2000
	ran := 0
	in := &scriptParser{keys: statements(n), size: WinSize{Row: 24, Col: 80}}
	waits := 0
	old := idleWait
	idleWait = func() {
		in.mu.Lock()
		if in.next < len(in.keys) { // not after the last key
			waits++
		}
		in.mu.Unlock()
		runtime.Gosched()
	}
	defer func() { idleWait = old }()
	runOrHang(t, newTestPrompt(in, func(string) { ran++ }), nil)
	if ran != n || waits != 0 {
		t.Fatalf("%d statements ran (want %d), with %d idle waits (want 0)", ran, n, waits)
	}
}

// Patch 3: a key read while Run stops reading is given back, not lost, and
// every statement arrives whole and in order.
func TestPatchNoKeyLostAtTheExecutor(t *testing.T) {
	var keys [][]byte
	var want []string
	for i := 0; i < 500; i++ {
		s := fmt.Sprintf("s%d", i)
		want = append(want, s)
		for _, c := range s {
			keys = append(keys, []byte(string(c)))
		}
		keys = append(keys, []byte{0x0d})
	}
	keys = append(keys, []byte{0x04})
	in := &scriptParser{keys: keys, size: WinSize{Row: 24, Col: 80}}
	var got []string
	runOrHang(t, newTestPrompt(in, func(s string) { got = append(got, s) }), nil)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("statements %q, want %q", got, want)
	}
	if in.unread == 0 {
		t.Log("no key was read ahead of the executor in this run")
	}
}

// captureWriter is a VT100 writer that keeps what it flushes.
type captureWriter struct {
	VT100Writer
	mu  sync.Mutex
	out []byte
}

func (w *captureWriter) Flush() error {
	w.mu.Lock()
	w.out = append(w.out, w.buffer...)
	w.mu.Unlock()
	w.buffer = w.buffer[:0]
	return nil
}

// recordWriter is a VT100 writer that keeps everything flushed.
type recordWriter struct {
	VT100Writer
	out []byte
}

func (w *recordWriter) Flush() error {
	w.out = append(w.out, w.buffer...)
	w.buffer = w.buffer[:0]
	return nil
}

// Patch 4: text sent while the prompt waits for keys is printed above it,
// in Run's goroutine, and the half-typed line is drawn again below it.
func TestPatchPrintAbove(t *testing.T) {
	above := make(chan func() string)
	printed := make(chan struct{})
	var typed string
	in := &scriptParser{keys: [][]byte{[]byte("h"), []byte("i"), {0x15}, {0x04}}, size: WinSize{Row: 24, Col: 80}}
	p := newTestPrompt(in, func(string) {})
	out := &captureWriter{}
	p.renderer.out = out
	p.above = above
	in.onRead = func(i int) {
		if i == 2 { // "hi" is typed: print above it before the next key
			above <- func() string { typed = p.buf.Text(); return "● news\n" }
			close(printed)
		}
	}
	runOrHang(t, p, nil)
	<-printed
	if typed != "hi" {
		t.Errorf("the function ran with %q typed, want \"hi\"", typed)
	}
	text := string(out.out)
	i := strings.Index(text, "● news\r\n")
	if i < 0 {
		t.Fatalf("no line above the prompt in %q", text)
	}
	if !strings.Contains(regexp.MustCompile("\x1b\\[[0-9;?]*[a-zA-Z]").ReplaceAllString(text[i:], ""), "> hi") {
		t.Errorf("the prompt and its line were not drawn again after the text: %q", text[i:])
	}
}

// Patch 6: OptionPrefill starts the first line and each line after the
// executor with its text, editable as if typed; "" leaves the line empty.
func TestPatchPrefill(t *testing.T) {
	texts := []string{"first", "second"}
	in := &scriptParser{keys: [][]byte{{0x0d}, []byte("!"), {0x0d}, {0x0d}, {0x04}}, size: WinSize{Row: 24, Col: 80}}
	var got []string
	p := newTestPrompt(in, func(s string) { got = append(got, s) })
	if err := OptionPrefill(func() string {
		if len(texts) == 0 {
			return ""
		}
		t := texts[0]
		texts = texts[1:]
		return t
	})(p); err != nil {
		t.Fatal(err)
	}
	runOrHang(t, p, nil)
	if strings.Join(got, ",") != "first,second!," {
		t.Fatalf("executor got %q, want first, second! and an empty line", got)
	}
}

// Patch 5: a buffer of three lines is three rows: drawing it again, or
// breaking the line, first moves up two rows to where the prompt starts
// (upstream measured it as one line and left copies on the screen).
func TestPatchMultiLineBuffer(t *testing.T) {
	w := &recordWriter{}
	r := &Render{prefix: "> ", out: w, row: 24, col: 80,
		livePrefixCallback: func() (string, bool) { return "", false }}
	b := NewBuffer()
	b.InsertText("for i in x:\n    i\n    i", false, true)
	c := NewCompletionManager(func(Document) []Suggest { return nil }, 6)
	r.Render(b, c)
	if !strings.Contains(string(w.out), "x:\r\n    i\r\n") {
		t.Errorf("lines not broken with CR LF: %q", w.out)
	}
	w.out = nil
	r.Render(b, c)
	if !strings.HasPrefix(string(w.out), "\x1b[2A") {
		t.Errorf("a redraw does not start two rows up: %q", w.out)
	}
	w.out = nil
	r.BreakLine(b)
	if !strings.HasPrefix(string(w.out), "\x1b[2A") {
		t.Errorf("BreakLine does not start two rows up: %q", w.out)
	}
	// Rows that wrap, and empty lines, count as the terminal draws them.
	r.col = 10
	for _, c := range []struct {
		start int
		text  string
		want  int
	}{
		{2, "abc", 3},
		{2, "abc\nd", 9},      // row 0 to its end, then d
		{2, "abcdefgh\nd", 9}, // abcdefgh fills row 0: no cells for the newline
		{2, "a\n\nb", 19},     // an empty line is a whole row
	} {
		if got := r.span(c.start, c.text); got != c.want {
			t.Errorf("span(%d, %q) = %d, want %d", c.start, c.text, got, c.want)
		}
	}
}
