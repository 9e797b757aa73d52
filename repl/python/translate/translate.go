package translate

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.starlark.net/syntax"
)

// Options are the Starlark dialect sockrepl runs: every flag on.
var Options = &syntax.FileOptions{
	Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true,
}

// Module is what the translator knows of a built-in module: the
// predeclared name that holds it even after a learner rebinds `socket`,
// and the names `from m import *` binds.
type Module struct {
	Var     string
	Exports []string
}

// Modules are the modules `import` accepts, by name. The interpreter
// fills it once (SetModules) before the first statement is translated.
var modules map[string]Module

// SetModules tells the translator which modules exist.
func SetModules(m map[string]Module) { modules = m }

// translate turns one complete Python-style statement or block (as typed)
// into Starlark source. Python syntax Starlark lacks is either rewritten
// (imports, 'is', '**', del d[k], assert, string prefixes and escapes,
// adjacent literals) or refused with a *Error that says what to write
// instead; a parse error never leaks Starlark's wording.
func Translate(src string) (string, error) {
	out, _, err := File(src)
	return out, err
}

// File is translate that also returns the Starlark source
// parsed, so that a statement is parsed once, not again to run it.
// Each pass that rescans is skipped when the text did not change or has
// nothing for it: this is a third of every statement's cost.
func File(src string) (string, *syntax.File, error) {
	toks, err := scanPython(src)
	if err != nil {
		return "", nil, err
	}
	if err := refuseUnsupported(toks); err != nil {
		return "", nil, err
	}
	if err := checkChains(toks); err != nil {
		return "", nil, err
	}
	out, err := rewriteTokens(src, toks)
	if err != nil {
		return "", nil, err
	}
	stoks := toks
	if out != src {
		if stoks, err = scanPython(out); err != nil {
			return "", nil, err
		}
	}
	if out, err = rewriteStatements(out, stoks); err != nil {
		return "", nil, err
	}
	if strings.Contains(out, "**") {
		if out, err = rewritePower(out); err != nil {
			return "", nil, err
		}
	}
	f, perr := Options.Parse("<stdin>", out, 0)
	if perr != nil {
		return "", nil, parseError(perr, toks)
	}
	if treeDepth(f) > maxTreeDepth {
		return "", nil, errTooDeep
	}
	if rewritten, rf, ok := rewriteAST(out, f); ok {
		out, f = rewritten, rf
	}
	return out, f, nil
}

// Source nested deeper than CPython compiles would make the parser,
// resolver and compiler recurse until Go's stack limit ends the process
// (which no recover catches), and makes the rewriting above slow. These
// limits refuse it first, near where CPython does.
const (
	maxTreeDepth = 2000 // CPython: "maximum recursion depth exceeded during compilation"
	maxChain     = 1000 // prefix operators, lambdas, conditionals, ** in one logical line
	maxUnaryRun  = 200  // - - - - x
	maxBrackets  = 200  // CPython's tokenizer limit on open brackets
)

var errTooDeep = &Error{Class: "RecursionError", Msg: "maximum recursion depth exceeded during compilation"}

// checkChains refuses, before anything parses them, brackets nested too
// deep and the constructs that nest without brackets: runs of unary
// operators, and long chains of lambda, conditional expressions,
// comprehension clauses and **.
func checkChains(toks []token) error {
	run, chain := 0, 0
	for _, t := range toks {
		if t.depth >= maxBrackets && t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{") {
			return &Error{Class: "SyntaxError", Msg: "too many nested parentheses"}
		}
		if t.kind == tNewline {
			chain = 0
		}
		unary := t.kind == tOp && (t.text == "-" || t.text == "+" || t.text == "~") || t.kind == tName && t.text == "not"
		if unary {
			run++
		} else {
			run = 0
		}
		if t.kind == tName && !t.stmtStart && (t.text == "lambda" || t.text == "if" || t.text == "for") || t.kind == tOp && t.text == "**" {
			chain++
		}
		if run > maxUnaryRun || chain > maxChain {
			return errTooDeep
		}
	}
	return nil
}

