package python

import (
	"math"
	"time"

	"go.starlark.net/starlark"
)

// processStart anchors monotonic() and perf_counter().
var processStart = time.Now()

// newTimeModule is the time module: sleep (which Ctrl-C interrupts), the
// clocks, and broken-down times (struct_time) with their formatting.
// Local time is the machine's, as Go's time package reads it.
func newTimeModule() pyModule {
	_, offset := time.Date(time.Now().Year(), 1, 1, 0, 0, 0, 0, time.Local).Zone()
	winter, _ := time.Date(time.Now().Year(), 1, 1, 0, 0, 0, 0, time.Local).Zone()
	summer, summerOffset := time.Date(time.Now().Year(), 7, 1, 0, 0, 0, 0, time.Local).Zone()
	daylight := 0
	if summerOffset != offset {
		daylight = 1
	}
	return table{name: "time", doc: "Clocks and sleep: time.time() for timestamps, time.monotonic() to measure how long a call waited, time.sleep(s) to pause; localtime, strftime and ctime to print times.", rows: []row{
		{name: "sleep", fn: timeSleep, sig: "time.sleep(seconds)", doc: "Pause; Ctrl-C interrupts it.", mutates: true},
		{name: "time", fn: clockFn("time", func() float64 { return float64(time.Now().UnixNano()) / 1e9 }), sig: "time.time() -> float", doc: "Seconds since 1970-01-01 UTC."},
		{name: "time_ns", fn: clockNsFn("time_ns", func() int64 { return time.Now().UnixNano() }), sig: "time.time_ns() -> int", doc: "time() in nanoseconds, as an int."},
		{name: "monotonic", fn: clockFn("monotonic", sinceStart), sig: "time.monotonic() -> float", doc: "A clock that never jumps: subtract two readings to time a call."},
		{name: "monotonic_ns", fn: clockNsFn("monotonic_ns", func() int64 { return int64(time.Since(processStart)) }), sig: "time.monotonic_ns() -> int", doc: "monotonic() in nanoseconds."},
		{name: "perf_counter", fn: clockFn("perf_counter", sinceStart), sig: "time.perf_counter() -> float", doc: "The same steady clock, meant for timing."},
		{name: "perf_counter_ns", fn: clockNsFn("perf_counter_ns", func() int64 { return int64(time.Since(processStart)) }), sig: "time.perf_counter_ns() -> int", doc: "perf_counter() in nanoseconds."},
		{name: "localtime", fn: brokenDown("localtime", time.Local), sig: "time.localtime([seconds]) -> struct_time", doc: "A timestamp (now by default) as local date and time fields: t.tm_hour, t.tm_min..."},
		{name: "gmtime", fn: brokenDown("gmtime", time.UTC), sig: "time.gmtime([seconds]) -> struct_time", doc: "A timestamp (now by default) as UTC date and time fields."},
		{name: "mktime", fn: timeMktime, sig: "time.mktime(t) -> float", doc: "The timestamp of a local struct_time (or 9-tuple), the inverse of localtime()."},
		{name: "ctime", fn: timeCtime, sig: "time.ctime([seconds]) -> str", doc: "A timestamp (now by default) as local time in the form 'Tue Jan  2 03:04:05 2024'."},
		{name: "asctime", fn: timeAsctime, sig: "time.asctime([t]) -> str", doc: "A struct_time (local time now by default) in ctime()'s form."},
		{name: "strftime", fn: timeStrftime, sig: "time.strftime(format[, t]) -> str", doc: "Format a struct_time (local time now by default): time.strftime('%H:%M:%S') is the time of day; %Y %m %d %a %b %Z %z %% and the other C directives."},
		{name: "struct_time", value: typeStructTime, sig: "time.struct_time((year, mon, mday, hour, min, sec, wday, yday, isdst))", doc: "Date and time fields, readable by index or as t.tm_year, t.tm_mon..."},
		{name: "timezone", value: starlark.MakeInt(-offset)},
		{name: "altzone", value: starlark.MakeInt(-summerOffset)},
		{name: "daylight", value: starlark.MakeInt(daylight)},
		{name: "tzname", value: starlark.Tuple{starlark.String(winter), starlark.String(summer)}},
		{name: "strptime", fn: refuse("time.strptime is not available in this shell: take the numbers apart with split() and build the tuple"), sig: "time.strptime(text, format)", doc: "Not available in this shell: split the text and convert the numbers with int()."},
	}}.module()
}

