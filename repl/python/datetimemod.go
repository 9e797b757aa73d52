package python

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// datetime: dates, times of day, datetimes (naive, or aware with a fixed
// UTC offset) and durations, as CPython's datetime module has them, for
// the timestamps servers log and the timeouts clients compute. Local time
// is the machine's, as Go's time package reads it (TZ, /etc/localtime).

func newDatetimeModule(*Interp) starlark.Value {
	return table{name: "datetime", doc: "Dates and times: datetime.now(), timestamps in and out (fromtimestamp, timestamp), isoformat and strftime to print them, timedelta for durations and their arithmetic.", rows: []row{
		{name: "datetime", value: typeDatetime, sig: "datetime.datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None)", doc: "A date and time of day. datetime.now() is the local time now; d.isoformat(), d.strftime('%H:%M:%S'); d - other is a timedelta, d + timedelta(seconds=5) a later datetime."},
		{name: "date", value: typeDate, sig: "datetime.date(year, month, day)", doc: "A calendar date; date.today(), d.isoformat(), d.weekday(); date - date is a timedelta of whole days."},
		{name: "time", value: typeTimeOfDay, sig: "datetime.time(hour=0, minute=0, second=0, microsecond=0)", doc: "A time of day, as datetime's time() method gives it."},
		{name: "timedelta", value: typeTimedelta, sig: "datetime.timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)", doc: "A duration: add it to a datetime, compare, multiply or divide it; total_seconds() gives it as a float."},
		{name: "timezone", value: typeTimezone, sig: "datetime.timezone(offset[, name])", doc: "A fixed offset from UTC; timezone.utc is UTC itself: datetime.now(timezone.utc) is an aware datetime."},
		{name: "UTC", value: tzUTC},
		{name: "MINYEAR", value: starlark.MakeInt(1)},
		{name: "MAXYEAR", value: starlark.MakeInt(9999)},
	}}.module()
}

// ---- calendar arithmetic ----

// unixOrdinal is date(1970, 1, 1).toordinal().
const unixOrdinal = 719163

func ordinalOf(y, m, d int) int64 {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()/86400 + unixOrdinal
}

func fromOrdinal(n int64) (y, m, d int) {
	t := time.Unix((n-unixOrdinal)*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

func daysInMonth(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func yearDay(y, m, d int) int { return int(ordinalOf(y, m, d) - ordinalOf(y, 1, 1) + 1) }

// weekday is 0 for Monday.
func weekday(y, m, d int) int { return int((ordinalOf(y, m, d) + 6) % 7) }

// checkDate is CPython's validation of year, month and day.
func checkDate(y, m, d int) error {
	if y < 1 || y > 9999 {
		return pyErrorf("ValueError", "year %d is out of range", y)
	}
	if m < 1 || m > 12 {
		return pyErrorf("ValueError", "month must be in 1..12")
	}
	if d < 1 || d > daysInMonth(y, m) {
		return pyErrorf("ValueError", "day is out of range for month")
	}
	return nil
}

func checkTime(h, mi, s, us int) error {
	switch {
	case h < 0 || h > 23:
		return pyErrorf("ValueError", "hour must be in 0..23")
	case mi < 0 || mi > 59:
		return pyErrorf("ValueError", "minute must be in 0..59")
	case s < 0 || s > 59:
		return pyErrorf("ValueError", "second must be in 0..59")
	case us < 0 || us > 999999:
		return pyErrorf("ValueError", "microsecond must be in 0..999999")
	}
	return nil
}

// intFields reads the int arguments of a constructor or replace(),
// starting from defaults; nil entries of p keep their default.
func intFields(p []starlark.Value, out []int) error {
	for i, v := range p {
		if v == nil || i >= len(out) {
			continue
		}
		n, err := cIntArg(v) // CPython's "i" conversion, with its messages
		if err != nil {
			return err
		}
		out[i] = n
	}
	return nil
}

// ---- timezone ----

// timezone is a fixed offset from UTC, with an optional name.
type timezone struct {
	offset timedelta
	name   *string
}

var tzUTC = &timezone{}

var typeTimezone = registerType(&pyType{name: "datetime.timezone", call: newTimezone, consts: map[string]starlark.Value{
	"utc": tzUTC,
	"min": &timezone{offset: timedelta{days: -1, secs: 60}},
	"max": &timezone{offset: timedelta{secs: 86340}},
}})

func newTimezone(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("timezone", args, kwargs, []string{"offset", "name"}, 1)
	if err != nil {
		return nil, err
	}
	off, ok := p[0].(timedelta)
	if !ok {
		return nil, pyErrorf("TypeError", "timezone() argument 1 must be datetime.timedelta, not %s", pyTypeName(p[0]))
	}
	if off.days < -1 || off.days >= 1 || off.days == -1 && off.secs == 0 && off.us == 0 {
		return nil, pyErrorf("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.", off.Repr())
	}
	tz := &timezone{offset: off}
	if p[1] != nil {
		s, ok := p[1].(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "timezone() argument 2 must be str, not %s", pyTypeName(p[1]))
		}
		name := string(s)
		tz.name = &name
	}
	if off == (timedelta{}) && tz.name == nil {
		return tzUTC, nil
	}
	return tz, nil
}

// seconds and micros of the offset.
func (z *timezone) seconds() (int, int) {
	us := z.offset.days*usPerDay + z.offset.secs*usPerSecond + z.offset.us
	return int(us / usPerSecond), int(us % usPerSecond)
}

func (z *timezone) Type() string          { return "datetime.timezone" }
func (z *timezone) Freeze()               {}
func (z *timezone) Truth() starlark.Bool  { return true }
func (z *timezone) Hash() (uint32, error) { return z.offset.Hash() }
func (z *timezone) String() string        { return z.Repr() }

func (z *timezone) Repr() string {
	if z.offset == (timedelta{}) && z.name == nil {
		return "datetime.timezone.utc"
	}
	if z.name != nil {
		return "datetime.timezone(" + z.offset.Repr() + ", " + strRepr(*z.name) + ")"
	}
	return "datetime.timezone(" + z.offset.Repr() + ")"
}

// pyStr is the zone's name: "UTC", or "UTC+05:30".
func (z *timezone) pyStr() string {
	if z.name != nil {
		return *z.name
	}
	if z.offset == (timedelta{}) {
		return "UTC"
	}
	s, us := z.seconds()
	return "UTC" + offsetText(s, us, ":", true)
}

func (z *timezone) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	switch op {
	case syntax.EQL, syntax.NEQ:
		eq := z.offset == y.(*timezone).offset
		return eq == (op == syntax.EQL), nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'datetime.timezone' and 'datetime.timezone'", op)
}

func (z *timezone) Attr(name string) (starlark.Value, error) {
	if v, ok := typeTimezone.consts[name]; ok {
		return v, nil
	}
	if m, ok := timezoneMethods.bind(z, name); ok {
		return m, nil
	}
	return nil, noAttr("datetime.timezone", name)
}

func (z *timezone) AttrNames() []string { return timezoneMethods.names("max", "min", "utc") }

var timezoneMethods = newMethodSet("datetime.timezone", map[string]method{
	"utcoffset": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return b.Receiver().(*timezone).offset, nil
	}, sig: "tz.utcoffset(dt) -> timedelta", doc: "The offset from UTC."},
	"tzname": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.String(b.Receiver().(*timezone).pyStr()), nil
	}, sig: "tz.tzname(dt) -> str", doc: "The zone's name, as %Z prints it."},
})

