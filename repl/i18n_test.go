package repl

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryMessageHasChinese finds every message format this package
// passes to tr or usage, gives as a hint, or lists as a command's help,
// and requires a Simplified Chinese version with the same format verbs.
func TestEveryMessageHasChinese(t *testing.T) {
	files, _ := filepath.Glob("*.go")
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
			case *ast.AssignStmt:
				// hintFor assigns its messages to h before translating them.
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "h" && len(n.Rhs) == 1 {
					lit, _ = n.Rhs[0].(*ast.BasicLit)
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
	if found < 40 {
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
