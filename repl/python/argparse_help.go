package python

import (
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"
)

// argparse's help and usage, laid out by HelpFormatter's rules: usage
// wrapped at the terminal's width less 2 (COLUMNS, else the terminal,
// else 80), help text starting at column min(longest invocation + 2, 24),
// text filled as textwrap does. Only the layout is ported: the sentences
// are CPython's own few ("usage: ", "show this help message and exit").

type apFormatter struct {
	kind        string // the formatter class: "HelpFormatter", "RawTextHelpFormatter"...
	prog        string
	width       int
	maxHelpPos  int
	indent      int
	actionMaxLn int
	thread      *starlark.Thread
}

// terminalColumns is shutil.get_terminal_size().columns.
func terminalColumns() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if ws, err := unix.IoctlGetWinsize(1, unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
		return int(ws.Col)
	}
	return 80
}

func (p *apParser) formatter() *apFormatter {
	width := terminalColumns() - 2
	return &apFormatter{kind: p.formatterKind(), prog: p.progName(), width: width,
		maxHelpPos: min(24, max(width-20, 4))}
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// finish is HelpFormatter.format_help on the assembled text.
func (f *apFormatter) finish(text string) string {
	text = regexp.MustCompile(`\n\n\n+`).ReplaceAllString(text, "\n\n")
	text = strings.Trim(text, "\n")
	if text == "" {
		return ""
	}
	return text + "\n"
}

// formatHelp is ArgumentParser.format_help.
func (p *apParser) formatHelp(thread *starlark.Thread) string {
	f := p.formatter()
	f.thread = thread
	// Every argument's invocation counts towards the help column first,
	// as CPython measures them all before laying anything out.
	f.indent = 2
	for _, g := range p.groups {
		for _, a := range g.actions {
			if !a.helpSuppressed() {
				f.actionMaxLn = max(f.actionMaxLn, runeLen(f.invocation(a))+f.indent)
			}
		}
	}
	f.indent = 0
	var b strings.Builder
	b.WriteString(f.usage(p))
	b.WriteString(f.formatText(pyStrOrEmpty(p.description)))
	for _, g := range p.groups {
		f.indent = 2
		var items strings.Builder
		items.WriteString(f.formatText(pyStrOrEmpty(g.description)))
		for _, a := range g.actions {
			if !a.helpSuppressed() {
				items.WriteString(f.action(a))
			}
		}
		f.indent = 0
		if items.Len() == 0 {
			continue
		}
		b.WriteString("\n")
		if g.title != starlark.None && !isSuppress(g.title) {
			b.WriteString(pyStr(g.title) + ":\n")
		}
		b.WriteString(items.String())
		b.WriteString("\n")
	}
	b.WriteString(f.formatText(pyStrOrEmpty(p.epilog)))
	return f.finish(b.String())
}

func pyStrOrEmpty(v starlark.Value) string {
	if v == nil || v == starlark.None || isSuppress(v) {
		return ""
	}
	return pyStr(v)
}

// formatUsage is ArgumentParser.format_usage.
func (p *apParser) formatUsage() string {
	f := p.formatter()
	return f.finish(f.usage(p))
}

// formatText is _format_text: %(prog) expanded, filled to the width.
func (f *apFormatter) formatText(text string) string {
	if text == "" {
		return ""
	}
	if strings.Contains(text, "%(prog)") {
		d := starlark.NewDict(1)
		d.SetKey(starlark.String("prog"), starlark.String(f.prog))
		if s, err := percentFormat(text, d, false); err == nil {
			text = s
		}
	}
	width := max(f.width-f.indent, 11)
	ind := spaces(f.indent)
	if f.kind == "RawDescriptionHelpFormatter" || f.kind == "RawTextHelpFormatter" {
		var b strings.Builder
		for _, line := range splitKeepEnds(text) {
			b.WriteString(ind + line)
		}
		return b.String() + "\n\n"
	}
	text = collapseSpaces(text)
	lines := wrapText(text, width-runeLen(ind))
	for i := range lines {
		lines[i] = ind + lines[i]
	}
	return strings.Join(lines, "\n") + "\n\n"
}

var reWhitespace = regexp.MustCompile(`[ \t\n\r\f\v]+`)

// collapseSpaces is _whitespace_matcher.sub(' ', text).strip().
func collapseSpaces(s string) string {
	return strings.TrimSpace(reWhitespace.ReplaceAllString(s, " "))
}

// splitKeepEnds is str.splitlines(keepends=True) for \n, \r\n and \r.
func splitKeepEnds(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			out = append(out, s)
			break
		}
		end := i + 1
		if s[i] == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// usage is _format_usage with the "usage: " prefix.
func (f *apFormatter) usage(p *apParser) string {
	prefix := "usage: "
	if p.usage != starlark.None {
		if isSuppress(p.usage) {
			return ""
		}
		d := starlark.NewDict(1)
		d.SetKey(starlark.String("prog"), starlark.String(f.prog))
		u, err := percentFormat(pyStr(p.usage), d, false)
		if err != nil {
			u = pyStr(p.usage)
		}
		return prefix + u + "\n\n"
	}
	if len(p.actions) == 0 {
		return prefix + f.prog + "\n\n"
	}
	var optionals, positionals []*apAction
	for _, a := range p.actions {
		if len(a.optionStrings) > 0 {
			optionals = append(optionals, a)
		} else {
			positionals = append(positionals, a)
		}
	}
	all := append(append([]*apAction(nil), optionals...), positionals...)
	actionUsage := f.actionsUsage(all, p.mutex)
	usage := f.prog
	if actionUsage != "" && usage != "" { // CPython joins the non-empty parts
		usage += " "
	}
	usage += actionUsage
	textWidth := f.width - f.indent
	if runeLen(prefix)+runeLen(usage) > textWidth {
		optParts := usageParts(f.actionsUsage(optionals, p.mutex))
		posParts := usageParts(f.actionsUsage(positionals, p.mutex))
		getLines := func(parts []string, indent string, prefix *string) []string {
			var lines, line []string
			lineLen := runeLen(indent) - 1
			if prefix != nil {
				lineLen = runeLen(*prefix) - 1
			}
			for _, part := range parts {
				if lineLen+1+runeLen(part) > textWidth && len(line) > 0 {
					lines = append(lines, indent+strings.Join(line, " "))
					line = nil
					lineLen = runeLen(indent) - 1
				}
				line = append(line, part)
				lineLen += runeLen(part) + 1
			}
			if len(line) > 0 {
				lines = append(lines, indent+strings.Join(line, " "))
			}
			if prefix != nil && len(lines) > 0 {
				lines[0] = lines[0][len(indent):]
			}
			return lines
		}
		var lines []string
		if float64(runeLen(prefix)+runeLen(f.prog)) <= 0.75*float64(textWidth) {
			indent := spaces(runeLen(prefix) + runeLen(f.prog) + 1)
			switch {
			case len(optParts) > 0:
				lines = getLines(append([]string{f.prog}, optParts...), indent, &prefix)
				lines = append(lines, getLines(posParts, indent, nil)...)
			case len(posParts) > 0:
				lines = getLines(append([]string{f.prog}, posParts...), indent, &prefix)
			default:
				lines = []string{f.prog}
			}
		} else {
			indent := spaces(runeLen(prefix))
			parts := append(append([]string(nil), optParts...), posParts...)
			lines = getLines(parts, indent, nil)
			if len(lines) > 1 {
				lines = append(getLines(optParts, indent, nil), getLines(posParts, indent, nil)...)
			}
			lines = append([]string{f.prog}, lines...)
		}
		usage = strings.Join(lines, "\n")
	}
	return prefix + usage + "\n\n"
}

// usageParts splits a usage string as part_regexp does: a bracketed or
// parenthesized group up to the closing bracket that ends at a space, or
// a run of non-spaces.
func usageParts(s string) []string {
	var parts []string
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' || s[i] == '\n' {
			i++
			continue
		}
		end := -1
		if s[i] == '(' || s[i] == '[' {
			closer := byte(')')
			if s[i] == '[' {
				closer = ']'
			}
			for k := i + 1; k < len(s) && s[k] != '\n'; k++ {
				if s[k] != closer {
					continue
				}
				m := k
				for m < len(s) && s[m] == closer {
					m++
				}
				if m == len(s) || s[m] == ' ' || s[m] == '\t' || s[m] == '\n' {
					end = m
					break
				}
			}
		}
		if end < 0 {
			end = i
			for end < len(s) && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' {
				end++
			}
		}
		parts = append(parts, s[i:end])
		i = end
	}
	return parts
}