// tzArg reads a tzinfo argument: None or a timezone.
func tzArg(v starlark.Value) (*timezone, error) {
	switch z := v.(type) {
	case nil, starlark.NoneType:
		return nil, nil
	case *timezone:
		return z, nil
	}
	return nil, pyErrorf("TypeError", "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", pyTypeName(v))
}

// ---- date ----

type date struct{ y, m, d int }

var typeDate = registerType(&pyType{name: "datetime.date", call: newDate, consts: map[string]starlark.Value{
	"min":        date{1, 1, 1},
	"max":        date{9999, 12, 31},
	"resolution": timedelta{days: 1},
}, attrs: map[string]*starlark.Builtin{
	"today": starlark.NewBuiltin("today", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := refuseArgs("today", args, kwargs); err != nil {
			return nil, err
		}
		now := time.Now()
		return date{now.Year(), int(now.Month()), now.Day()}, nil
	}),
	"fromtimestamp": starlark.NewBuiltin("fromtimestamp", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := ioArgs("date", "fromtimestamp", args, kwargs, 1, 1); err != nil {
			return nil, err
		}
		dt, err := fromTimestamp(args[0], nil)
		if err != nil {
			return nil, err
		}
		return dt.date, nil
	}),
	"fromisoformat": starlark.NewBuiltin("fromisoformat", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := ioArgs("date", "fromisoformat", args, kwargs, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[0].(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "fromisoformat: argument must be str")
		}
		var d date
		if n, err := fmt.Sscanf(string(s), "%4d-%2d-%2d", &d.y, &d.m, &d.d); err != nil || n != 3 || len(s) != 10 || checkDate(d.y, d.m, d.d) != nil {
			return nil, pyErrorf("ValueError", "Invalid isoformat string: %s", Repr(s))
		}
		return d, nil
	}),
}})

func newDate(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if n := len(args) + len(kwargs); n > 3 {
		return nil, pyErrorf("TypeError", "function takes at most 3 arguments (%d given)", n)
	}
	p, err := placeArgs("function", args, kwargs, []string{"year", "month", "day"}, 3)
	if err != nil {
		return nil, err
	}
	f := make([]int, 3)
	if err := intFields(p, f); err != nil {
		return nil, err
	}
	if err := checkDate(f[0], f[1], f[2]); err != nil {
		return nil, err
	}
	return date{f[0], f[1], f[2]}, nil
}

