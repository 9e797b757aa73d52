package python

import (
	"math/big"

	"go.starlark.net/starlark"
)

// Starlark's String() and this package's Repr() cannot fail, but a
// class's __repr__ or __str__ can raise, recurse for ever or return an
// int. CPython hands that exception to whoever asked for the text
// (repr(), str(), print, the prompt's echo, an f-string, %). So the
// builtins that turn values into text run under textChecked, which
// leaves a slot in the running Starlark thread; Instance.Repr and
// pyStr put the first failure there (reprFailed), and textChecked
// returns it. Text asked for anywhere else (a notice, a traceback,
// an error message) keeps the fallback <__main__.C object>.

// reprSlot holds the first failure of a __repr__ or __str__ while a
// textChecked runs (depth > 0). A thread keeps one slot for its life:
// nested textChecked calls save and restore err around themselves, so
// building text costs no allocation and no write to the thread's map.
type reprSlot struct {
	err   error
	depth int
}

// textChecked runs f, which builds text from values, and returns the
// first error a __repr__ or __str__ raised meanwhile, if f had none.
func textChecked(thread *starlark.Thread, f func() (string, error)) (string, error) {
	if thread == nil {
		return f()
	}
	slot := &localsOf(thread).repr
	saved := slot.err
	slot.err = nil
	slot.depth++
	s, err := f()
	slot.depth--
	if err == nil {
		err = slot.err
	}
	slot.err = saved
	return s, err
}

// reprOf is repr(v) with the error a __repr__ raised.
func reprOf(thread *starlark.Thread, v starlark.Value) (string, error) {
	if err := intTextError(v); err != nil {
		return "", err
	}
	if holdsNoInstance(v) {
		return Repr(v), nil
	}
	return textChecked(thread, func() (string, error) { return Repr(v), nil })
}

// holdsNoInstance reports whether v's text cannot run Python code.
func holdsNoInstance(v starlark.Value) bool {
	switch v.(type) {
	case starlark.String, starlark.Int, starlark.Float, starlark.Bool, starlark.NoneType, starlark.Bytes:
		return true
	}
	return false
}

// reprFailed notes err, from a __repr__ or __str__ of an instance of
// in's, in the slot of the thread running it.
func (in *Interp) reprFailed(err error) {
	if in == nil {
		return
	}
	if slot := &localsOf(in.activeThread()).repr; slot.depth > 0 && slot.err == nil {
		slot.err = err
	}
}

// intTextError is CPython's refusal to write an int of more than 4300
// decimal digits (sys.get_int_max_str_digits()): printing 10**10**6 at
// the prompt raises ValueError there, where it would fill the screen.
// It is checked where an int itself becomes text (repr, str, print, the
// echo, format, f-strings, %); an int inside a list still prints.
func intTextError(v starlark.Value) error {
	i, ok := v.(starlark.Int)
	if !ok {
		return nil
	}
	if _, small := i.Int64(); small {
		return nil
	}
	n := i.BigInt()
	// 2**14284 < 10**4300 < 2**14285: only a 14285-bit int needs counting.
	if bits := n.BitLen(); bits <= 14284 || bits == 14285 && len(new(big.Int).Abs(n).String()) <= maxIntDigits {
		return nil
	}
	return pyErrorf("ValueError", "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits)
}
