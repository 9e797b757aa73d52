package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// traceback.extract_stack, format_stack and print_stack: the frames of
// the code running now, outermost first, as an uncaught exception's
// traceback would list them. The logging module finds its caller's file,
// line and function with extract_stack.

// frameSummary is traceback.FrameSummary: a frame's file, line number,
// function name and source line; it unpacks as those four.
type frameSummary struct{ f frame }

var (
	_ starlark.HasAttrs  = frameSummary{}
	_ starlark.Indexable = frameSummary{}
	_ starlark.Iterable  = frameSummary{}
)

func (s frameSummary) String() string {
	return fmt.Sprintf("<FrameSummary file %s, line %d in %s>", s.f.file, s.f.line, s.f.name)
}
func (s frameSummary) Type() string          { return "FrameSummary" }
func (s frameSummary) Freeze()               {}
func (s frameSummary) Truth() starlark.Bool  { return true }
func (s frameSummary) Hash() (uint32, error) { return starlark.String(s.String()).Hash() }
func (s frameSummary) Len() int              { return 4 }
func (s frameSummary) Index(i int) starlark.Value {
	switch i {
	case 0:
		return starlark.String(s.f.file)
	case 1:
		return starlark.MakeInt(s.f.line)
	case 2:
		return starlark.String(s.f.name)
	}
	return starlark.String(strings.TrimSpace(s.f.text))
}
func (s frameSummary) Iterate() starlark.Iterator {
	return starlark.Tuple{s.Index(0), s.Index(1), s.Index(2), s.Index(3)}.Iterate()
}
func (s frameSummary) AttrNames() []string { return []string{"filename", "line", "lineno", "name"} }
func (s frameSummary) Attr(name string) (starlark.Value, error) {
	switch name {
	case "filename":
		return s.Index(0), nil
	case "lineno":
		return s.Index(1), nil
	case "name":
		return s.Index(2), nil
	case "line":
		return s.Index(3), nil
	}
	return nil, pyErrorf("AttributeError", "'FrameSummary' object has no attribute '%s'", name)
}

// stackArgs reads (f=None, limit=None[, file=None]) and returns the
// frames of the caller, outermost first, the last limit of them.
func stackArgs(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple, withFile bool) ([]frame, starlark.Value, error) {
	names := []string{"f", "limit"}
	if withFile {
		names = append(names, "file")
	}
	p, err := placePyArgs(fn, args, kwargs, names, 0)
	if err != nil {
		return nil, nil, err
	}
	if p[0] != nil && p[0] != starlark.None {
		return nil, nil, pyErrorf("NotImplementedError", "%s(f=...) is not available in this shell: there are no frame objects; leave f out for the current stack", fn)
	}
	in := interpOf(thread)
	if in == nil {
		return nil, nil, nil
	}
	frames := in.pyFrames(thread.CallStack())
	for i := range frames {
		// CPython reads source lines from the file: "<stdin>" has none.
		if strings.HasPrefix(frames[i].file, "<") {
			frames[i].text = ""
		}
	}
	if p[1] != nil && p[1] != starlark.None {
		n, err := intArg(p[1])
		if err != nil {
			return nil, nil, err
		}
		if n >= 0 && n < len(frames) {
			frames = frames[len(frames)-n:]
		} else if n < 0 {
			frames = frames[:min(-n, len(frames))]
		}
	}
	var file starlark.Value
	if withFile {
		file = p[2]
	}
	return frames, file, nil
}

func tracebackExtractStack(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	frames, _, err := stackArgs(thread, "extract_stack", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(frames))
	for i, f := range frames {
		out[i] = frameSummary{f}
	}
	return starlark.NewList(out), nil
}

// stackLines is format_stack's list: each frame's two lines.
func stackLines(frames []frame) []starlark.Value {
	var out []starlark.Value
	for _, f := range frames {
		s := fmt.Sprintf("  File \"%s\", line %d, in %s\n", f.file, f.line, f.name)
		if t := strings.TrimSpace(f.text); t != "" {
			s += "    " + t + "\n"
		}
		out = append(out, starlark.String(s))
	}
	return out
}

func tracebackFormatStack(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	frames, _, err := stackArgs(thread, "format_stack", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	return starlark.NewList(stackLines(frames)), nil
}

func tracebackPrintStack(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	frames, file, err := stackArgs(thread, "print_stack", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, s := range stackLines(frames) {
		b.WriteString(string(s.(starlark.String)))
	}
	return starlark.None, writeTraceback(thread, file, b.String())
}