func sinceStart() float64 { return time.Since(processStart).Seconds() }

func clockFn(name string, f func() float64) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "time.%s() takes no arguments (%d given)", name, len(args)+len(kwargs))
		}
		return starlark.Float(f()), nil
	}
}

func clockNsFn(name string, f func() int64) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "time.%s() takes no arguments (%d given)", name, len(args)+len(kwargs))
		}
		return starlark.MakeInt64(f()), nil
	}
}

// timeSleep waits through the interpreter's sockets runtime, so that
// Ctrl-C ends it and the status line shows it.
func timeSleep(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "time.sleep() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "time.sleep() takes exactly one argument (%d given)", len(args))
	}
	if _, isFloat := args[0].(starlark.Float); !isFloat && !isPyInt(args[0]) {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(args[0]))
	}
	secs, _ := toFloat(args[0])
	if math.IsNaN(secs) {
		return nil, pyErrorf("ValueError", "Invalid value NaN (not a number)")
	}
	if secs < 0 {
		return nil, pyErrorf("ValueError", "sleep length must be non-negative")
	}
	// CPython counts in int64 nanoseconds and words the overflow by
	// the argument's type.
	if secs*1e9 >= math.MaxInt64 {
		if isPyInt(args[0]) {
			return nil, pyErrorf("OverflowError", "timestamp too large to convert to C _PyTime_t")
		}
		return nil, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
	}
	in := interpOf(thread)
	if in == nil {
		return nil, pyErrorf("RuntimeError", "time.sleep() needs an interpreter")
	}
	if err := in.rt.Sleep(secs); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// secondsArg reads the optional seconds of localtime, gmtime and ctime:
// now when absent or None, else an int or float truncated to seconds.
func secondsArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (time.Time, error) {
	if len(kwargs) > 0 {
		return time.Time{}, pyErrorf("TypeError", "time.%s() takes no keyword arguments", fn)
	}
	if len(args) > 1 {
		return time.Time{}, pyErrorf("TypeError", "%s expected at most 1 argument, got %d", fn, len(args))
	}
	if len(args) == 0 || args[0] == starlark.None {
		return time.Now(), nil
	}
	if f, ok := args[0].(starlark.Float); ok {
		x := float64(f)
		if math.IsNaN(x) {
			return time.Time{}, pyErrorf("ValueError", "Invalid value NaN (not a number)")
		}
		if math.Abs(x) > 1<<53 {
			return time.Time{}, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
		}
		return time.Unix(int64(math.Floor(x)), 0), nil
	}
	return timestampArg(args[0])
}

func brokenDown(fn string, loc *time.Location) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t, err := secondsArg(fn, args, kwargs)
		if err != nil {
			return nil, err
		}
		st := structTimeOf(t.In(loc))
		if loc == time.UTC {
			gmt := "GMT" // glibc's name for gmtime's zone
			st.zone = &gmt
		}
		return st, nil
	}
}

func timeCtime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	t, err := secondsArg("ctime", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(strftime("%a %b %e %H:%M:%S %Y", structTimeOf(t.In(time.Local)).fields())), nil
}