// treeDepth is how deeply f's syntax tree nests.
func treeDepth(f *syntax.File) int {
	depth, max := 0, 0
	syntax.Walk(f, func(n syntax.Node) bool {
		if n == nil {
			depth--
			return true
		}
		depth++
		if depth > max {
			max = depth
		}
		return depth <= maxTreeDepth // no need to look deeper
	})
	return max
}

// refusal is the message for Python syntax this shell does not have.
func Refusal(msg string) *Error { return &Error{Class: "SyntaxError", Msg: msg} }

// refuseUnsupported finds the first construct Starlark cannot express.
func refuseUnsupported(toks []token) error {
	for i, t := range toks {
		switch {
		case t.kind == tString && strings.Contains(t.prefix, "f"):
			return Refusal("f-strings are not available in this shell: write 'text %s' % value, or join pieces with + and str()")
		case t.kind == tNumber && strings.ContainsAny(t.text, "jJ"):
			return Refusal("complex numbers are not available in this shell")
		case t.kind == tOp && t.text == ":=":
			return Refusal("the := operator is not available in this shell: assign the value on its own line first")
		case t.kind == tOp && t.text == "<>":
			return Refusal("invalid syntax")
		case t.kind == tOp && t.text == "@" && t.stmtStart:
			return Refusal("decorators are not available in this shell: call the wrapping function yourself")
		case t.kind == tName && (t.text == "yield"):
			return Refusal("generators (yield) are not available in this shell: build a list and return it")
		case t.kind == tName && (t.text == "await" || t.text == "async" && t.stmtStart):
			return Refusal("async code is not available in this shell: use select.select() to wait on several sockets at once")
		case t.kind == tName && t.stmtStart:
			if err := refuseStatement(toks, i); err != nil {
				return err
			}
		}
	}
	return nil
}

// refuseStatement checks the keyword that starts a statement.
func refuseStatement(toks []token, i int) error {
	t := toks[i]
	switch t.text {
	case "with":
		return withRefusal(toks, i)
	case "try", "except", "finally":
		return Refusal("try/except is not available in this shell: an error just prints and the shell carries on, so run the call and check the result with an if (connect_ex() returns an error number instead of raising)")
	case "raise":
		return Refusal("raise is not available in this shell: print a message instead, or call exit()")
	case "class":
		return Refusal("class definitions are not available in this shell: use functions, and dicts or tuples for data")
	case "global", "nonlocal":
		return Refusal(t.text + " is not available in this shell: a function can read a global name but not rebind it; return the new value instead, or change a dict or list in place")
	case "print":
		next := toks[i+1]
		if next.kind == tString || next.kind == tNumber || next.kind == tName && !pyKeywords[next.text] {
			return Refusal("Missing parentheses in call to 'print'. Did you mean print(...)?")
		}
	case "else":
		if loopElse(toks, i) {
			return Refusal("else after a for or while loop is not available in this shell: set a flag before break and test it after the loop")
		}
	}
	return nil
}

// withRefusal words the advice around the learner's own expression:
// `with socket.socket() as s:` becomes "write s = socket.socket() ...".
func withRefusal(toks []token, i int) error {
	end := i + 1
	asAt := -1
	for ; end < len(toks); end++ {
		t := toks[end]
		if t.depth == 0 && t.kind == tOp && (t.text == ":" || t.text == ",") {
			break
		}
		if t.depth == 0 && t.kind == tName && t.text == "as" {
			asAt = end
		}
		if t.kind == tNewline || t.kind == tEOF {
			break
		}
	}
	src := func(a, b int) string {
		if a >= b {
			return ""
		}
		var parts []string
		for _, t := range toks[a:b] {
			parts = append(parts, t.text)
		}
		return joinTokens(toks[a:b], parts)
	}
	if asAt > 0 && asAt+1 < end {
		name := src(asAt+1, end)
		return Refusal(fmt.Sprintf("'with' is not available in this shell: write %s = %s, run the block's lines, then call %s.close() when done", name, src(i+1, asAt), name))
	}
	obj := src(i+1, end)
	if obj == "" {
		obj = "the socket"
	}
	return Refusal(fmt.Sprintf("'with' is not available in this shell: run the block's lines, then call %s.close() when done", obj))
}

