package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The typing module, for the annotations "modern" tutorials write
// (def recv_exactly(sock: socket.socket, n: int) -> bytes, Optional[str],
// Address = Tuple[str, int]). This shell does not check annotations (a
// def's are not even evaluated), so typing's names are forms that can be
// subscripted and printed, as CPython prints them, and nothing more.

// typingForms are the subscriptable names; the rest of the module is
// Any, TYPE_CHECKING, cast and TypeVar.
var typingForms = []string{
	"Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet",
	"Callable", "Iterable", "Iterator", "Generator", "Sequence", "Mapping",
	"MutableMapping", "MutableSequence", "Collection", "Container", "Type",
	"Deque", "DefaultDict", "OrderedDict", "Counter", "ClassVar", "Final",
	"Literal", "Annotated", "IO", "Awaitable", "Coroutine", "AsyncIterator",
	"AsyncIterable", "Hashable", "Sized", "Reversible", "Generic",
}

func newTypingModule(*Interp) starlark.Value {
	rows := []row{
		{name: "Any", value: &typingForm{name: "Any"}, sig: "typing.Any", doc: "Any type at all."},
		{name: "NoReturn", value: &typingForm{name: "NoReturn"}},
		{name: "TextIO", value: &typingForm{name: "TextIO"}},
		{name: "BinaryIO", value: &typingForm{name: "BinaryIO"}},
		{name: "AnyStr", value: &typingForm{name: "AnyStr", typeVar: true}},
		{name: "TYPE_CHECKING", value: starlark.False, sig: "typing.TYPE_CHECKING", doc: "False when the program runs: imports under `if TYPE_CHECKING:` are for type checkers only."},
		{name: "cast", fn: typingCast, sig: "typing.cast(typ, val)", doc: "Returns val unchanged: it only tells a type checker what val is."},
		{name: "TypeVar", fn: typingTypeVar, sig: "typing.TypeVar(name, *constraints, bound=None)", doc: "A type variable for generic annotations; its repr is ~name."},
		{name: "overload", fn: typingIdentity, sig: "typing.overload(func)", doc: "Returns func: overloads are for type checkers."},
		{name: "final", fn: typingIdentity, sig: "typing.final(f)", doc: "Returns f: finality is for type checkers."},
		{name: "no_type_check", fn: typingIdentity, sig: "typing.no_type_check(f)", doc: "Returns f."},
	}
	for _, name := range typingForms {
		rows = append(rows, row{name: name, value: &typingForm{name: name}, sig: "typing." + name + "[...]", doc: "An annotation form: subscript it with the types it holds."})
	}
	return table{name: "typing", doc: "Names for type annotations (Optional, List, Tuple, Dict, Callable...). This shell does not check annotations; they document.", rows: rows}.module()
}

func typingCast(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var typ, val starlark.Value
	if err := starlark.UnpackArgs("cast", args, kwargs, "typ", &typ, "val", &val); err != nil {
		return nil, err
	}
	return val, nil
}

func typingIdentity(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var f starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &f); err != nil {
		return nil, err
	}
	return f, nil
}

func typingTypeVar(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "TypeVar.__init__() missing 1 required positional argument: 'name'")
	}
	name, ok := args[0].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "TypeVar name must be a string")
	}
	return &typingForm{name: string(name), typeVar: true}, nil
}

// typingForm is a typing name, bare (typing.List) or subscripted
// (typing.List[int]).
type typingForm struct {
	name    string
	args    []starlark.Value // nil when bare
	typeVar bool
}

var (
	_ starlark.Mapping    = (*typingForm)(nil)
	_ starlark.Comparable = (*typingForm)(nil)
	_ starlark.HasAttrs   = (*typingForm)(nil)
)

func (f *typingForm) String() string {
	if f.typeVar {
		return "~" + f.name
	}
	if f.args == nil {
		return "typing." + f.name
	}
	args := f.args
	name := f.name
	if name == "Union" && len(args) == 2 && (args[0] == starlark.None || args[1] == starlark.None) {
		name = "Optional"
		if args[0] == starlark.None {
			args = args[1:]
		} else {
			args = args[:1]
		}
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = typingArgRepr(a)
	}
	return "typing." + name + "[" + strings.Join(parts, ", ") + "]"
}
func (f *typingForm) Repr() string          { return f.String() }
func (f *typingForm) Type() string          { return "typing._GenericAlias" }
func (f *typingForm) Freeze()               {}
func (f *typingForm) Truth() starlark.Bool  { return true }
func (f *typingForm) Hash() (uint32, error) { return starlark.String(f.String()).Hash() }
func (f *typingForm) AttrNames() []string   { return []string{"__args__", "__origin__"} }
func (f *typingForm) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__args__":
		if f.args == nil {
			return starlark.Tuple{}, nil
		}
		return starlark.Tuple(f.args), nil
	case "__name__", "_name":
		return starlark.String(f.name), nil
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", f.name, name)
}

func (f *typingForm) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	eq := f.String() == y.(*typingForm).String()
	switch op {
	case syntax.EQL:
		return eq, nil
	case syntax.NEQ:
		return !eq, nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of '%s' and '%s'", op, f.Type(), f.Type())
}

// Get is subscripting: Optional[str], Dict[str, int], Tuple[int, ...].
func (f *typingForm) Get(k starlark.Value) (starlark.Value, bool, error) {
	if f.args != nil || f.typeVar || f.name == "Any" {
		return nil, false, pyErrorf("TypeError", "%s is not a generic class", f.String())
	}
	var args []starlark.Value
	if t, ok := k.(starlark.Tuple); ok {
		args = append(args, t...)
	} else {
		args = []starlark.Value{k}
	}
	switch f.name {
	case "Optional":
		if len(args) != 1 {
			return nil, false, pyErrorf("TypeError", "typing.Optional requires a single type. Got %s.", Repr(k))
		}
		return unionOf(append(args, starlark.None)), true, nil
	case "Union":
		return unionOf(args), true, nil
	}
	return &typingForm{name: f.name, args: args}, true, nil
}

// unionOf is Union[args]: nested unions flattened, repeats dropped, and
// a union of one type that type.
func unionOf(args []starlark.Value) starlark.Value {
	var flat []starlark.Value
	seen := map[string]bool{}
	for _, a := range args {
		items := []starlark.Value{a}
		if u, ok := a.(*typingForm); ok && u.name == "Union" && u.args != nil {
			items = u.args
		}
		for _, x := range items {
			if r := typingArgRepr(x); !seen[r] {
				seen[r] = true
				flat = append(flat, x)
			}
		}
	}
	if len(flat) == 1 {
		return flat[0]
	}
	return &typingForm{name: "Union", args: flat}
}

// typingArgRepr is how typing prints a type inside brackets: int,
// socket.socket, None, ..., [int, str], ForwardRef('Name').
func typingArgRepr(v starlark.Value) string {
	switch x := v.(type) {
	case starlark.NoneType:
		return "None"
	case *typingForm:
		return x.String()
	case *Class:
		return x.qualified()
	case *pyType:
		return x.name
	case *starlark.List:
		parts := make([]string, x.Len())
		for i := range parts {
			parts[i] = typingArgRepr(x.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case starlark.String:
		return "ForwardRef(" + Repr(x) + ")"
	}
	if v == ellipsis {
		return "..."
	}
	r := Repr(v)
	if strings.HasPrefix(r, "<class '") && strings.HasSuffix(r, "'>") {
		return r[len("<class '") : len(r)-2]
	}
	return r
}