// tmArg reads a struct_time or 9-tuple argument, checking its fields
// as CPython does (a 0 month, day or day of year counts as 1).
func tmArg(fn string, v starlark.Value) (*structTime, error) {
	if st, ok := v.(*structTime); ok {
		return st, nil
	}
	t, ok := v.(starlark.Tuple)
	if !ok {
		return nil, pyErrorf("TypeError", "Tuple or struct_time argument required")
	}
	if len(t) != 9 {
		if fn == "asctime" {
			return nil, pyErrorf("TypeError", "asctime(): illegal time tuple argument")
		}
		return nil, pyErrorf("TypeError", "%s(): illegal time tuple argument", fn)
	}
	st := &structTime{}
	for i, x := range t {
		n, err := cIntArgStrict(x)
		if err != nil {
			return nil, err
		}
		st.f[i] = n
	}
	return st, nil
}

// checked is the struct_time's fields for strftime and asctime, with
// CPython's range checks.
func (st *structTime) checked() (tmFields, error) {
	f := st.f
	if f[1] == 0 {
		f[1] = 1
	}
	if f[2] == 0 {
		f[2] = 1
	}
	if f[7] == 0 {
		f[7] = 1
	}
	switch {
	case f[1] < 1 || f[1] > 12:
		return tmFields{}, pyErrorf("ValueError", "month out of range")
	case f[2] < 1 || f[2] > 31:
		return tmFields{}, pyErrorf("ValueError", "day of month out of range")
	case f[3] < 0 || f[3] > 23:
		return tmFields{}, pyErrorf("ValueError", "hour out of range")
	case f[4] < 0 || f[4] > 59:
		return tmFields{}, pyErrorf("ValueError", "minute out of range")
	case f[5] < 0 || f[5] > 61:
		return tmFields{}, pyErrorf("ValueError", "seconds out of range")
	case f[7] < 1 || f[7] > 366:
		return tmFields{}, pyErrorf("ValueError", "day of year out of range")
	}
	g := *st
	g.f = f
	return g.fields(), nil
}

func timeAsctime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := ioArgs("time", "asctime", args, kwargs, 0, 1); err != nil {
		return nil, err
	}
	st := structTimeOf(time.Now())
	if len(args) == 1 {
		var err error
		if st, err = tmArg("asctime", args[0]); err != nil {
			return nil, err
		}
	}
	f, err := st.checked()
	if err != nil {
		return nil, err
	}
	return starlark.String(strftime("%a %b %e %H:%M:%S %Y", f)), nil
}

func timeStrftime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := ioArgs("time", "strftime", args, kwargs, 1, 2); err != nil {
		return nil, err
	}
	format, ok := args[0].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "strftime() argument 1 must be str, not %s", pyTypeName(args[0]))
	}
	st := structTimeOf(time.Now())
	if len(args) == 2 {
		var err error
		if st, err = tmArg("strftime", args[1]); err != nil {
			return nil, err
		}
	}
	f, err := st.checked()
	if err != nil {
		return nil, err
	}
	return starlark.String(strftime(string(format), f)), nil
}

func timeMktime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := ioArgs("time", "mktime", args, kwargs, 1, 1); err != nil {
		return nil, err
	}
	st, err := tmArg("mktime", args[0])
	if err != nil {
		return nil, err
	}
	f := st.f
	t := time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, time.Local)
	return starlark.Float(float64(t.Unix())), nil
}

// timestampArg reads a POSIX timestamp as CPython does: int or float,
// the fraction rounded half to even to microseconds.
func timestampArg(v starlark.Value) (time.Time, error) {
	if isPyInt(v) {
		n, ok := smallIntOf(v)
		if !ok || n > 1<<53 || n < -(1<<53) {
			return time.Time{}, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
		}
		return time.Unix(n, 0), nil
	}
	f, ok := v.(starlark.Float)
	if !ok {
		return time.Time{}, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	x := float64(f)
	if math.IsNaN(x) {
		return time.Time{}, pyErrorf("ValueError", "Invalid value NaN (not a number)")
	}
	if math.Abs(x) > 1<<53 {
		return time.Time{}, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
	}
	secs := math.Floor(x)
	us := math.RoundToEven((x - secs) * 1e6)
	return time.Unix(int64(secs), int64(us)*1000), nil
}
