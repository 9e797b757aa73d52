package python

import (
	"fmt"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// structTime is time.struct_time: nine ints readable by index or by
// name, and, when it came from localtime or gmtime, the zone's name and
// offset.
type structTime struct {
	f      [9]int // year, mon, mday, hour, min, sec, wday, yday, isdst
	zone   *string
	gmtoff *int
}

var structTimeNames = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

var (
	_ starlark.Sliceable  = (*structTime)(nil)
	_ starlark.HasAttrs   = (*structTime)(nil)
	_ starlark.Comparable = (*structTime)(nil)
)

var typeStructTime = registerType(&pyType{name: "time.struct_time", call: newStructTime})

func newStructTime(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("struct_time", args, kwargs, []string{"sequence", "dict"}, 1)
	if err != nil {
		return nil, err
	}
	items, err := collect(thread, p[0])
	if err != nil {
		return nil, pyErrorf("TypeError", "constructor requires a sequence")
	}
	if len(items) < 9 {
		return nil, pyErrorf("TypeError", "time.struct_time() takes an at least 9-sequence (%d-sequence given)", len(items))
	}
	if len(items) > 11 {
		return nil, pyErrorf("TypeError", "time.struct_time() takes an at most 11-sequence (%d-sequence given)", len(items))
	}
	st := &structTime{}
	for i := 0; i < 9; i++ {
		n, err := cIntArgStrict(items[i])
		if err != nil {
			return nil, err
		}
		st.f[i] = n
	}
	return st, nil
}

// structTimeOf is t's wall clock as a struct_time, with its zone.
func structTimeOf(t time.Time) *structTime {
	zone, off := t.Zone()
	isdst := 0
	if t.IsDST() {
		isdst = 1
	}
	return &structTime{
		f:    [9]int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), (int(t.Weekday()) + 6) % 7, t.YearDay(), isdst},
		zone: &zone, gmtoff: &off,
	}
}

// fields is the struct_time for strftime: %Z is its zone (else the local
// name for its isdst), %z its offset (else +0000), as glibc does.
func (st *structTime) fields() tmFields {
	f := tmFields{year: st.f[0], month: st.f[1], day: st.f[2], hour: st.f[3], min: st.f[4], sec: st.f[5], wday: ((st.f[6] % 7) + 7) % 7, yday: st.f[7]}
	off := 0
	if st.gmtoff != nil {
		off = *st.gmtoff
	}
	f.offset = &off
	if st.zone != nil {
		f.zone = *st.zone
	} else {
		year := time.Now().Year()
		month := time.January
		if st.f[8] > 0 {
			month = time.July
		}
		f.zone, _ = time.Date(year, month, 1, 0, 0, 0, 0, time.Local).Zone()
	}
	return f
}

func (st *structTime) Type() string          { return "time.struct_time" }
func (st *structTime) Freeze()               {}
func (st *structTime) Truth() starlark.Bool  { return true }
func (st *structTime) String() string        { return st.Repr() }
func (st *structTime) Hash() (uint32, error) { return st.tuple().Hash() }
func (st *structTime) Len() int              { return 9 }
func (st *structTime) Index(i int) starlark.Value {
	return starlark.MakeInt(st.f[i])
}

// Get is st[i], with a tuple's messages.
func (st *structTime) Get(k starlark.Value) (starlark.Value, bool, error) {
	if !isPyInt(k) {
		return nil, false, pyErrorf("TypeError", "tuple indices must be integers or slices, not %s", pyTypeName(k))
	}
	i, ok := smallIntOf(k)
	if ok && i < 0 {
		i += 9
	}
	if !ok || i < 0 || i >= 9 {
		return nil, false, pyErrorf("IndexError", "tuple index out of range")
	}
	return starlark.MakeInt(st.f[i]), true, nil
}

func (st *structTime) Iterate() starlark.Iterator { return st.tuple().Iterate() }
func (st *structTime) Slice(start, end, step int) starlark.Value {
	return st.tuple().Slice(start, end, step)
}

func (st *structTime) tuple() starlark.Tuple {
	t := make(starlark.Tuple, 9)
	for i, n := range st.f {
		t[i] = starlark.MakeInt(n)
	}
	return t
}

func (st *structTime) Repr() string {
	parts := make([]string, 9)
	for i, n := range st.f {
		parts[i] = fmt.Sprintf("%s=%d", structTimeNames[i], n)
	}
	return "time.struct_time(" + strings.Join(parts, ", ") + ")"
}

func (st *structTime) Attr(name string) (starlark.Value, error) {
	for i, n := range structTimeNames {
		if n == name {
			return starlark.MakeInt(st.f[i]), nil
		}
	}
	switch name {
	case "tm_zone":
		if st.zone == nil {
			return starlark.None, nil
		}
		return starlark.String(*st.zone), nil
	case "tm_gmtoff":
		if st.gmtoff == nil {
			return starlark.None, nil
		}
		return starlark.MakeInt(*st.gmtoff), nil
	case "n_fields":
		return starlark.MakeInt(11), nil
	case "n_sequence_fields":
		return starlark.MakeInt(9), nil
	}
	return nil, noAttr("time.struct_time", name)
}

func (st *structTime) AttrNames() []string {
	return append(append([]string(nil), structTimeNames...), "tm_gmtoff", "tm_zone")
}

func (st *structTime) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, st.tuple(), y.(*structTime).tuple(), depth)
}