// joinTokens rebuilds compact source for a message.
func joinTokens(toks []token, parts []string) string {
	var b strings.Builder
	for k, p := range parts {
		if k > 0 && toks[k].start > toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// loopElse reports whether the 'else' at toks[i] closes a for or while
// loop: the nearest earlier statement at the same indentation opens one.
func loopElse(toks []token, i int) bool {
	col := indentOf(toks, i)
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		if !t.stmtStart || indentOf(toks, j) != col {
			continue
		}
		if !t.compoundKW {
			return false
		}
		switch t.text {
		case "for", "while":
			return true
		case "if", "elif", "try", "except":
			return false
		}
	}
	return false
}

// indentOf is the column of toks[i] on its line (a statement after a
// block header's colon counts as indented deeper).
func indentOf(toks []token, i int) int {
	if i > 0 && toks[i-1].kind == tOp && (toks[i-1].text == ":" || toks[i-1].text == ";") {
		return 1 << 20
	}
	return colOf(toks, i)
}

func colOf(toks []token, i int) int {
	// Distance from the previous newline token's end, in bytes; tokens
	// carry offsets only, so count back in the token stream.
	start := toks[i].start
	for j := i - 1; j >= 0; j-- {
		if toks[j].kind == tNewline {
			return start - toks[j].end
		}
	}
	return start
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

func applyEdits(src string, edits []edit) string {
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].start < edits[b].start })
	var b strings.Builder
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			continue // overlapping: keep the first
		}
		b.WriteString(src[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.WriteString(src[pos:])
	return b.String()
}

// rewriteTokens makes token-local changes: Python string literals are
// re-quoted for Starlark (adjacent ones joined), digit separators go,
// and 'is'/'is not' become '=='/'!='.
func rewriteTokens(src string, toks []token) (string, error) {
	var edits []edit
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tString:
			j := i
			var val strings.Builder
			isBytes := false
			for ; j < len(toks) && toks[j].kind == tString; j++ {
				v, b, err := decodePyString(toks[j].text)
				if err != nil {
					return "", err
				}
				if j > i && b != isBytes {
					return "", Refusal("cannot mix bytes and nonbytes literals")
				}
				isBytes = b
				val.WriteString(v)
			}
			edits = append(edits, edit{t.start, toks[j-1].end, syntax.Quote(val.String(), isBytes)})
			i = j - 1
		case tOp:
			if t.text == "{" {
				if j := matchForward(toks, i); isSetDisplay(toks, i, j) {
					edits = append(edits, edit{t.start, t.end, "set(["}, edit{toks[j].start, toks[j].end, "])"})
				}
			}
		case tNumber:
			if strings.Contains(t.text, "_") {
				edits = append(edits, edit{t.start, t.end, strings.ReplaceAll(t.text, "_", "")})
			}
		case tName:
			if t.text == "is" {
				if toks[i+1].kind == tName && toks[i+1].text == "not" {
					edits = append(edits, edit{t.start, toks[i+1].end, "!="})
					i++
				} else {
					edits = append(edits, edit{t.start, t.end, "=="})
				}
			}
		}
	}
	return applyEdits(src, edits), nil
}

// isSetDisplay reports whether the braces at toks[open] and toks[close]
// hold a set ({1, 2} or {x for x in y}) rather than a dict: Starlark has
// no set literal, so those become set([...]).
func isSetDisplay(toks []token, open, close int) bool {
	if close <= open+1 {
		return false
	}
	inner := toks[open].depth + 1
	for _, t := range toks[open+1 : close] {
		if t.depth == inner && t.kind == tOp && (t.text == ":" || t.text == "**") {
			return false
		}
	}
	return true
}

// stmtEnd returns the index of the token ending the simple statement
// that starts at toks[i]: a newline, a ';' or EOF outside brackets.
func stmtEnd(toks []token, i int) int {
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if t.kind == tNewline || t.kind == tEOF || t.depth == 0 && t.kind == tOp && t.text == ";" {
			return j
		}
	}
	return len(toks) - 1
}

