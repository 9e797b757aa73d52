package prompt

import (
	"bytes"
	"time"

	"github.com/c-bata/go-prompt/internal/debug"
)

// Executor is called when user input something text.
type Executor func(string)

// ExitChecker is called after user input to check if prompt must stop and exit go-prompt Run loop.
// User input means: selecting/typing an entry, then, if said entry content matches the ExitChecker function criteria:
// - immediate exit (if breakline is false) without executor called
// - exit after typing <return> (meaning breakline is true), and the executor is called first, before exit.
// Exit means exit go-prompt (not the overall Go program)
type ExitChecker func(in string, breakline bool) bool

// Completer should return the suggest item from Document.
type Completer func(Document) []Suggest

// Prompt is core struct of go-prompt.
type Prompt struct {
	in                ConsoleParser
	buf               *Buffer
	renderer          *Render
	executor          Executor
	history           *History
	completion        *CompletionManager
	keyBindings       []KeyBind
	ASCIICodeBindings []ASCIICodeBind
	keyBindMode       KeyBindMode
	completionOnDown  bool
	exitChecker       ExitChecker
	skipTearDown      bool
	// sockrepl patch 4: lines to print above the prompt while it waits
	// for keys (OptionPrintAbove).
	above <-chan func() string
	// prefill (sockrepl patch 6) gives the text a fresh line starts with.
	prefill func() string
}

// Exec is the struct contains user input context.
type Exec struct {
	input string
}

// Run starts prompt.
func (p *Prompt) Run() {
	p.skipTearDown = false
	defer debug.Teardown()
	debug.Log("start prompt")
	p.setUp()
	defer p.tearDown()

	p.fill()
	if p.completion.showAtStart {
		p.completion.Update(*p.buf.Document())
	}

	p.renderer.Render(p.buf, p.completion)

	// sockrepl patch 3: unbuffered, so that when the executor runs every
	// key not yet used is still in the parser (or the terminal), where the
	// program can drop it; readBuffer gives back a key it could not hand
	// over (Unreader).
	bufCh := make(chan []byte)
	stopReader := p.startReader(bufCh)

	// sockrepl patch 1: one signal goroutine (and one signal.Notify) for
	// the whole of Run, stopped when Run returns. Upstream started a new one
	// per statement, whose Notify was never undone, and could deadlock: Run
	// blocked sending on stopHandleSignalCh while handleSignals blocked
	// sending a window size on the unbuffered winSizeCh. winSizeCh now only
	// says "the size changed" and holds one such note, so a storm of
	// SIGWINCH coalesces and the sender never blocks.
	winSizeCh := make(chan struct{}, 1)
	stopHandleSignalCh := make(chan struct{})
	signalsDone := make(chan struct{})
	go func() {
		defer close(signalsDone)
		p.handleSignals(winSizeCh, stopHandleSignalCh)
	}()
	defer func() {
		close(stopHandleSignalCh)
		<-signalsDone
	}()

	for {
		select {
		case b := <-bufCh:
			if shouldExit, e := p.feed(b); shouldExit {
				p.renderer.BreakLine(p.buf)
				stopReader()
				return
			} else if e != nil {
				// Stop goroutine to run readBuffer function
				stopReader()

				// Unset raw mode
				// Reset to Blocking mode because returned EAGAIN when still set non-blocking mode.
				debug.AssertNoError(p.in.TearDown())
				p.executor(e.input)
				p.fill()

				p.completion.Update(*p.buf.Document())

				p.renderer.Render(p.buf, p.completion)

				if p.exitChecker != nil && p.exitChecker(e.input, true) {
					p.skipTearDown = true
					return
				}
				// Set raw mode
				debug.AssertNoError(p.in.Setup())
				stopReader = p.startReader(bufCh)
			} else {
				p.completion.Update(*p.buf.Document())
				p.renderer.Render(p.buf, p.completion)
			}
		case <-winSizeCh:
			p.renderer.UpdateWinSize(p.in.GetWinSize())
			p.renderer.Render(p.buf, p.completion)
		case f := <-p.above:
			// sockrepl patch 4: f runs here, between two drawings of the
			// prompt, and what it returns goes above the prompt, which is
			// then drawn again with the half-typed line and cursor as they were.
			if text := f(); text != "" {
				p.renderer.PrintAbove(p.buf, p.completion, text)
			}
		}
		// sockrepl patch 3: no 10 ms sleep here; the select waits.
	}
}

// fill puts the prefill text into an empty buffer (sockrepl patch 6), as
// if typed: the line starts with it, editable, the cursor at its end.
func (p *Prompt) fill() {
	if p.prefill == nil || p.buf.Text() != "" {
		return
	}
	if text := p.prefill(); text != "" {
		p.buf.InsertText(text, false, true)
	}
}