func (d date) Type() string          { return "datetime.date" }
func (d date) Freeze()               {}
func (d date) Truth() starlark.Bool  { return true }
func (d date) Hash() (uint32, error) { return uint32(ordinalOf(d.y, d.m, d.d) * 2654435761), nil }
func (d date) String() string        { return d.Repr() }
func (d date) Repr() string          { return fmt.Sprintf("datetime.date(%d, %d, %d)", d.y, d.m, d.d) }
func (d date) pyStr() string         { return d.isoformat() }
func (d date) isoformat() string     { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }
func (d date) ordinal() int64        { return ordinalOf(d.y, d.m, d.d) }

// pyFormat is format(d, spec): strftime, or str(d) for an empty spec.
func (d date) pyFormat(spec string) (string, error) { return formatTime(d, spec, d.fields()) }

func (d datetime) pyFormat(spec string) (string, error) { return formatTime(d, spec, d.fields()) }

func formatTime(v starlark.Value, spec string, f tmFields) (string, error) {
	if spec == "" {
		return pyStr(v), nil
	}
	return strftime(spec, f), nil
}

func (d date) fields() tmFields {
	return tmFields{year: d.y, month: d.m, day: d.d, wday: weekday(d.y, d.m, d.d), yday: yearDay(d.y, d.m, d.d), withMicroseconds: true, offsetWithSeconds: true}
}

func (d date) Attr(name string) (starlark.Value, error) {
	switch name {
	case "year":
		return starlark.MakeInt(d.y), nil
	case "month":
		return starlark.MakeInt(d.m), nil
	case "day":
		return starlark.MakeInt(d.d), nil
	}
	if v, ok := typeDate.consts[name]; ok {
		return v, nil
	}
	if b, ok := typeDate.attrs[name]; ok {
		return b, nil
	}
	if m, ok := dateMethods.bind(d, name); ok {
		return m, nil
	}
	return nil, noAttr("datetime.date", name)
}

func (d date) AttrNames() []string { return dateMethods.names("day", "month", "year") }

func (d date) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	a, b := d.ordinal(), y.(date).ordinal()
	return compareInts(op, big.NewInt(a).Cmp(big.NewInt(b))), nil
}

// addDays is the date n days later, or OverflowError.
func (d date) addDays(n *big.Int) (starlark.Value, error) {
	o := new(big.Int).Add(big.NewInt(d.ordinal()), n)
	if !o.IsInt64() || o.Int64() < 1 || o.Int64() > ordinalOf(9999, 12, 31) {
		return nil, pyErrorf("OverflowError", "date value out of range")
	}
	y, m, dd := fromOrdinal(o.Int64())
	return date{y, m, dd}, nil
}

func (d date) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch o := y.(type) {
	case timedelta:
		switch {
		case op == syntax.PLUS:
			return d.addDays(big.NewInt(o.days))
		case op == syntax.MINUS && side == starlark.Left:
			return d.addDays(big.NewInt(-o.days))
		}
	case date:
		if op == syntax.MINUS {
			n := d.ordinal() - o.ordinal()
			if side == starlark.Right {
				n = -n
			}
			return timedelta{days: n}, nil
		}
	}
	return nil, nil
}

// dateArgsCheck and friends are shared by date and datetime methods.
var dateMethods = newMethodSet("datetime.date", dateLikeMethods(func(v starlark.Value) date { return v.(date) }, func(v starlark.Value) tmFields { return v.(date).fields() }))

func dateLikeMethods(dateOf func(starlark.Value) date, fieldsOf func(starlark.Value) tmFields) map[string]method {
	return map[string]method{
		"weekday": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			d := dateOf(b.Receiver())
			return starlark.MakeInt(weekday(d.y, d.m, d.d)), refuseArgs("weekday", args, kwargs)
		}, sig: "d.weekday() -> int", doc: "0 for Monday to 6 for Sunday."},
		"isoweekday": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			d := dateOf(b.Receiver())
			return starlark.MakeInt(weekday(d.y, d.m, d.d) + 1), refuseArgs("isoweekday", args, kwargs)
		}, sig: "d.isoweekday() -> int", doc: "1 for Monday to 7 for Sunday."},
		"toordinal": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt64(dateOf(b.Receiver()).ordinal()), refuseArgs("toordinal", args, kwargs)
		}, sig: "d.toordinal() -> int", doc: "Days since 0001-01-01, which is day 1."},
		"strftime": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			p, err := placeArgs("strftime", args, kwargs, []string{"format"}, 1)
			if err != nil {
				return nil, err
			}
			f, ok := p[0].(starlark.String)
			if !ok {
				return nil, pyErrorf("TypeError", "strftime() argument 1 must be str, not %s", pyTypeName(p[0]))
			}
			return starlark.String(strftime(string(f), fieldsOf(b.Receiver()))), nil
		}, sig: "d.strftime(format) -> str", doc: "Format by directives: %Y-%m-%d %H:%M:%S, %a %b (day and month names), %f (microseconds), %z (UTC offset), %% (a percent sign)."},
		"isoformat": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := refuseArgs("isoformat", args, kwargs); err != nil {
				return nil, err
			}
			return starlark.String(dateOf(b.Receiver()).isoformat()), nil
		}, sig: "d.isoformat() -> str", doc: "'YYYY-MM-DD'."},
		"replace": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			d := dateOf(b.Receiver())
			p, err := placeArgs("replace", args, kwargs, []string{"year", "month", "day"}, 0)
			if err != nil {
				return nil, err
			}
			f := []int{d.y, d.m, d.d}
			if err := intFields(p, f); err != nil {
				return nil, err
			}
			if err := checkDate(f[0], f[1], f[2]); err != nil {
				return nil, err
			}
			return date{f[0], f[1], f[2]}, nil
		}, sig: "d.replace(year=, month=, day=) -> date", doc: "A copy with some fields changed."},
	}
}