// rewriteStatements handles statements Starlark lacks but that have a
// direct equivalent: import, del x[k], assert.
func rewriteStatements(src string, toks []token) (string, error) {
	var edits []edit
	for i, t := range toks {
		if !t.stmtStart || t.kind != tName {
			continue
		}
		end := stmtEnd(toks, i)
		switch t.text {
		case "import":
			text, err := importStmt(toks[i+1 : end])
			if err != nil {
				return "", err
			}
			edits = append(edits, edit{t.start, toks[end-1].end, text})
		case "from":
			text, err := fromImportStmt(toks[i+1 : end])
			if err != nil {
				return "", err
			}
			edits = append(edits, edit{t.start, toks[end-1].end, text})
		case "del":
			text, err := delStmt(src, toks[i+1:end])
			if err != nil {
				return "", err
			}
			edits = append(edits, edit{t.start, toks[end-1].end, text})
		case "assert":
			if end == i+1 {
				return "", Refusal("invalid syntax")
			}
			edits = append(edits, edit{t.start, t.end, "__assert__("}, edit{toks[end-1].end, toks[end-1].end, ")"})
		}
	}
	return applyEdits(src, edits), nil
}

// importStmt rewrites `import a [as b], ...` into assignments.
func importStmt(toks []token) (string, error) {
	if len(toks) == 0 {
		return "", Refusal("invalid syntax")
	}
	var out []string
	for _, item := range splitTop(toks, ",") {
		if len(item) == 0 {
			return "", Refusal("invalid syntax")
		}
		var dotted []string
		k := 0
		for k < len(item) && (item[k].kind == tName || item[k].kind == tOp && item[k].text == ".") {
			if item[k].kind == tName && item[k].text == "as" {
				break
			}
			dotted = append(dotted, item[k].text)
			k++
		}
		name := strings.Join(dotted, "")
		bind := name
		if k < len(item) {
			if item[k].text != "as" || k+2 != len(item) || item[k+1].kind != tName {
				return "", Refusal("invalid syntax")
			}
			bind = item[k+1].text
		}
		inner, err := moduleVar(name)
		if err != nil {
			return "", err
		}
		out = append(out, bind+" = "+inner)
	}
	return strings.Join(out, "; "), nil
}

// moduleVar names the predeclared variable holding a built-in module.
func moduleVar(name string) (string, error) {
	if m, ok := modules[name]; ok {
		return m.Var, nil
	}
	if top, _, ok := strings.Cut(name, "."); ok {
		if _, known := modules[top]; known {
			return "", &Error{Class: "ModuleNotFoundError", Msg: fmt.Sprintf("No module named '%s'; '%s' is not a package", name, top)}
		}
	}
	return "", &Error{Class: "ModuleNotFoundError", Msg: fmt.Sprintf("No module named '%s' in this shell: the built-in modules are socket, select, struct, time and os (unlink, getpid, path.exists)", name)}
}

// fromImportStmt rewrites `from m import a [as b], ...` and `from m import *`.
func fromImportStmt(toks []token) (string, error) {
	k := 0
	var dotted []string
	for k < len(toks) && !(toks[k].kind == tName && toks[k].text == "import") {
		dotted = append(dotted, toks[k].text)
		k++
	}
	if k == len(toks) || len(dotted) == 0 {
		return "", Refusal("invalid syntax")
	}
	inner, err := moduleVar(strings.Join(dotted, ""))
	if err != nil {
		return "", err
	}
	names := toks[k+1:]
	if len(names) > 0 && names[0].text == "(" && names[len(names)-1].text == ")" {
		names = names[1 : len(names)-1]
	}
	if len(names) == 1 && names[0].text == "*" {
		var out []string
		for _, n := range modules[strings.Join(dotted, "")].Exports {
			out = append(out, n+" = "+inner+"."+n)
		}
		return strings.Join(out, "; "), nil
	}
	mod := strings.Join(dotted, "")
	exported := map[string]bool{}
	for _, n := range modules[mod].Exports {
		exported[n] = true
	}
	var out []string
	for _, item := range splitTop(names, ",") {
		var name, bind string
		switch {
		case len(item) == 0:
			continue // trailing comma inside parentheses
		case len(item) == 1 && item[0].kind == tName:
			name, bind = item[0].text, item[0].text
		case len(item) == 3 && item[0].kind == tName && item[1].text == "as" && item[2].kind == tName:
			name, bind = item[0].text, item[2].text
		default:
			return "", Refusal("invalid syntax")
		}
		if !exported[name] {
			return "", &Error{Class: "ImportError", Msg: fmt.Sprintf("cannot import name '%s' from '%s'", name, mod)}
		}
		out = append(out, bind+" = "+inner+"."+name)
	}
	if len(out) == 0 {
		return "", Refusal("invalid syntax")
	}
	return strings.Join(out, "; "), nil
}