var (
	reOpenSpace  = regexp.MustCompile(`([\[(]) `)
	reSpaceClose = regexp.MustCompile(` ([\])])`)
	reEmptyGroup = regexp.MustCompile(`[\[(] *[\])]`)
	reOneInGroup = regexp.MustCompile(`\(([^|]*)\)`)
)

// actionsUsage is _format_actions_usage: each argument as usage shows
// it, mutually exclusive groups in brackets or parentheses with |.
func (f *apFormatter) actionsUsage(actions []*apAction, groups []*apGroup) string {
	inGroup := map[*apAction]bool{}
	inserts := map[int]string{}
	index := func(a *apAction) int {
		for i, x := range actions {
			if x == a {
				return i
			}
		}
		return -1
	}
	for _, g := range groups {
		if len(g.actions) == 0 {
			continue
		}
		start := index(g.actions[0])
		if start < 0 {
			continue
		}
		end := start + len(g.actions)
		if end > len(actions) {
			continue
		}
		same := true
		for i, a := range g.actions {
			if actions[start+i] != a {
				same = false
			}
		}
		if !same {
			continue
		}
		for _, a := range g.actions {
			inGroup[a] = true
		}
		open, closeB := "[", "]"
		if g.required {
			open, closeB = "(", ")"
		}
		if _, ok := inserts[start]; ok {
			inserts[start] += " " + open
		} else {
			inserts[start] = open
		}
		if _, ok := inserts[end]; ok {
			inserts[end] += closeB
		} else {
			inserts[end] = closeB
		}
		for i := start + 1; i < end; i++ {
			inserts[i] = "|"
		}
	}
	parts := make([]*string, len(actions))
	for i, a := range actions {
		var part string
		switch {
		case a.helpSuppressed():
			parts[i] = nil
			if inserts[i] == "|" {
				delete(inserts, i)
			} else if inserts[i+1] == "|" {
				delete(inserts, i+1)
			}
			continue
		case len(a.optionStrings) == 0:
			part = f.formatArgs(a, f.positionalMetavar(a))
			if inGroup[a] && strings.HasPrefix(part, "[") && strings.HasSuffix(part, "]") {
				part = part[1 : len(part)-1]
			}
		default:
			opt := a.optionStrings[0]
			if k, n := a.nargsKind(); k == "N" && n == 0 {
				part = opt
				if a.kind == "boolean" {
					part = strings.Join(a.optionStrings, " | ")
				}
			} else {
				part = opt + " " + f.formatArgs(a, f.optionalMetavar(a))
			}
			if !a.required && !inGroup[a] {
				part = "[" + part + "]"
			}
		}
		parts[i] = &part
	}
	// Insert the group marks, from the end so indexes hold.
	var keys []int
	for k := range inserts {
		keys = append(keys, k)
	}
	for i := 0; i < len(keys); i++ {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] > keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	for _, k := range keys {
		mark := inserts[k]
		k = min(k, len(parts))
		parts = append(parts[:k], append([]*string{&mark}, parts[k:]...)...)
	}
	var words []string
	for _, p := range parts {
		if p != nil {
			words = append(words, *p)
		}
	}
	text := strings.Join(words, " ")
	text = reOpenSpace.ReplaceAllString(text, "${1}")
	text = reSpaceClose.ReplaceAllString(text, "${1}")
	text = reEmptyGroup.ReplaceAllString(text, "")
	text = reOneInGroup.ReplaceAllString(text, "${1}")
	return strings.TrimSpace(text)
}