// ---- datetime ----

type datetime struct {
	date
	h, mi, s, us int
	tz           *timezone
	fold         int
}

var typeDatetime = registerType(&pyType{name: "datetime.datetime", call: newDatetime, consts: map[string]starlark.Value{
	"min":        datetime{date: date{1, 1, 1}},
	"max":        datetime{date: date{9999, 12, 31}, h: 23, mi: 59, s: 59, us: 999999},
	"resolution": timedelta{us: 1},
}, attrs: map[string]*starlark.Builtin{
	"now":              starlark.NewBuiltin("now", datetimeNow),
	"today":            starlark.NewBuiltin("today", datetimeToday),
	"utcnow":           starlark.NewBuiltin("utcnow", datetimeUTCNow),
	"fromtimestamp":    starlark.NewBuiltin("fromtimestamp", datetimeFromTimestamp),
	"utcfromtimestamp": starlark.NewBuiltin("utcfromtimestamp", datetimeUTCFromTimestamp),
	"fromisoformat":    starlark.NewBuiltin("fromisoformat", datetimeFromISO),
	"combine":          starlark.NewBuiltin("combine", datetimeCombine),
	"strptime":         unavailable("strptime", "datetime.strptime is not available in this shell: take the numbers apart with split() and build datetime(year, month, day, ...)"),
}})

var datetimeKeywords = []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}

func newDatetime(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if n := len(args) + len(kwargs); n > 9 {
		return nil, pyErrorf("TypeError", "function takes at most 9 arguments (%d given)", n)
	}
	p, err := placeArgs("function", args, kwargs, datetimeKeywords, 3)
	if err != nil {
		return nil, err
	}
	return datetimeFrom(p, []int{0, 0, 0, 0, 0, 0, 0}, nil, 0)
}

// datetimeFrom builds a datetime from placed arguments over defaults.
func datetimeFrom(p []starlark.Value, f []int, tz *timezone, fold int) (starlark.Value, error) {
	if err := intFields(p[:7], f); err != nil {
		return nil, err
	}
	if err := checkDate(f[0], f[1], f[2]); err != nil {
		return nil, err
	}
	if err := checkTime(f[3], f[4], f[5], f[6]); err != nil {
		return nil, err
	}
	if p[7] != nil {
		var err error
		if tz, err = tzArg(p[7]); err != nil {
			return nil, err
		}
	}
	if p[8] != nil {
		n, err := cIntArgStrict(p[8])
		if err != nil {
			return nil, err
		}
		if n != 0 && n != 1 {
			return nil, pyErrorf("ValueError", "fold must be either 0 or 1")
		}
		fold = n
	}
	return datetime{date: date{f[0], f[1], f[2]}, h: f[3], mi: f[4], s: f[5], us: f[6], tz: tz, fold: fold}, nil
}

// fromTime is the datetime of t's wall clock, with tz.
func fromTime(t time.Time, tz *timezone) datetime {
	return datetime{date: date{t.Year(), int(t.Month()), t.Day()}, h: t.Hour(), mi: t.Minute(), s: t.Second(), us: t.Nanosecond() / 1000, tz: tz}
}

// inZone is the instant t as a datetime: in tz, or naive local time.
func inZone(t time.Time, tz *timezone) datetime {
	if tz == nil {
		return fromTime(t.In(time.Local), nil)
	}
	secs, us := tz.seconds()
	return fromTime(t.UTC().Add(time.Duration(secs)*time.Second+time.Duration(us)*time.Microsecond), tz)
}

func datetimeNow(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("now", args, kwargs, []string{"tz"}, 0)
	if err != nil {
		return nil, err
	}
	tz, err := tzArg(p[0])
	if err != nil {
		return nil, err
	}
	return inZone(time.Now(), tz), nil
}

func datetimeToday(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := refuseArgs("today", args, kwargs); err != nil {
		return nil, err
	}
	return inZone(time.Now(), nil), nil
}

func datetimeUTCNow(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := refuseArgs("utcnow", args, kwargs); err != nil {
		return nil, err
	}
	return fromTime(time.Now().UTC(), nil), nil
}

// fromTimestamp is datetime.fromtimestamp(ts, tz).
func fromTimestamp(v starlark.Value, tz *timezone) (datetime, error) {
	t, err := timestampArg(v)
	if err != nil {
		return datetime{}, err
	}
	dt := inZone(t, tz)
	if dt.y < 1 || dt.y > 9999 {
		return datetime{}, pyErrorf("ValueError", "year %d is out of range", dt.y)
	}
	return dt, nil
}

