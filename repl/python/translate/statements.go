package translate

import (
	"strings"

	"sockrepl/repl/python/translate/pyparse"
)

// Statement is one top-level statement of a program, as written: a block
// (with its decorators, blank lines and comments inside) is one, and
// statements sharing a line (`a = 1; b = 2`) are one.
type Statement struct {
	Src           string
	Line, EndLine int // 1-based, inclusive
}

// Statements splits a program into its top-level statements, in order,
// the way a learner would type them one by one at the prompt. A program
// that does not parse returns the SyntaxError, with its line.
func Statements(name, src string) ([]Statement, error) {
	mod, err := pyparse.Parse(name, src)
	if err != nil {
		if e, ok := err.(*pyparse.Error); ok {
			return nil, &Error{Class: e.Kind, Msg: e.Msg, Filename: name, Line: e.Lineno, Col: e.Offset, Text: e.Text}
		}
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []Statement
	for _, st := range mod.Body {
		first, last := st.Pos().Lineno, st.Pos().EndLineno
		for _, d := range decorators(st) {
			first = min(first, d.Pos().Lineno)
		}
		if n := len(out); n > 0 && first <= out[n-1].EndLine {
			out[n-1].EndLine = max(out[n-1].EndLine, last) // shares a line with the one before
			continue
		}
		out = append(out, Statement{Line: first, EndLine: last})
	}
	for i := range out {
		st := &out[i]
		st.EndLine = min(st.EndLine, len(lines))
		st.Src = strings.TrimRight(strings.Join(lines[st.Line-1:st.EndLine], "\n"), " \t\n")
	}
	return out, nil
}

// decorators are the decorator expressions above a def or class, which
// start the statement's text.
func decorators(st pyparse.Stmt) []pyparse.Expr {
	switch d := st.(type) {
	case *pyparse.FunctionDef:
		return d.DecoratorList
	case *pyparse.AsyncFunctionDef:
		return d.DecoratorList
	case *pyparse.ClassDef:
		return d.DecoratorList
	}
	return nil
}