func (f *apFormatter) positionalMetavar(a *apAction) string {
	if f.kind == "MetavarTypeHelpFormatter" {
		return typeName(a.typeV)
	}
	return a.dest
}

func (f *apFormatter) optionalMetavar(a *apAction) string {
	if f.kind == "MetavarTypeHelpFormatter" {
		return typeName(a.typeV)
	}
	return strings.ToUpper(a.dest)
}

// typeName is getattr(t, '__name__', repr(t)).
func typeName(t starlark.Value) string {
	if n, err := getAttr(t, "__name__"); err == nil {
		return pyStr(n)
	}
	return Repr(t)
}

// metavars is _metavar_formatter(action, default)(size).
func (f *apFormatter) metavars(a *apAction, def string, size int) []string {
	var result starlark.Value
	switch {
	case a.metavar != starlark.None:
		result = a.metavar
	case a.choices != starlark.None:
		var strs []string
		if items, err := collect(f.thread, a.choices); err == nil {
			for _, c := range items {
				strs = append(strs, pyStr(c))
			}
		}
		result = starlark.String("{" + strings.Join(strs, ",") + "}")
	default:
		result = starlark.String(def)
	}
	if t, ok := result.(starlark.Tuple); ok {
		out := make([]string, len(t))
		for i, x := range t {
			out[i] = pyStr(x)
		}
		return out
	}
	out := make([]string, size)
	for i := range out {
		out[i] = pyStr(result)
	}
	return out
}

// metavarTupleError is add_argument's complaint about a metavar tuple of
// the wrong length, raised (as in CPython) while handling the TypeError
// that % gave.
func metavarTupleError(short bool) error {
	why := "not all arguments converted during string formatting"
	if short {
		why = "not enough arguments for format string"
	}
	pe := pyErrorf("ValueError", "length of metavar tuple does not match nargs")
	exceptionValue(pe).exc.context = exceptionValue(pyErrorf("TypeError", "%s", why))
	return pe
}

// formatArgs is _format_args; it panics with errMetavarTuple or an
// invalid-nargs error, which checkArgs turns into add_argument's error.
func (f *apFormatter) formatArgs(a *apAction, def string) string {
	s, _ := f.tryFormatArgs(a, def)
	return s
}