func datetimeFromTimestamp(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("fromtimestamp", args, kwargs, []string{"timestamp", "tz"}, 1)
	if err != nil {
		return nil, err
	}
	tz, err := tzArg(p[1])
	if err != nil {
		return nil, err
	}
	return fromTimestamp(p[0], tz)
}

func datetimeUTCFromTimestamp(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := ioArgs("datetime", "utcfromtimestamp", args, kwargs, 1, 1); err != nil {
		return nil, err
	}
	dt, err := fromTimestamp(args[0], tzUTC)
	dt.tz = nil
	return dt, err
}

func datetimeCombine(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("combine", args, kwargs, []string{"date", "time", "tzinfo"}, 2)
	if err != nil {
		return nil, err
	}
	var d date
	switch x := p[0].(type) {
	case date:
		d = x
	case datetime:
		d = x.date
	default:
		return nil, pyErrorf("TypeError", "combine() argument 1 must be datetime.date, not %s", pyTypeName(p[0]))
	}
	t, ok := p[1].(timeOfDay)
	if !ok {
		return nil, pyErrorf("TypeError", "combine() argument 2 must be datetime.time, not %s", pyTypeName(p[1]))
	}
	tz := t.tz
	if p[2] != nil {
		if tz, err = tzArg(p[2]); err != nil {
			return nil, err
		}
	}
	return datetime{date: d, h: t.h, mi: t.mi, s: t.s, us: t.us, tz: tz}, nil
}

// datetimeFromISO reads what isoformat() writes: a date, then T or one
// other character, then HH[:MM[:SS[.ffffff]]] and an optional offset.
func datetimeFromISO(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := ioArgs("datetime", "fromisoformat", args, kwargs, 1, 1); err != nil {
		return nil, err
	}
	s, ok := args[0].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "fromisoformat: argument must be str")
	}
	bad := pyErrorf("ValueError", "Invalid isoformat string: %s", Repr(s))
	text := string(s)
	if len(text) < 10 {
		return nil, bad
	}
	var f [7]int
	if n, err := fmt.Sscanf(text[:10], "%4d-%2d-%2d", &f[0], &f[1], &f[2]); err != nil || n != 3 {
		return nil, bad
	}
	rest := text[10:]
	var tz *timezone
	if rest != "" {
		rest = rest[1:]
		if i := strings.IndexAny(rest, "+-Z"); i >= 0 {
			zone := rest[i:]
			rest = rest[:i]
			if zone == "Z" {
				tz = tzUTC
			} else {
				var hh, mm int
				if n, err := fmt.Sscanf(zone[1:], "%2d:%2d", &hh, &mm); err != nil || n != 2 {
					return nil, bad
				}
				off := int64(hh*3600+mm*60) * usPerSecond
				if zone[0] == '-' {
					off = -off
				}
				td, _ := tdFromMicros(big.NewInt(off))
				tz = &timezone{offset: td}
				if td == (timedelta{}) {
					tz = tzUTC
				}
			}
		}
		frac := ""
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest, frac = rest[:i], rest[i+1:]
		}
		parts := strings.Split(rest, ":")
		if len(parts) > 3 || rest == "" {
			return nil, bad
		}
		for i, part := range parts {
			if len(part) != 2 {
				return nil, bad
			}
			if _, err := fmt.Sscanf(part, "%2d", &f[3+i]); err != nil {
				return nil, bad
			}
		}
		if frac != "" {
			if len(frac) != 3 && len(frac) != 6 {
				return nil, bad
			}
			if _, err := fmt.Sscanf(frac, "%d", &f[6]); err != nil {
				return nil, bad
			}
			if len(frac) == 3 {
				f[6] *= 1000
			}
		}
	}
	if checkDate(f[0], f[1], f[2]) != nil || checkTime(f[3], f[4], f[5], f[6]) != nil {
		return nil, bad
	}
	return datetime{date: date{f[0], f[1], f[2]}, h: f[3], mi: f[4], s: f[5], us: f[6], tz: tz}, nil
}

func (d datetime) Type() string         { return "datetime.datetime" }
func (d datetime) Truth() starlark.Bool { return true }
func (d datetime) String() string       { return d.Repr() }

// micros is microseconds since 0001-01-01 on the wall clock; utcMicros
// corrects an aware datetime to UTC.
func (d datetime) micros() int64 {
	return ((d.ordinal()*86400+int64(d.h*3600+d.mi*60+d.s))*usPerSecond + int64(d.us))
}

func (d datetime) utcMicros() int64 {
	m := d.micros()
	if d.tz != nil {
		secs, us := d.tz.seconds()
		m -= int64(secs)*usPerSecond + int64(us)
	}
	return m
}

func (d datetime) Hash() (uint32, error) {
	return starlark.MakeInt64(d.utcMicros()).Hash()
}