func (p *Prompt) feed(b []byte) (shouldExit bool, exec *Exec) {
	key := GetKey(b)
	p.buf.lastKeyStroke = key
	// completion
	completing := p.completion.Completing()
	p.handleCompletionKeyBinding(key, completing)

	switch key {
	case Enter, ControlJ, ControlM:
		p.renderer.BreakLine(p.buf)

		exec = &Exec{input: p.buf.Text()}
		p.buf = NewBuffer()
		if exec.input != "" {
			p.history.Add(exec.input)
		}
	case ControlC:
		p.renderer.BreakLine(p.buf)
		p.buf = NewBuffer()
		p.history.Clear()
	case Up, ControlP:
		if !completing { // Don't use p.completion.Completing() because it takes double operation when switch to selected=-1.
			if newBuf, changed := p.history.Older(p.buf); changed {
				p.buf = newBuf
			}
		}
	case Down, ControlN:
		if !completing { // Don't use p.completion.Completing() because it takes double operation when switch to selected=-1.
			if newBuf, changed := p.history.Newer(p.buf); changed {
				p.buf = newBuf
			}
			return
		}
	case ControlD:
		if p.buf.Text() == "" {
			shouldExit = true
			return
		}
	case NotDefined:
		if p.handleASCIICodeBinding(b) {
			return
		}
		p.buf.InsertText(string(b), false, true)
	}

	shouldExit = p.handleKeyBinding(key)
	return
}

func (p *Prompt) handleCompletionKeyBinding(key Key, completing bool) {
	switch key {
	case Down:
		if completing || p.completionOnDown {
			p.completion.Next()
		}
	case Tab, ControlI:
		p.completion.Next()
	case Up:
		if completing {
			p.completion.Previous()
		}
	case BackTab:
		p.completion.Previous()
	default:
		if s, ok := p.completion.GetSelectedSuggestion(); ok {
			w := p.buf.Document().GetWordBeforeCursorUntilSeparator(p.completion.wordSeparator)
			if w != "" {
				p.buf.DeleteBeforeCursor(len([]rune(w)))
			}
			p.buf.InsertText(s.Text, false, true)
		}
		p.completion.Reset()
	}
}

func (p *Prompt) handleKeyBinding(key Key) bool {
	shouldExit := false
	for i := range commonKeyBindings {
		kb := commonKeyBindings[i]
		if kb.Key == key {
			kb.Fn(p.buf)
		}
	}

	if p.keyBindMode == EmacsKeyBind {
		for i := range emacsKeyBindings {
			kb := emacsKeyBindings[i]
			if kb.Key == key {
				kb.Fn(p.buf)
			}
		}
	}

	// Custom key bindings
	for i := range p.keyBindings {
		kb := p.keyBindings[i]
		if kb.Key == key {
			kb.Fn(p.buf)
		}
	}
	if p.exitChecker != nil && p.exitChecker(p.buf.Text(), false) {
		shouldExit = true
	}
	return shouldExit
}

func (p *Prompt) handleASCIICodeBinding(b []byte) bool {
	checked := false
	for _, kb := range p.ASCIICodeBindings {
		if bytes.Equal(kb.ASCIICode, b) {
			kb.Fn(p.buf)
			checked = true
		}
	}
	return checked
}

// Input just returns user input text.
func (p *Prompt) Input() string {
	defer debug.Teardown()
	debug.Log("start prompt")
	p.setUp()
	defer p.tearDown()

	if p.completion.showAtStart {
		p.completion.Update(*p.buf.Document())
	}

	p.renderer.Render(p.buf, p.completion)
	bufCh := make(chan []byte, 128)
	stopReader := p.startReader(bufCh)

	for {
		select {
		case b := <-bufCh:
			if shouldExit, e := p.feed(b); shouldExit {
				p.renderer.BreakLine(p.buf)
				stopReader()
				return ""
			} else if e != nil {
				// Stop goroutine to run readBuffer function
				stopReader()
				return e.input
			} else {
				p.completion.Update(*p.buf.Document())
				p.renderer.Render(p.buf, p.completion)
			}
		}
		// sockrepl patch 3: no 10 ms sleep here; the select waits.
	}
}

// startReader starts readBuffer. The function it returns stops it and
// waits until it has ended, so that a key it held is back in the parser
// before the executor runs or another reader starts (sockrepl patch 3;
// upstream sent on an unsynchronised channel).
func (p *Prompt) startReader(bufCh chan []byte) (stop func()) {
	stopCh := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.readBuffer(bufCh, stopCh)
	}()
	return func() {
		close(stopCh)
		<-done
	}
}

// readBuffer hands keys from p.in to Run until stopCh.
//
// sockrepl patch 3: upstream slept 10 ms after every read, and Run 10 ms
// whenever no key was waiting, so a paste of 5,000 lines took two
// minutes. Now readBuffer waits only when the (non-blocking) read found
// nothing, and a key read when Run stops it is given back to the parser
// (Unreader) rather than lost.
func (p *Prompt) readBuffer(bufCh chan []byte, stopCh chan struct{}) {
	debug.Log("start reading buffer")
	for {
		select {
		case <-stopCh:
			debug.Log("stop reading buffer")
			return
		default:
		}
		b, err := p.in.Read()
		if err != nil || len(b) == 0 || (len(b) == 1 && b[0] == 0) {
			idleWait()
			continue
		}
		select {
		case bufCh <- b:
		case <-stopCh:
			if u, ok := p.in.(Unreader); ok {
				u.Unread(b)
			}
			debug.Log("stop reading buffer")
			return
		}
	}
}

// idleWait is how long readBuffer waits when there was nothing to read (a
// variable, so a test can count the waits).
var idleWait = func() { time.Sleep(10 * time.Millisecond) }

func (p *Prompt) setUp() {
	debug.AssertNoError(p.in.Setup())
	p.renderer.Setup()
	p.renderer.UpdateWinSize(p.in.GetWinSize())
}

func (p *Prompt) tearDown() {
	if !p.skipTearDown {
		debug.AssertNoError(p.in.TearDown())
	}
	p.renderer.TearDown()
}