// splitTop splits tokens at sep outside brackets.
func splitTop(toks []token, sep string) [][]token {
	var parts [][]token
	base := -1
	if len(toks) > 0 {
		base = toks[0].depth
	}
	start := 0
	for k, t := range toks {
		if t.kind == tOp && t.text == sep && t.depth == base {
			parts = append(parts, toks[start:k])
			start = k + 1
		}
	}
	return append(parts, toks[start:])
}

// delStmt rewrites `del x[k], y[j]` into calls that remove the items.
func delStmt(src string, toks []token) (string, error) {
	if len(toks) == 0 {
		return "", Refusal("invalid syntax")
	}
	var out []string
	for _, target := range splitTop(toks, ",") {
		if len(target) == 0 {
			continue
		}
		last := target[len(target)-1]
		if last.kind != tOp || last.text != "]" {
			return "", Refusal("del of a variable or attribute is not available in this shell: assign None to it instead (del d[key] and del lst[i] work)")
		}
		open := matchBackward(target, len(target)-1)
		if open == 0 {
			return "", Refusal("invalid syntax")
		}
		for _, t := range target[open+1 : len(target)-1] {
			if t.kind == tOp && t.text == ":" && t.depth == last.depth+1 {
				return "", Refusal("del of a slice is not available in this shell: assign the pieces you keep instead, e.g. lst = lst[:i] + lst[j:]")
			}
		}
		obj := src[target[0].start:target[open-1].end]
		key := src[target[open].end:last.start]
		out = append(out, "__delitem__("+obj+", "+key+")")
	}
	return strings.Join(out, "; "), nil
}

// rewritePower turns a ** b into pow(a, b), innermost (rightmost) first,
// keeping Python's precedence: ** binds tighter than a unary minus on its
// left and looser than one on its right.
func rewritePower(src string) (string, error) {
	for n := 0; n < 1000; n++ {
		toks, err := scanPython(src)
		if err != nil {
			return "", err
		}
		at := -1
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].kind == tOp && toks[i].text == "**" && i > 0 && isOperandEnd(toks[i-1]) {
				at = i
				break
			}
		}
		if at < 0 {
			return src, nil
		}
		l := operandStart(toks, at-1)
		r := operandEnd(toks, at+1)
		if l < 0 || r < 0 {
			return "", Refusal("invalid syntax")
		}
		src = src[:toks[l].start] + "__pow__(" + src[toks[l].start:toks[at-1].end] + ", " +
			src[toks[at+1].start:toks[r].end] + ")" + src[toks[r].end:]
	}
	return src, nil
}

// isOperandEnd reports whether t can end an operand (so ** after it is
// the binary operator, not a **kwargs marker).
func isOperandEnd(t token) bool {
	switch t.kind {
	case tNumber, tString:
		return true
	case tName:
		return !pyKeywords[t.text] || t.text == "None" || t.text == "True" || t.text == "False"
	case tOp:
		return t.text == ")" || t.text == "]" || t.text == "}"
	}
	return false
}

// operandStart walks back over one primary: an atom and its trailers.
func operandStart(toks []token, i int) int {
	for {
		t := toks[i]
		if t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}") {
			i = matchBackward(toks, i)
			t = toks[i]
		} else if !isOperandEnd(t) {
			return -1
		}
		// A call, subscript or attribute trailer continues the primary.
		if i > 0 {
			p := toks[i-1]
			if t.kind == tOp && (t.text == "(" || t.text == "[") && isOperandEnd(p) {
				i--
				continue
			}
			if t.kind == tName && p.kind == tOp && p.text == "." && i > 1 && isOperandEnd(toks[i-2]) {
				i -= 2
				continue
			}
		}
		return i
	}
}