func (d datetime) Repr() string {
	s := fmt.Sprintf("datetime.datetime(%d, %d, %d, %d, %d", d.y, d.m, d.d, d.h, d.mi)
	switch {
	case d.us != 0:
		s += fmt.Sprintf(", %d, %d", d.s, d.us)
	case d.s != 0:
		s += fmt.Sprintf(", %d", d.s)
	}
	if d.fold != 0 {
		s += ", fold=1"
	}
	if d.tz != nil {
		s += ", tzinfo=" + d.tz.Repr()
	}
	return s + ")"
}

func (d datetime) pyStr() string {
	s, _ := d.isoformat(" ", "auto")
	return s
}

// isoformat is YYYY-MM-DD{sep}HH:MM:SS[.ffffff][+HH:MM].
func (d datetime) isoformat(sep, timespec string) (string, error) {
	t, err := timeText(d.h, d.mi, d.s, d.us, timespec)
	if err != nil {
		return "", err
	}
	s := d.date.isoformat() + sep + t
	if d.tz != nil {
		secs, us := d.tz.seconds()
		s += offsetText(secs, us, ":", true)
	}
	return s, nil
}

// timeText is HH:MM:SS[.ffffff] by timespec.
func timeText(h, mi, s, us int, timespec string) (string, error) {
	switch timespec {
	case "auto":
		if us != 0 {
			return fmt.Sprintf("%02d:%02d:%02d.%06d", h, mi, s, us), nil
		}
		return fmt.Sprintf("%02d:%02d:%02d", h, mi, s), nil
	case "hours":
		return fmt.Sprintf("%02d", h), nil
	case "minutes":
		return fmt.Sprintf("%02d:%02d", h, mi), nil
	case "seconds":
		return fmt.Sprintf("%02d:%02d:%02d", h, mi, s), nil
	case "milliseconds":
		return fmt.Sprintf("%02d:%02d:%02d.%03d", h, mi, s, us/1000), nil
	case "microseconds":
		return fmt.Sprintf("%02d:%02d:%02d.%06d", h, mi, s, us), nil
	}
	return "", pyErrorf("ValueError", "Unknown timespec value")
}

func (d datetime) fields() tmFields {
	f := d.date.fields()
	f.hour, f.min, f.sec, f.us = d.h, d.mi, d.s, d.us
	if d.tz != nil {
		secs, _ := d.tz.seconds()
		f.offset = &secs
		f.zone = d.tz.pyStr()
	}
	return f
}

// timestamp is POSIX seconds: an aware datetime's own, a naive one's as
// local time.
func (d datetime) timestamp() float64 {
	if d.tz != nil {
		us := d.utcMicros() - unixOrdinal*usPerDay
		return float64(us) / 1e6
	}
	t := time.Date(d.y, time.Month(d.m), d.d, d.h, d.mi, d.s, d.us*1000, time.Local)
	return float64(t.Unix()) + float64(d.us)/1e6
}

func (d datetime) Attr(name string) (starlark.Value, error) {
	switch name {
	case "hour":
		return starlark.MakeInt(d.h), nil
	case "minute":
		return starlark.MakeInt(d.mi), nil
	case "second":
		return starlark.MakeInt(d.s), nil
	case "microsecond":
		return starlark.MakeInt(d.us), nil
	case "fold":
		return starlark.MakeInt(d.fold), nil
	case "tzinfo":
		if d.tz == nil {
			return starlark.None, nil
		}
		return d.tz, nil
	case "year", "month", "day":
		return d.date.Attr(name)
	}
	if v, ok := typeDatetime.consts[name]; ok {
		return v, nil
	}
	if b, ok := typeDatetime.attrs[name]; ok {
		return b, nil
	}
	if m, ok := datetimeMethods.bind(d, name); ok {
		return m, nil
	}
	return nil, noAttr("datetime.datetime", name)
}

func (d datetime) AttrNames() []string {
	return datetimeMethods.names("day", "fold", "hour", "microsecond", "minute", "month", "second", "tzinfo", "year")
}

func (d datetime) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(datetime)
	if (d.tz == nil) != (o.tz == nil) {
		switch op {
		case syntax.EQL:
			return false, nil
		case syntax.NEQ:
			return true, nil
		}
		return false, pyErrorf("TypeError", "can't compare offset-naive and offset-aware datetimes")
	}
	a, b := d.utcMicros(), o.utcMicros()
	return compareInts(op, big.NewInt(a).Cmp(big.NewInt(b))), nil
}

// addMicros is the datetime n microseconds later, in the same zone.
func (d datetime) addMicros(n *big.Int) (starlark.Value, error) {
	m := new(big.Int).Add(big.NewInt(d.micros()), n)
	lo := big.NewInt(datetime{date: date{1, 1, 1}}.micros())
	hi := big.NewInt(datetime{date: date{9999, 12, 31}, h: 23, mi: 59, s: 59, us: 999999}.micros())
	if m.Cmp(lo) < 0 || m.Cmp(hi) > 0 {
		return nil, pyErrorf("OverflowError", "date value out of range")
	}
	v := m.Int64()
	days := v / usPerDay
	rem := v % usPerDay
	y, mo, dd := fromOrdinal(days)
	sec := int(rem / usPerSecond)
	return datetime{date: date{y, mo, dd}, h: sec / 3600, mi: sec / 60 % 60, s: sec % 60, us: int(rem % usPerSecond), tz: d.tz}, nil
}

