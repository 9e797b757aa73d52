package repl

import (
	"sort"
	"strings"

	"sockrepl/repl/python"
	py "sockrepl/repl/python/translate/pyparse"
)

// savedStmt is a statement that ran without an exception, kept for
// %save with where its echoes came from.
type savedStmt struct {
	src    string
	echoed map[python.EchoPos]int
}

// The script %save writes prints what the session showed. The prompt
// echoes the repr of an expression statement's value; python3 running a
// file does not, so each expression statement that echoed is written as
// print(repr(...)). One inside a loop or an if (the prompt echoes those
// too) may have echoed only some of the times it ran, or None the other
// times, which print would show: it calls _show, a three-line function at
// the top of the script that prints as the prompt does.
const (
	scriptHeader = "# Saved by sockrepl: the statements that ran without an exception.\n" +
		"# What the prompt echoed is printed with print(repr(...)), so python3 prints\n" +
		"# what the session showed.\n" +
		"import os, select, socket, struct, time\n\n"
	showFunc = "def _show(value):\n" +
		"    # Print a value as the interactive prompt echoes it: nothing for None.\n" +
		"    if value is not None:\n" +
		"        print(repr(value))\n\n"
)

// script is the file %save writes for the statements saved.
func script(saved []savedStmt) string {
	var body strings.Builder
	show := false
	for _, st := range saved {
		text, usesShow := st.printing()
		show = show || usesShow
		body.WriteString(text)
		body.WriteString("\n")
		if strings.Contains(text, "\n") {
			body.WriteString("\n")
		}
	}
	if show {
		return scriptHeader + showFunc + body.String()
	}
	return scriptHeader + body.String()
}

// echoEdit wraps one expression statement of a saved statement.
type echoEdit struct {
	loc  py.Loc
	show bool // nested in a block: _show(...), else print(repr(...))
}

// printing returns the statement with each expression statement that
// echoed wrapped so that it prints, and whether it calls _show.
func (st savedStmt) printing() (string, bool) {
	if len(st.echoed) == 0 {
		return st.src, false
	}
	mod, err := py.Parse("<stdin>", st.src)
	if err != nil {
		return st.src, false
	}
	var edits []echoEdit
	var visit func(list []py.Stmt, nested bool)
	visit = func(list []py.Stmt, nested bool) {
		for _, s := range list {
			switch s := s.(type) {
			case *py.ExprStmt:
				if st.echoed[python.EchoPos{Line: s.Lineno, Col: s.ColOffset + 1}] > 0 {
					edits = append(edits, echoEdit{s.Loc, nested})
				}
			case *py.For:
				visit(s.Body, true)
				visit(s.Orelse, true)
			case *py.While:
				visit(s.Body, true)
				visit(s.Orelse, true)
			case *py.If:
				visit(s.Body, true)
				visit(s.Orelse, true)
			case *py.With:
				visit(s.Body, true)
			case *py.Try:
				visit(s.Body, true)
				for _, h := range s.Handlers {
					visit(h.Body, true)
				}
				visit(s.Orelse, true)
				visit(s.Finalbody, true)
			}
		}
	}
	visit(mod.Body, false)
	if len(edits) == 0 {
		return st.src, false
	}
	// Edit from the end, so earlier offsets stay right.
	starts := lineStarts(st.src)
	offset := func(line, col int) int { return starts[line-1] + col }
	sort.Slice(edits, func(i, j int) bool {
		return offset(edits[i].loc.Lineno, edits[i].loc.ColOffset) > offset(edits[j].loc.Lineno, edits[j].loc.ColOffset)
	})
	text, show := st.src, false
	for _, e := range edits {
		from, to := offset(e.loc.Lineno, e.loc.ColOffset), offset(e.loc.EndLineno, e.loc.EndColOffset)
		open, end := "print(repr(", "))"
		if e.show {
			open, end, show = "_show(", ")", true
		}
		text = text[:from] + open + oneArgument(text[from:to]) + end + text[to:]
	}
	return text, show
}

// oneArgument returns expr as one argument of a call: a tuple without
// brackets (`len(d), d`) gets them, or repr would get two arguments.
func oneArgument(expr string) string {
	if e, err := py.ParseExpr("<stdin>", "f("+expr+")"); err == nil {
		if c, ok := e.(*py.Call); ok && len(c.Args) == 1 && len(c.Keywords) == 0 {
			return expr
		}
	}
	return "(" + expr + ")"
}

// lineStarts gives the byte offset where each line of src starts.
func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