func (f *apFormatter) tryFormatArgs(a *apAction, def string) (string, error) {
	k, n := a.nargsKind()
	need := func(size int) ([]string, error) {
		m := f.metavars(a, def, size)
		if len(m) != size {
			return nil, metavarTupleError(len(m) < size)
		}
		return m, nil
	}
	switch k {
	case "":
		m, err := need(1)
		if err != nil {
			return "", err
		}
		return m[0], nil
	case "?":
		m, err := need(1)
		if err != nil {
			return "", err
		}
		return "[" + m[0] + "]", nil
	case "*":
		m := f.metavars(a, def, 1)
		if len(m) == 2 {
			return "[" + m[0] + " [" + m[1] + " ...]]", nil
		}
		if len(m) != 1 {
			return "", metavarTupleError(len(m) < 1)
		}
		return "[" + m[0] + " ...]", nil
	case "+":
		m, err := need(2)
		if err != nil {
			return "", err
		}
		return m[0] + " [" + m[1] + " ...]", nil
	case "...":
		return "...", nil
	case "A...":
		m, err := need(1)
		if err != nil {
			return "", err
		}
		return m[0] + " ...", nil
	case apSuppress:
		return "", nil
	case "N":
		if n < 0 {
			n = 0
		}
		m, err := need(n)
		if err != nil {
			return "", err
		}
		return strings.Join(m, " "), nil
	}
	return "", pyErrorf("ValueError", "invalid nargs value")
}

// invocation is _format_action_invocation: "host", "-p PORT, --port PORT".
func (f *apFormatter) invocation(a *apAction) string {
	if len(a.optionStrings) == 0 {
		return f.metavars(a, f.positionalMetavar(a), 1)[0]
	}
	if k, n := a.nargsKind(); k == "N" && n == 0 {
		return strings.Join(a.optionStrings, ", ")
	}
	args := f.formatArgs(a, f.optionalMetavar(a))
	parts := make([]string, len(a.optionStrings))
	for i, o := range a.optionStrings {
		parts[i] = o + " " + args
	}
	return strings.Join(parts, ", ")
}

// action is _format_action: the invocation, then the help beside it or
// on the lines below, wrapped at the help column.
func (f *apFormatter) action(a *apAction) string {
	helpPos := min(f.actionMaxLn+2, f.maxHelpPos)
	helpWidth := max(f.width-helpPos, 11)
	actionWidth := helpPos - f.indent - 2
	header := f.invocation(a)
	help, hasHelp := a.help.(starlark.String)
	hasHelp = hasHelp && help != ""
	indentFirst := 0
	switch {
	case !hasHelp:
		header = spaces(f.indent) + header + "\n"
	case runeLen(header) <= actionWidth:
		header = spaces(f.indent) + header + spaces(actionWidth-runeLen(header)) + "  "
	default:
		header = spaces(f.indent) + header + "\n"
		indentFirst = helpPos
	}
	var b strings.Builder
	b.WriteString(header)
	if hasHelp && strings.TrimSpace(string(help)) != "" {
		text := f.expandHelp(a)
		if text != "" {
			var lines []string
			if f.kind == "RawTextHelpFormatter" {
				lines = strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n")
			} else {
				lines = wrapText(collapseSpaces(text), helpWidth)
			}
			if len(lines) > 0 {
				b.WriteString(spaces(indentFirst) + lines[0] + "\n")
				for _, l := range lines[1:] {
					b.WriteString(spaces(helpPos) + l + "\n")
				}
			}
		}
	} else if !strings.HasSuffix(header, "\n") {
		b.WriteString("\n")
	}
	return b.String()
}

// expandHelp is _expand_help: help % the action's fields and prog.
func (f *apFormatter) expandHelp(a *apAction) string {
	help := pyStr(a.help)
	if f.kind == "ArgumentDefaultsHelpFormatter" && !strings.Contains(help, "%(default)") && !isSuppress(a.defaultV) {
		if k, _ := a.nargsKind(); len(a.optionStrings) > 0 || k == "?" || k == "*" {
			help += " (default: %(default)s)"
		}
	}
	params := starlark.NewDict(12)
	for _, name := range apActionFields {
		v, _ := a.Attr(name)
		if isSuppress(v) {
			continue
		}
		if name == "choices" && v != starlark.None {
			var strs []string
			if items, err := collect(f.thread, v); err == nil {
				for _, c := range items {
					strs = append(strs, pyStr(c))
				}
			}
			v = starlark.String(strings.Join(strs, ", "))
		} else if n, err := getAttr(v, "__name__"); err == nil && v != starlark.None {
			if _, isStr := v.(starlark.String); !isStr {
				v = n
			}
		}
		params.SetKey(starlark.String(name), v)
	}
	params.SetKey(starlark.String("prog"), starlark.String(f.prog))
	s, err := percentFormat(help, params, false)
	if err != nil {
		return help
	}
	return s
}