func (d datetime) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch o := y.(type) {
	case timedelta:
		switch {
		case op == syntax.PLUS:
			return d.addMicros(o.micros())
		case op == syntax.MINUS && side == starlark.Left:
			return d.addMicros(new(big.Int).Neg(o.micros()))
		}
	case datetime:
		if op != syntax.MINUS {
			return nil, nil
		}
		a, b := d, o
		if side == starlark.Right {
			a, b = b, a
		}
		if (a.tz == nil) != (b.tz == nil) {
			return nil, pyErrorf("TypeError", "can't subtract offset-naive and offset-aware datetimes")
		}
		return tdFromMicros(big.NewInt(a.utcMicros() - b.utcMicros()))
	}
	return nil, nil
}

var datetimeMethods = newMethodSet("datetime.datetime", func() map[string]method {
	ms := dateLikeMethods(func(v starlark.Value) date { return v.(datetime).date }, func(v starlark.Value) tmFields { return v.(datetime).fields() })
	get := func(b *starlark.Builtin) datetime { return b.Receiver().(datetime) }
	ms["isoformat"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := placeArgs("isoformat", args, kwargs, []string{"sep", "timespec"}, 0)
		if err != nil {
			return nil, err
		}
		sep, spec := "T", "auto"
		if p[0] != nil {
			s, ok := p[0].(starlark.String)
			if !ok || len([]rune(string(s))) != 1 {
				what := pyTypeName(p[0])
				return nil, pyErrorf("TypeError", "isoformat() argument 1 must be a unicode character, not %s", what)
			}
			sep = string(s)
		}
		if p[1] != nil {
			s, ok := p[1].(starlark.String)
			if !ok {
				return nil, pyErrorf("TypeError", "isoformat() argument 2 must be str, not %s", pyTypeName(p[1]))
			}
			spec = string(s)
		}
		s, err := get(b).isoformat(sep, spec)
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	}, sig: "d.isoformat(sep='T', timespec='auto') -> str", doc: "'2024-01-02T03:04:05.000006' (the fraction only when there is one; timespec='seconds' drops it), with +HH:MM when aware."}
	ms["timestamp"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.Float(get(b).timestamp()), refuseArgs("timestamp", args, kwargs)
	}, sig: "d.timestamp() -> float", doc: "Seconds since the epoch, as time.time() counts them (a naive datetime is taken as local time)."}
	ms["date"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return get(b).date, refuseArgs("date", args, kwargs)
	}, sig: "d.date() -> date", doc: "The date part."}
	ms["time"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		d := get(b)
		return timeOfDay{h: d.h, mi: d.mi, s: d.s, us: d.us}, refuseArgs("time", args, kwargs)
	}, sig: "d.time() -> time", doc: "The time of day, without the zone."}
	ms["utcoffset"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if d := get(b); d.tz != nil {
			return d.tz.offset, refuseArgs("utcoffset", args, kwargs)
		}
		return starlark.None, refuseArgs("utcoffset", args, kwargs)
	}, sig: "d.utcoffset() -> timedelta | None", doc: "The offset from UTC, or None for a naive datetime."}
	ms["tzname"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if d := get(b); d.tz != nil {
			return starlark.String(d.tz.pyStr()), refuseArgs("tzname", args, kwargs)
		}
		return starlark.None, refuseArgs("tzname", args, kwargs)
	}, sig: "d.tzname() -> str | None", doc: "The zone's name, or None for a naive datetime."}
	ms["ctime"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.String(strftime("%a %b %e %H:%M:%S %Y", get(b).fields())), refuseArgs("ctime", args, kwargs)
	}, sig: "d.ctime() -> str", doc: "'Tue Jan  2 03:04:05 2024', as time.ctime() writes it."}
	ms["astimezone"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := placeArgs("astimezone", args, kwargs, []string{"tz"}, 0)
		if err != nil {
			return nil, err
		}
		tz, err := tzArg(p[0])
		if err != nil {
			return nil, err
		}
		d := get(b)
		instant := time.UnixMicro(d.utcMicros() - unixOrdinal*usPerDay)
		if d.tz == nil {
			instant = time.Date(d.y, time.Month(d.m), d.d, d.h, d.mi, d.s, d.us*1000, time.Local)
		}
		if tz == nil {
			t := instant.In(time.Local)
			_, off := t.Zone()
			name, _ := t.Zone()
			td, _ := tdFromMicros(big.NewInt(int64(off) * usPerSecond))
			return fromTime(t, &timezone{offset: td, name: &name}), nil
		}
		return inZone(instant, tz), nil
	}, sig: "d.astimezone([tz]) -> datetime", doc: "The same instant in another zone (local time without tz)."}
	ms["replace"] = method{fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		d := get(b)
		p, err := placeArgs("replace", args, kwargs, datetimeKeywords, 0)
		if err != nil {
			return nil, err
		}
		tz := d.tz
		if p[7] == starlark.None {
			tz, p[7] = nil, nil
		}
		return datetimeFrom(p, []int{d.y, d.m, d.d, d.h, d.mi, d.s, d.us}, tz, d.fold)
	}, sig: "d.replace(year=, ..., microsecond=, tzinfo=) -> datetime", doc: "A copy with some fields changed: d.replace(microsecond=0) drops the fraction."}
	return ms
}())

