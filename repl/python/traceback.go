package python

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"sockrepl/repl/python/translate"
	"sockrepl/repl/python/translate/pyparse"
)

// Tracebacks as CPython 3.11 prints them for a program: the frames from
// the outermost in, each with its source line and, when the failing
// operation is only part of the line, carets under it; then the
// exception's line. Chained exceptions come first, as in Python.

// syntaxError is the exception a parse error raises.
func syntaxError(err error) error {
	var pe *pyparse.Error
	if errors.As(err, &pe) {
		return &PyError{Class: pe.Kind, Msg: pe.Msg, raw: err}
	}
	return asPyError(err)
}

// Traceback formats the exception Exec returned, as python3 prints an
// uncaught one: "Traceback (most recent call last):", the frames, and
// the last line.
func (in *Interp) Traceback(err error) string {
	pe := asPyError(err)
	if pe == nil {
		return ""
	}
	var b strings.Builder
	in.formatChain(&b, pe, true, map[*Instance]bool{})
	return b.String()
}

// Summary is what the prompt shows of an exception: the last line of
// each exception in its chain (a cause or context first), without the
// frames, as python3 -i prints them once its traceback lines are set aside.
func (in *Interp) Summary(err error) []string {
	pe := asPyError(err)
	if pe == nil {
		return nil
	}
	var b strings.Builder
	in.formatChain(&b, pe, false, map[*Instance]bool{})
	var out []string
	for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// formatChain prints an exception's cause or context first.
func (in *Interp) formatChain(b *strings.Builder, pe *PyError, frames bool, seen map[*Instance]bool) {
	if inst := pe.value; inst != nil && inst.exc != nil && !seen[inst] {
		seen[inst] = true
		if c, ok := inst.exc.cause.(*Instance); ok && c.exc != nil {
			in.formatChain(b, raisedOf(c), frames, seen)
			b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
		} else if x, ok := inst.exc.context.(*Instance); ok && x.exc != nil && !inst.exc.suppressContext {
			in.formatChain(b, raisedOf(x), frames, seen)
			b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
		}
	}
	if frames {
		in.formatOne(b, pe)
		return
	}
	b.WriteString(pe.lastLine() + "\n")
}

// raisedOf is the error an instance was raised as (with its stack), or
// one made for it.
func raisedOf(inst *Instance) *PyError {
	if inst.exc.raised != nil {
		return inst.exc.raised
	}
	return &PyError{Class: inst.cls.displayName(), Msg: inst.excText(), value: inst}
}

// formatOne prints one exception with its frames.
func (in *Interp) formatOne(b *strings.Builder, pe *PyError) {
	var sx *pyparse.Error
	if errors.As(pe.raw, &sx) {
		formatSyntaxError(b, sx.Kind, sx.Msg, sx.Filename, sx.Lineno, sx.Offset, sx.EndOffset, sx.Text)
		return
	}
	var te *translate.Error
	if errors.As(pe.raw, &te) && te.Line > 0 {
		formatSyntaxError(b, te.Class, te.Msg, te.Filename, te.Line, te.Col, te.EndCol, te.Text)
		return
	}
	frames := in.frames(pe.raw)
	if pe.atCall && len(frames) > 0 {
		frames = frames[:len(frames)-1]
	}
	if sx := innerSyntaxError(pe.raw); sx != nil && len(frames) > 0 {
		// Source compiled while the program ran (an imported module, an
		// eval): the frames that got there, then where the source is wrong.
		b.WriteString("Traceback (most recent call last):\n")
		writeFrames(b, frames)
		formatSyntaxError(b, sx.Kind, sx.Msg, sx.Filename, sx.Lineno, sx.Offset, sx.EndOffset, sx.Text)
		return
	}
	var ee *starlark.EvalError
	if pe.caughtDepth > 1 && errors.As(pe.raw, &ee) && pe.caughtDepth-1 <= len(ee.CallStack()) {
		// Only the frames from the one that caught it down.
		if outer := len(in.pyFrames(ee.CallStack()[:pe.caughtDepth-1])); outer > 1 && outer-1 < len(frames) {
			frames = frames[outer-1:]
		}
	}
	if len(frames) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		writeFrames(b, frames)
	}
	b.WriteString(pe.lastLine() + "\n")
}

// lastLine is "Class: message", or "Class" when the message is empty,
// with CPython's suggestion for a misspelt name.
func (pe *PyError) lastLine() string {
	line := pe.plainLine()
	if pe.suggestion != nil {
		if s := pe.suggestion(); s != "" {
			line += ". Did you mean: '" + s + "'?"
		}
	}
	return line
}

