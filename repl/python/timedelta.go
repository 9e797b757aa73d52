package python

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// datetime.timedelta: a duration held as CPython holds it, days, seconds
// (0-86399) and microseconds (0-999999), with days within ±999999999.
// Arithmetic is exact: a float factor is taken as the fraction it is and
// the result rounded half to even, as CPython does.

type timedelta struct{ days, secs, us int64 }

var (
	_ starlark.HasBinary  = timedelta{}
	_ starlark.HasUnary   = timedelta{}
	_ starlark.Comparable = timedelta{}
	_ starlark.HasAttrs   = timedelta{}
)

const (
	usPerSecond = 1_000_000
	usPerDay    = 86_400 * usPerSecond
	maxTDDays   = 999_999_999
)

var typeTimedelta = registerType(&pyType{name: "datetime.timedelta", call: newTimedelta, consts: map[string]starlark.Value{
	"min":        timedelta{days: -maxTDDays},
	"max":        timedelta{days: maxTDDays, secs: 86399, us: 999999},
	"resolution": timedelta{us: 1},
}})

// micros is the duration in microseconds.
func (t timedelta) micros() *big.Int {
	n := big.NewInt(t.days)
	n.Mul(n, big.NewInt(usPerDay))
	return n.Add(n, big.NewInt(t.secs*usPerSecond+t.us))
}

// tdFromMicros normalises n microseconds, or says it is out of range.
func tdFromMicros(n *big.Int) (timedelta, error) {
	days, rem := new(big.Int).DivMod(n, big.NewInt(usPerDay), new(big.Int))
	if !days.IsInt64() || days.Int64() > 1<<31-1 || days.Int64() < -1<<31 {
		return timedelta{}, pyErrorf("OverflowError", "Python int too large to convert to C int")
	}
	if days.Int64() > maxTDDays || days.Int64() < -maxTDDays {
		return timedelta{}, pyErrorf("OverflowError", "days=%s; must have magnitude <= %d", days.String(), maxTDDays)
	}
	r := rem.Int64()
	return timedelta{days: days.Int64(), secs: r / usPerSecond, us: r % usPerSecond}, nil
}

// roundRat rounds a fraction to the nearest integer, ties to even.
func roundRat(r *big.Rat) *big.Int {
	q, m := new(big.Int).DivMod(r.Num(), r.Denom(), new(big.Int)) // floor, 0 <= m < denom
	twice := new(big.Int).Lsh(m, 1)
	switch twice.Cmp(r.Denom()) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// ratOf is a Python int or float as an exact fraction.
func ratOf(v starlark.Value) (*big.Rat, error) {
	if f, ok := v.(starlark.Float); ok {
		switch {
		case math.IsNaN(float64(f)):
			return nil, pyErrorf("ValueError", "cannot convert NaN to integer ratio")
		case math.IsInf(float64(f), 0):
			return nil, pyErrorf("OverflowError", "cannot convert Infinity to integer ratio")
		}
		return new(big.Rat).SetFloat64(float64(f)), nil
	}
	n, _ := bigOf(v)
	return new(big.Rat).SetInt(n), nil
}

var tdKeywords = []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}

// tdFactors are each keyword's microseconds.
var tdFactors = []int64{usPerDay, usPerSecond, 1, 1000, 60 * usPerSecond, 3600 * usPerSecond, 7 * usPerDay}

func newTimedelta(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("__new__", args, kwargs, tdKeywords, 0)
	if err != nil {
		return nil, err
	}
	total := new(big.Rat)
	for i, v := range p {
		if v == nil {
			continue
		}
		if _, isFloat := v.(starlark.Float); !isFloat && !isPyInt(v) {
			return nil, pyErrorf("TypeError", "unsupported type for timedelta %s component: %s", tdKeywords[i], pyTypeName(v))
		}
		r, err := ratOf(v)
		if err != nil {
			return nil, err
		}
		total.Add(total, r.Mul(r, new(big.Rat).SetInt64(tdFactors[i])))
	}
	return tdFromMicros(roundRat(total))
}

func (t timedelta) Type() string         { return "datetime.timedelta" }
func (t timedelta) Freeze()              {}
func (t timedelta) Truth() starlark.Bool { return t != timedelta{} }
func (t timedelta) Hash() (uint32, error) {
	return starlark.MakeBigInt(t.micros()).Hash()
}
func (t timedelta) String() string { return t.Repr() }

