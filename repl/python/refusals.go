package python

import "go.starlark.net/starlark"

// refuse is a module function this shell cannot offer: calling it raises
// NotImplementedError with one sentence that says what to do instead.
func refuse(advice string) builtinFn {
	return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &PyError{Class: "NotImplementedError", Msg: advice}
	}
}