// ---- time of day ----

type timeOfDay struct {
	h, mi, s, us int
	tz           *timezone
}

var typeTimeOfDay = registerType(&pyType{name: "datetime.time", call: newTimeOfDay, consts: map[string]starlark.Value{
	"min":        timeOfDay{},
	"max":        timeOfDay{h: 23, mi: 59, s: 59, us: 999999},
	"resolution": timedelta{us: 1},
}})

func newTimeOfDay(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("function", args, kwargs, []string{"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0)
	if err != nil {
		return nil, err
	}
	f := make([]int, 4)
	if err := intFields(p[:4], f); err != nil {
		return nil, err
	}
	if err := checkTime(f[0], f[1], f[2], f[3]); err != nil {
		return nil, err
	}
	tz, err := tzArg(p[4])
	if err != nil {
		return nil, err
	}
	return timeOfDay{h: f[0], mi: f[1], s: f[2], us: f[3], tz: tz}, nil
}

func (t timeOfDay) Type() string         { return "datetime.time" }
func (t timeOfDay) Freeze()              {}
func (t timeOfDay) Truth() starlark.Bool { return true }
func (t timeOfDay) String() string       { return t.Repr() }
func (t timeOfDay) Hash() (uint32, error) {
	return starlark.MakeInt(((t.h*60+t.mi)*60+t.s)*usPerSecond + t.us).Hash()
}

func (t timeOfDay) Repr() string {
	s := fmt.Sprintf("datetime.time(%d, %d", t.h, t.mi)
	switch {
	case t.us != 0:
		s += fmt.Sprintf(", %d, %d", t.s, t.us)
	case t.s != 0:
		s += fmt.Sprintf(", %d", t.s)
	}
	if t.tz != nil {
		s += ", tzinfo=" + t.tz.Repr()
	}
	return s + ")"
}

func (t timeOfDay) pyStr() string {
	s, _ := timeText(t.h, t.mi, t.s, t.us, "auto")
	if t.tz != nil {
		secs, us := t.tz.seconds()
		s += offsetText(secs, us, ":", true)
	}
	return s
}

func (t timeOfDay) Attr(name string) (starlark.Value, error) {
	switch name {
	case "hour":
		return starlark.MakeInt(t.h), nil
	case "minute":
		return starlark.MakeInt(t.mi), nil
	case "second":
		return starlark.MakeInt(t.s), nil
	case "microsecond":
		return starlark.MakeInt(t.us), nil
	case "tzinfo":
		if t.tz == nil {
			return starlark.None, nil
		}
		return t.tz, nil
	}
	if m, ok := timeOfDayMethods.bind(t, name); ok {
		return m, nil
	}
	return nil, noAttr("datetime.time", name)
}

func (t timeOfDay) AttrNames() []string {
	return timeOfDayMethods.names("hour", "microsecond", "minute", "second", "tzinfo")
}

func (t timeOfDay) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(timeOfDay)
	a := int64(((t.h*60+t.mi)*60+t.s)*usPerSecond + t.us)
	b := int64(((o.h*60+o.mi)*60+o.s)*usPerSecond + o.us)
	return compareInts(op, big.NewInt(a).Cmp(big.NewInt(b))), nil
}

var timeOfDayMethods = newMethodSet("datetime.time", map[string]method{
	"isoformat": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := placeArgs("isoformat", args, kwargs, []string{"timespec"}, 0)
		if err != nil {
			return nil, err
		}
		spec := "auto"
		if s, ok := p[0].(starlark.String); ok {
			spec = string(s)
		}
		t := b.Receiver().(timeOfDay)
		s, err := timeText(t.h, t.mi, t.s, t.us, spec)
		return starlark.String(s), err
	}, sig: "t.isoformat(timespec='auto') -> str", doc: "'HH:MM:SS[.ffffff]'."},
	"strftime": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := ioArgs("time", "strftime", args, kwargs, 1, 1); err != nil {
			return nil, err
		}
		f, ok := args[0].(starlark.String)
		if !ok {
			return nil, pyErrorf("TypeError", "strftime() argument 1 must be str, not %s", pyTypeName(args[0]))
		}
		t := b.Receiver().(timeOfDay)
		fields := tmFields{year: 1900, month: 1, day: 1, hour: t.h, min: t.mi, sec: t.s, us: t.us, wday: 0, yday: 1, withMicroseconds: true}
		return starlark.String(strftime(string(f), fields)), nil
	}, sig: "t.strftime(format) -> str", doc: "Format the time of day by strftime directives."},
})