func (t timedelta) Repr() string {
	var parts []string
	if t.days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", t.days))
	}
	if t.secs != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", t.secs))
	}
	if t.us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", t.us))
	}
	if len(parts) == 0 {
		return "datetime.timedelta(0)"
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

// pyStr is "[-]D day[s], H:MM:SS[.ffffff]".
func (t timedelta) pyStr() string {
	s := fmt.Sprintf("%d:%02d:%02d", t.secs/3600, t.secs/60%60, t.secs%60)
	if t.us != 0 {
		s += fmt.Sprintf(".%06d", t.us)
	}
	if t.days != 0 {
		plural := "s"
		if t.days == 1 || t.days == -1 {
			plural = ""
		}
		s = fmt.Sprintf("%d day%s, ", t.days, plural) + s
	}
	return s
}

func (t timedelta) Attr(name string) (starlark.Value, error) {
	switch name {
	case "days":
		return starlark.MakeInt64(t.days), nil
	case "seconds":
		return starlark.MakeInt64(t.secs), nil
	case "microseconds":
		return starlark.MakeInt64(t.us), nil
	}
	if v, ok := typeTimedelta.consts[name]; ok {
		return v, nil
	}
	if m, ok := timedeltaMethods.bind(t, name); ok {
		return m, nil
	}
	return nil, noAttr("datetime.timedelta", name)
}

func (t timedelta) AttrNames() []string {
	return timedeltaMethods.names("days", "max", "microseconds", "min", "resolution", "seconds")
}

var timedeltaMethods = newMethodSet("datetime.timedelta", map[string]method{
	"total_seconds": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := refuseArgs("timedelta.total_seconds", args, kwargs); err != nil {
			return nil, err
		}
		t := b.Receiver().(timedelta)
		f, _ := new(big.Rat).SetFrac(t.micros(), big.NewInt(usPerSecond)).Float64()
		return starlark.Float(f), nil
	}, sig: "td.total_seconds() -> float", doc: "The whole duration in seconds, with its fraction: what to pass to settimeout() or sleep()."},
})

// refuseArgs refuses arguments to a method that takes none.
func refuseArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(kwargs) > 0 {
		return pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return pyErrorf("TypeError", "%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func (t timedelta) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return tdFromMicros(new(big.Int).Neg(t.micros()))
	case syntax.PLUS:
		return t, nil
	}
	return nil, nil
}

// pyAbs is abs(td).
func (t timedelta) pyAbs() (starlark.Value, error) {
	if t.days < 0 {
		return t.Unary(syntax.MINUS)
	}
	return t, nil
}

func (t timedelta) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if o, ok := y.(timedelta); ok {
		a, b := t.micros(), o.micros()
		if side == starlark.Right {
			a, b = b, a
		}
		switch op {
		case syntax.PLUS:
			return tdFromMicros(a.Add(a, b))
		case syntax.MINUS:
			return tdFromMicros(a.Sub(a, b))
		case syntax.SLASH:
			if b.Sign() == 0 {
				return nil, pyErrorf("ZeroDivisionError", "division by zero")
			}
			f, _ := new(big.Rat).SetFrac(a, b).Float64()
			return starlark.Float(f), nil
		case syntax.SLASHSLASH, syntax.PERCENT:
			if b.Sign() == 0 {
				return nil, pyErrorf("ZeroDivisionError", "integer division or modulo by zero")
			}
			q, m := floorDivMod(a, b)
			if op == syntax.SLASHSLASH {
				return starlark.MakeBigInt(q), nil
			}
			return tdFromMicros(m)
		}
		return nil, nil
	}
	_, isFloat := y.(starlark.Float)
	if !isFloat && !isPyInt(y) {
		return nil, nil
	}
	switch {
	case op == syntax.STAR:
		r, err := ratOf(y)
		if err != nil {
			return nil, err
		}
		return tdFromMicros(roundRat(r.Mul(r, new(big.Rat).SetInt(t.micros()))))
	case side == starlark.Left && (op == syntax.SLASH || op == syntax.SLASHSLASH):
		r, err := ratOf(y)
		if err != nil {
			return nil, err
		}
		if r.Sign() == 0 {
			return nil, pyErrorf("ZeroDivisionError", "integer division or modulo by zero")
		}
		if op == syntax.SLASHSLASH {
			if isFloat {
				return nil, nil // CPython has no timedelta // float
			}
			q, _ := floorDivMod(t.micros(), r.Num())
			return tdFromMicros(q)
		}
		return tdFromMicros(roundRat(new(big.Rat).Quo(new(big.Rat).SetInt(t.micros()), r)))
	}
	return nil, nil
}

// floorDivMod is Python's // and % for ints.
func floorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

func (t timedelta) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return compareInts(op, t.micros().Cmp(y.(timedelta).micros())), nil
}

// compareInts applies op to the result of a Cmp.
func compareInts(op syntax.Token, c int) bool {
	switch op {
	case syntax.EQL:
		return c == 0
	case syntax.NEQ:
		return c != 0
	case syntax.LT:
		return c < 0
	case syntax.LE:
		return c <= 0
	case syntax.GT:
		return c > 0
	}
	return c >= 0
}