// operandEnd walks forward over unary signs, one atom and its trailers.
func operandEnd(toks []token, i int) int {
	for i < len(toks) && toks[i].kind == tOp && (toks[i].text == "-" || toks[i].text == "+" || toks[i].text == "~") {
		i++
	}
	if i >= len(toks) {
		return -1
	}
	t := toks[i]
	switch {
	case t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{"):
		i = matchForward(toks, i)
	case isOperandEnd(t):
	default:
		return -1
	}
	for i+1 < len(toks) {
		n := toks[i+1]
		switch {
		case n.kind == tOp && (n.text == "(" || n.text == "["):
			i = matchForward(toks, i+1)
		case n.kind == tOp && n.text == "." && i+2 < len(toks) && toks[i+2].kind == tName:
			i += 2
		default:
			return i
		}
	}
	return i
}

var parsePos = regexp.MustCompile(`^<stdin>:(\d+):(\d+): `)

// parseError turns Starlark's parse error into Python's SyntaxError or
// IndentationError, with advice for the gaps between the languages.
func parseError(err error, toks []token) *Error {
	var sx syntax.Error
	msg := err.Error()
	line := 1 << 30
	if errors.As(err, &sx) {
		msg, line = sx.Msg, int(sx.Pos.Line)
	} else {
		msg = parsePos.ReplaceAllString(msg, "")
	}
	if strings.Contains(msg, "excessive nesting") {
		// Starlark's parser stops at a depth of its own, lower than
		// CPython's 200 brackets.
		for _, t := range toks {
			if t.depth >= 20 {
				return &Error{Class: "SyntaxError", Msg: "too many nested parentheses"}
			}
		}
		return errTooDeep
	}
	pe := FromParseMessage(msg)
	if pe.Msg == "expected an indented block" || pe.Msg == "incomplete input" && endsWithColon(toks) {
		if after := emptyBlockHeader(toks, line); after != "" {
			return &Error{Class: "IndentationError", Msg: "expected an indented block after " + after}
		}
	}
	return pe
}

// endsWithColon reports whether the last token before the end is ':'.
func endsWithColon(toks []token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		if t := toks[i]; t.kind != tNewline && t.kind != tEOF {
			return t.kind == tOp && t.text == ":"
		}
	}
	return false
}

// emptyBlockHeader names the block statement that lacks its body, as
// CPython does: "'if' statement on line 1", "function definition on line 3".
func emptyBlockHeader(toks []token, errLine int) string {
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if !t.compoundKW || t.line > errLine {
			continue
		}
		switch t.text {
		case "def":
			return fmt.Sprintf("function definition on line %d", t.line)
		case "class":
			return fmt.Sprintf("class definition on line %d", t.line)
		case "async":
			return ""
		}
		return fmt.Sprintf("'%s' statement on line %d", t.text, t.line)
	}
	return ""
}

// FromParseMessage maps one Starlark parser message.
func FromParseMessage(msg string) *Error {
	switch {
	case strings.Contains(msg, "does not associate with"):
		return Refusal("chained comparisons are not available in this shell: write a < b and b < c")
	case strings.Contains(msg, "unindent does not match"):
		return &Error{Class: "IndentationError", Msg: "unindent does not match any outer indentation level"}
	case strings.HasSuffix(msg, "want indent"):
		return &Error{Class: "IndentationError", Msg: "expected an indented block"}
	case strings.HasPrefix(msg, "got indent"):
		return &Error{Class: "IndentationError", Msg: "unexpected indent"}
	case strings.Contains(msg, "got '*'") || strings.Contains(msg, "got *,"):
		return Refusal("invalid syntax (starred assignment like a, *rest = x is not available in this shell)")
	case strings.Contains(msg, "got end of file"):
		return Refusal("incomplete input")
	}
	return Refusal("invalid syntax")
}
