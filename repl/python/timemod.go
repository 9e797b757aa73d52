package python

import (
	"math"
	"time"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// processStart anchors monotonic() and perf_counter().
var processStart = time.Now()

// newTimeModule is the time module of one session. Members:
//
//	sleep(seconds)   wait; Ctrl-C interrupts it
//	time()           seconds since the epoch, as a float
//	monotonic()      a clock that never goes back, for measuring waits
//	perf_counter()   the same clock, as Python's high-resolution timer
func newTimeModule(rt *sockets.Runtime) pyModule {
	return newModule("time", starlark.StringDict{
		"sleep":        starlark.NewBuiltin("sleep", sleepFn(rt)),
		"time":         starlark.NewBuiltin("time", clockFn("time", func() float64 { return float64(time.Now().UnixNano()) / 1e9 })),
		"monotonic":    starlark.NewBuiltin("monotonic", clockFn("monotonic", sinceStart)),
		"perf_counter": starlark.NewBuiltin("perf_counter", clockFn("perf_counter", sinceStart)),
	})
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

func sleepFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
		if err := rt.Sleep(secs); err != nil {
			return nil, err
		}
		return starlark.None, nil
	}
}
