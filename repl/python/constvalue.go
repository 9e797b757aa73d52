package python

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/sockets"
)

// constValue is a member of one of the socket module's enums
// (AddressFamily, SocketKind, MsgFlag, AddressInfo). It prints as Python's
// repr (<AddressFamily.AF_INET: 2>) and otherwise acts as the int it is:
// arithmetic, ordering and str() give plain numbers. Combining two flags
// of an IntFlag enum with | & ^ keeps the enum, as in Python.
//
// Starlark compares values of different types as unequal; translate
// routes ==, <, in and friends through helpers that compare a member as
// its int, so AF_INET == 2 holds as in Python.
type constValue struct {
	enum string
	name string // "" for a combination of flags
	v    int
}

var (
	_ starlark.Value      = constValue{}
	_ starlark.Comparable = constValue{}
	_ starlark.HasBinary  = constValue{}
	_ starlark.HasUnary   = constValue{}
	_ starlark.HasAttrs   = constValue{}
	_ pyValue             = constValue{}
	_ pyStringer          = constValue{}
)

// flagEnums are Python IntFlags; the others are IntEnums.
var flagEnums = map[string]bool{"MsgFlag": true, "AddressInfo": true}

// enumValue wraps v as a member of enum when it names one, else as int.
func enumValue(enum string, v int) starlark.Value {
	if n := EnumName(enum, v); n != "" {
		return constValue{enum: enum, name: n, v: v}
	}
	if flagEnums[enum] {
		return constValue{enum: enum, v: v}
	}
	return starlark.MakeInt(v)
}

var (
	enumOnce  sync.Once
	enumNames map[string]map[int]string // enum -> value -> canonical member name
)

// EnumName is the member name CPython prints for v in enum, or "".
// Aliases share a value; the first name in the sockets table wins, which
// matches CPython for the one alias Linux has (AF_ROUTE prints as
// AF_NETLINK).
func EnumName(enum string, v int) string {
	enumOnce.Do(func() {
		enumNames = map[string]map[int]string{}
		for _, k := range sockets.Constants() {
			if k.Enum == "" {
				continue
			}
			m := enumNames[k.Enum]
			if m == nil {
				m = map[int]string{}
				enumNames[k.Enum] = m
			}
			if _, dup := m[k.Value]; !dup {
				m[k.Value] = k.Name
			}
		}
	})
	return enumNames[enum][v]
}

func (c constValue) String() string        { return strconv.Itoa(c.v) }
func (c constValue) Type() string          { return c.enum }
func (c constValue) Freeze()               {}
func (c constValue) Truth() starlark.Bool  { return c.v != 0 }
func (c constValue) Hash() (uint32, error) { return starlark.MakeInt(c.v).Hash() }

// IntValue makes a constant equal to its int in comparisons and as a
// dict or set key, as IntEnum members are (starlark.Integral).
func (c constValue) IntValue() starlark.Int { return starlark.MakeInt(c.v) }
func (c constValue) pyStr() string          { return strconv.Itoa(c.v) }

func (c constValue) Repr() string {
	if c.name != "" {
		return fmt.Sprintf("<%s.%s: %d>", c.enum, c.name, c.v)
	}
	if c.v == 0 {
		return fmt.Sprintf("<%s: 0>", c.enum)
	}
	return fmt.Sprintf("<%s.%s: %d>", c.enum, flagNames(c.enum, c.v), c.v)
}

// flagNames spells a combination of flags lowest bit first, with any
// bits no member names left as a number, the way IntFlag's repr does.
func flagNames(enum string, v int) string {
	type member struct {
		name string
		v    int
	}
	var ms []member
	for _, k := range sockets.Constants() {
		if k.Enum == enum && k.Value > 0 && k.Value&(k.Value-1) == 0 && EnumName(enum, k.Value) == k.Name {
			ms = append(ms, member{k.Name, k.Value})
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].v < ms[b].v })
	var names []string
	rest := v
	for _, m := range ms {
		if v&m.v != 0 {
			names = append(names, m.name)
			rest &^= m.v
		}
	}
	if rest != 0 {
		names = append(names, strconv.Itoa(rest))
	}
	return strings.Join(names, "|")
}

func (c constValue) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.Compare(op, starlark.MakeInt(c.v), starlark.MakeInt(y.(constValue).v))
}

func (c constValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		if c.name == "" {
			return starlark.None, nil
		}
		return starlark.String(c.name), nil
	case "value":
		return starlark.MakeInt(c.v), nil
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", c.enum, name)
}

func (c constValue) AttrNames() []string { return []string{"name", "value"} }

// Binary does arithmetic as an int; |, & and ^ between members of one
// IntFlag (or a member and an int) stay in the enum.
func (c constValue) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	var other starlark.Value
	switch y := y.(type) {
	case constValue:
		other = starlark.MakeInt(y.v)
		if flagEnums[c.enum] && y.enum == c.enum && isBitOp(op) {
			return c.flagOp(op, y.v), nil
		}
	case starlark.Int:
		other = y
		if flagEnums[c.enum] && isBitOp(op) {
			if n, ok := y.Int64(); ok {
				return c.flagOp(op, int(n)), nil
			}
		}
	case starlark.Float, starlark.Bool:
		other = y
		if b, ok := y.(starlark.Bool); ok {
			other = boolInt(b)
		}
	default:
		return nil, nil
	}
	x := starlark.Value(starlark.MakeInt(c.v))
	if side == starlark.Right {
		x, other = other, x
	}
	return starlark.Binary(op, x, other)
}

func (c constValue) flagOp(op syntax.Token, y int) starlark.Value {
	var v int
	switch op {
	case syntax.PIPE:
		v = c.v | y
	case syntax.AMP:
		v = c.v & y
	default:
		v = c.v ^ y
	}
	return enumValue(c.enum, v)
}

func isBitOp(op syntax.Token) bool {
	return op == syntax.PIPE || op == syntax.AMP || op == syntax.CIRCUMFLEX
}

func (c constValue) Unary(op syntax.Token) (starlark.Value, error) {
	return starlark.Unary(op, starlark.MakeInt(c.v))
}

func boolInt(b starlark.Bool) starlark.Int {
	if b {
		return starlark.MakeInt(1)
	}
	return starlark.MakeInt(0)
}
