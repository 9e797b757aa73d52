package repl

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// Completion is one candidate for the word before the cursor.
type Completion struct {
	Text string // replaces the word
	Note string // shown beside it: "method", "module", "command"...
}

var keywords = []string{"and", "break", "continue", "def", "elif", "else", "for", "if", "in",
	"lambda", "not", "or", "pass", "return", "while", "import", "from", "None", "True", "False"}

// wordSeparators end the word that completion replaces.
const wordSeparators = " ()[]{},=:+-*/%<>!&|^~'\"\t"

// Complete returns candidates for the word before the cursor: % commands,
// globals, builtins and keywords, and after "name." the members of a
// module or the methods and attributes of a socket.
func (s *Session) Complete(before string) []Completion {
	word := before
	if i := strings.LastIndexAny(before, wordSeparators); i >= 0 {
		word = before[i+1:]
	}
	if strings.HasPrefix(strings.TrimLeft(before, " "), "%") && !strings.Contains(strings.TrimSpace(before), " ") {
		var out []Completion
		for _, c := range commandNames() {
			if strings.HasPrefix(c, strings.TrimSpace(before)) {
				out = append(out, Completion{Text: c, Note: "command"})
			}
		}
		return out
	}
	if dot := strings.LastIndex(word, "."); dot >= 0 {
		obj, prefix := word[:dot], word[dot+1:]
		v, ok := s.lookup(obj)
		if !ok {
			return nil
		}
		attrs, ok := v.(starlark.HasAttrs)
		if !ok {
			return nil
		}
		var out []Completion
		for _, name := range attrs.AttrNames() {
			if strings.HasPrefix(name, prefix) && !strings.HasPrefix(name, "_") {
				note := "attribute"
				if m, err := attrs.Attr(name); err == nil && m != nil {
					if _, callable := m.(starlark.Callable); callable {
						note = "method"
					} else {
						note = completionNote(m)
					}
				}
				out = append(out, Completion{Text: obj + "." + name, Note: note})
			}
		}
		return out
	}
	if word == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []Completion
	add := func(name, note string) {
		if strings.HasPrefix(name, word) && !seen[name] && !strings.HasPrefix(name, "__") {
			seen[name] = true
			out = append(out, Completion{Text: name, Note: note})
		}
	}
	names := make([]string, 0, len(s.interp.Globals()))
	for k := range s.interp.Globals() {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		add(k, completionNote(s.interp.Globals()[k]))
	}
	for _, k := range sortedNames(starlark.Universe) {
		add(k, "builtin")
	}
	for _, k := range keywords {
		add(k, "keyword")
	}
	return out
}

// lookup resolves a dotted name such as "socket" or "conn" in the globals.
func (s *Session) lookup(dotted string) (starlark.Value, bool) {
	parts := strings.Split(dotted, ".")
	v, ok := s.interp.Globals()[parts[0]]
	if !ok {
		return nil, false
	}
	for _, p := range parts[1:] {
		h, ok := v.(starlark.HasAttrs)
		if !ok {
			return nil, false
		}
		next, err := h.Attr(p)
		if err != nil || next == nil {
			return nil, false
		}
		v = next
	}
	return v, true
}

func completionNote(v starlark.Value) string {
	switch v.(type) {
	case *starlark.Builtin:
		return "function"
	}
	return v.Type()
}

func sortedNames(d starlark.StringDict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
