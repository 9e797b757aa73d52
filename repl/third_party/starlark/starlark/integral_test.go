package starlark

import (
	"testing"

	"go.starlark.net/syntax"
)

// enumMember stands for a Python IntEnum member: another type that is
// the int it holds.
type enumMember struct{ v int }

func (e enumMember) String() string        { return "Member" }
func (e enumMember) Type() string          { return "Member" }
func (e enumMember) Freeze()               {}
func (e enumMember) Truth() Bool           { return e.v != 0 }
func (e enumMember) Hash() (uint32, error) { return MakeInt(e.v).Hash() }
func (e enumMember) IntValue() Int         { return MakeInt(e.v) }

// TestIntegralEqualsItsInt: bools and Integrals compare, hash and look
// up as the ints they stand for (patch 21).
func TestIntegralEqualsItsInt(t *testing.T) {
	two := enumMember{2}
	for _, c := range []struct {
		x, y Value
		eq   bool
	}{
		{True, MakeInt(1), true}, {False, MakeInt(0), true}, {True, MakeInt(2), false},
		{True, Float(1), true}, {two, MakeInt(2), true}, {MakeInt(2), two, true},
		{two, Float(2), true}, {two, True, false}, {enumMember{1}, True, true},
		{two, String("2"), false}, {MakeInt(1), Float(1.5), false},
	} {
		if got, err := Equal(c.x, c.y); err != nil || got != c.eq {
			t.Errorf("%v == %v: %v, %v", c.x, c.y, got, err)
		}
		if c.eq {
			hx, _ := c.x.(Value).Hash()
			hy, _ := c.y.(Value).Hash()
			if hx != hy {
				t.Errorf("hash(%v) %d != hash(%v) %d", c.x, hx, c.y, hy)
			}
		}
	}
	if lt, err := Compare(syntax.LT, two, MakeInt(3)); err != nil {
		t.Errorf("Member < 3: %v", err)
	} else if !lt {
		t.Error("Member(2) < 3 is false")
	}
	if gt, err := Compare(syntax.GT, True, MakeInt(0)); err != nil || !gt {
		t.Errorf("True > 0: %v, %v", gt, err)
	}
	d := new(Dict)
	d.SetKey(two, String("v"))
	d.SetKey(MakeInt(1), String("a"))
	d.SetKey(True, String("b"))
	if v, found, _ := d.Get(MakeInt(2)); !found || v != String("v") {
		t.Errorf("d[2] = %v, %v", v, found)
	}
	if d.Len() != 2 {
		t.Errorf("{Member(2), 1, True} has %d keys, want 2", d.Len())
	}
	if v, _, _ := d.Get(MakeInt(1)); v != String("b") {
		t.Errorf("d[1] after d[True] = 'b': %v", v)
	}
}