func (pe *PyError) plainLine() string {
	name, msg := pe.Class, pe.Msg
	if pe.value != nil {
		name, msg = pe.value.cls.displayName(), pe.value.excText()
		if m, ok := pe.value.exc.attrs["msg"]; ok && pe.value.cls.isSubclass(exceptionClasses["SyntaxError"]) {
			msg = pyStr(m) // the report shows where separately
		}
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// innerSyntaxError is the parse error a running program's import or
// eval failed with, found through the errors that carried it up.
func innerSyntaxError(err error) *pyparse.Error {
	for i := 0; err != nil && i < 8; i++ {
		var sx *pyparse.Error
		if errors.As(err, &sx) {
			return sx
		}
		var pe *PyError
		if !errors.As(err, &pe) || pe.raw == nil || pe.raw == err {
			return nil
		}
		err = pe.raw
	}
	return nil
}

// formatSyntaxError prints a SyntaxError as CPython does: where, the
// line, carets under the offending part.
func formatSyntaxError(b *strings.Builder, class, msg, file string, line, offset, endOffset int, text string) {
	if file == "" {
		file = "<string>"
	}
	fmt.Fprintf(b, "  File \"%s\", line %d\n", file, line)
	if text != "" || offset > 0 {
		rtext := strings.TrimRight(text, "\n")
		ltext := strings.TrimLeft(rtext, " \n\f")
		spaces := len(rtext) - len(ltext)
		fmt.Fprintf(b, "    %s\n", ltext)
		if offset > 0 {
			end := endOffset
			if end == 0 {
				end = offset
			}
			if offset == end || end == -1 {
				end = offset + 1
			}
			col, endCol := offset-1-spaces, end-1-spaces
			if col >= 0 {
				var pad strings.Builder
				for i, r := range ltext {
					if i >= col {
						break
					}
					if r == '\t' || r == '\f' || r == '\v' {
						pad.WriteRune(r)
					} else {
						pad.WriteByte(' ')
					}
				}
				fmt.Fprintf(b, "    %s%s\n", pad.String(), strings.Repeat("^", max(endCol-col, 0)))
			}
		}
	}
	if msg == "" {
		msg = "<no detail available>"
	}
	fmt.Fprintf(b, "%s: %s\n", class, msg)
}

// frame is one line of a traceback.
type frame struct {
	file, name string
	line       int
	text       string // the source line, "" when unknown
	span       translate.Span
	hasSpan    bool
}

// frames turns the Starlark call stack an error carries into Python's
// frames: builtins dropped, synthetic bodies (try, with, except...)
// folded into the function they belong to, the stack of a generator's
// thread appended under the consumer's.
func (in *Interp) frames(err error) []frame {
	var ee *starlark.EvalError
	if !errors.As(err, &ee) {
		return nil
	}
	if stored, ok := in.iterFailures[ee]; ok {
		// A loop ended by a failed iterator: a generator's error adds its
		// own thread's frames under the loop's; an error on the loop's
		// own thread already has them all.
		var st *stackedError
		if errors.As(stored, &st) {
			return append(in.pyFrames(ee.CallStack()), in.frames(st.inner)...)
		}
		if f := in.frames(stored); len(f) > 0 {
			return f
		}
		// An error a Go iterator raised (no Starlark frames of its own):
		// the loop's frames are where it happened.
		return in.pyFrames(ee.CallStack())
	}
	out := in.pyFrames(ee.CallStack())
	var st *stackedError
	if errors.As(ee.Unwrap(), &st) {
		out = append(out, in.frames(st.inner)...)
	}
	return out
}

func (in *Interp) pyFrames(stack starlark.CallStack) []frame {
	var out []frame
	for _, f := range stack {
		file := f.Pos.Filename()
		if file == "<builtin>" {
			continue
		}
		fr := frame{file: file, line: int(f.Pos.Line), name: f.Name}
		if p := in.programs[file]; p != nil {
			fr.span, fr.hasSpan = p.SpanAt(f.Pos)
			fr.text = p.Line(fr.line)
		}
		synthetic := strings.HasPrefix(f.Name, "$") && !strings.HasPrefix(f.Name, "$gen") && !strings.HasPrefix(f.Name, "$class")
		switch {
		case synthetic && len(out) > 0:
			// A try, with or except body: it is the frame of the function
			// it belongs to, now at the body's line.
			fr.name = out[len(out)-1].name
			out = out[:len(out)-1]
		case f.Name == "<toplevel>":
			fr.name = "<module>"
		default:
			fr.name = pyFuncName(f.Name)
		}
		var comps []translate.CompFrame
		if p := in.programs[file]; p != nil {
			comps = p.ComprehensionsAt(f.Pos)
		}
		if len(comps) == 0 {
			out = append(out, fr)
			continue
		}
		// CPython runs each comprehension in a frame of its own: the frame
		// around it underlines the comprehension, the comprehension's frame
		// the operation that failed.
		inner := fr.span
		fr.span, fr.hasSpan = comps[0].Outer, true
		out = append(out, fr)
		for i, c := range comps {
			cf := frame{file: file, line: fr.line, text: fr.text, name: c.Kind, span: inner, hasSpan: true}
			if i+1 < len(comps) {
				cf.span = comps[i+1].Outer
			}
			out = append(out, cf)
		}
	}
	return out
}

// writeFrames prints frames, folding a run of identical ones as CPython
// does ("[Previous line repeated N more times]").
func writeFrames(b *strings.Builder, frames []frame) {
	var last frame
	count := 0
	flush := func() {
		if count > 3 {
			n := count - 3
			s := "s"
			if n == 1 {
				s = ""
			}
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", n, s)
		}
	}
	for i, f := range frames {
		if i > 0 && f.file == last.file && f.line == last.line && f.name == last.name {
			count++
			if count > 3 {
				continue
			}
		} else {
			flush()
			count = 1
		}
		last = f
		writeFrame(b, f)
	}
	flush()
}

// writeFrame prints one frame with its source line and carets.
func writeFrame(b *strings.Builder, f frame) {
	fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", f.file, f.line, f.name)
	line := f.text
	if line == "" {
		return
	}
	stripped := strings.TrimSpace(line)
	fmt.Fprintf(b, "    %s\n", stripped)
	if !f.hasSpan || f.span.Line != f.line {
		return
	}
	start, end := f.span.Col, f.span.EndCol
	if f.span.EndLine != f.span.Line {
		end = len(strings.TrimRight(line, " \t\r\n"))
	}
	if start < 0 || end > len(line) || start >= end {
		return
	}
	segment := line[start:end]
	var anchors *caretAnchors
	if f.span.EndLine == f.span.Line {
		anchors = anchorsOf(segment)
	}
	indent := len(line) - len(strings.TrimLeft(line, " \t\f"))
	whole := runeLen(line[start:end]) >= runeLen(stripped)
	if whole && (anchors == nil || anchors.right-anchors.left <= 0) {
		return
	}
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", runeLen(line[:start])-runeLen(line[:indent])))
	n := runeLen(segment)
	if anchors != nil {
		b.WriteString(strings.Repeat("~", anchors.left))
		b.WriteString(strings.Repeat("^", anchors.right-anchors.left))
		b.WriteString(strings.Repeat("~", n-anchors.right))
	} else {
		b.WriteString(strings.Repeat("^", n))
	}
	b.WriteByte('\n')
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// caretAnchors mark the operator of a binary operation or the brackets
// of a subscript within the failing segment, as CPython's traceback
// module finds them (by parsing the segment): ~~ around, ^ on them.
type caretAnchors struct{ left, right int }

func anchorsOf(segment string) *caretAnchors {
	m, err := pyparse.Parse("<segment>", segment)
	if err != nil || len(m.Body) != 1 {
		return nil
	}
	st, ok := m.Body[0].(*pyparse.ExprStmt)
	if !ok {
		return nil
	}
	switch e := st.Value.(type) {
	case *pyparse.BinOp:
		opStart, opEnd := e.Left.Pos().EndColOffset, e.Right.Pos().ColOffset
		if opStart > len(segment) || opEnd > len(segment) || opStart > opEnd {
			return nil
		}
		op := segment[opStart:opEnd]
		off := len(op) - len(strings.TrimLeft(op, " \t\f\n"))
		left := opStart + off
		right := left + 1
		if off+1 < len(op) && !isSpace(op[off+1]) {
			right++
		}
		for left < len(segment) && (isSpace(segment[left]) || segment[left] == ')' || segment[left] == '#') {
			left++
			right++
		}
		return &caretAnchors{runeLen(segment[:left]), runeLen(segment[:min(right, len(segment))])}
	case *pyparse.Subscript:
		left := e.Value.Pos().EndColOffset
		right := e.Slice.Pos().EndColOffset + 1
		for left < len(segment) && segment[left] != '[' {
			left++
		}
		for right < len(segment) && segment[right] != ']' {
			right++
		}
		if right < len(segment) {
			right++
		}
		return &caretAnchors{runeLen(segment[:min(left, len(segment))]), runeLen(segment[:min(right, len(segment))])}
	}
	return nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'
}
