package python

import (
	"math"

	"go.starlark.net/starlark"
)

// Slice assignment and deletion on lists and bytearrays: x[a:b] = v,
// x[a:b:c] = v, del x[a:b].

// sliceIndices applies a slice to a sequence of length n, as CPython's
// PySlice_AdjustIndices does: the indices it selects, in order.
func sliceIndices(n int, lo, hi, step starlark.Value) ([]int, int, int, error) {
	st := 1
	if step != nil && step != starlark.None {
		s, err := sliceInt(step)
		if err != nil {
			return nil, 0, 0, err
		}
		if s == 0 {
			return nil, 0, 0, pyErrorf("ValueError", "slice step cannot be zero")
		}
		st = s
	}
	bound := func(v starlark.Value, def int) (int, error) {
		if v == nil || v == starlark.None {
			return def, nil
		}
		i, err := sliceInt(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
			if i < 0 {
				if st < 0 {
					return -1, nil
				}
				return 0, nil
			}
		}
		if i >= n {
			if st < 0 {
				return n - 1, nil
			}
			return n, nil
		}
		return i, nil
	}
	var start, stop int
	var err error
	if st > 0 {
		if start, err = bound(lo, 0); err != nil {
			return nil, 0, 0, err
		}
		if stop, err = bound(hi, n); err != nil {
			return nil, 0, 0, err
		}
	} else {
		if start, err = bound(lo, n-1); err != nil {
			return nil, 0, 0, err
		}
		if stop, err = bound(hi, -1); err != nil {
			return nil, 0, 0, err
		}
	}
	var idx []int
	for i := start; st > 0 && i < stop || st < 0 && i > stop; i += st {
		idx = append(idx, i)
	}
	return idx, start, st, nil
}

func sliceInt(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "slice indices must be integers or None or have an __index__ method")
	}
	// CPython clamps an index past Py_ssize_t: x[1:10**20] = b'Z'.
	if i, ok := v.(starlark.Int); ok {
		if _, fits := i.Int64(); !fits {
			if i.Sign() > 0 {
				return math.MaxInt32, nil
			}
			return math.MinInt32, nil
		}
	}
	return intArg(v)
}

// setSlice is x[lo:hi:step] = v.
// sliceSetter is a Go-implemented value that takes x[a:b] = v itself.
type sliceSetter interface {
	setSlice(thread *starlark.Thread, lo, hi, step, v starlark.Value) error
}

func setSlice(thread *starlark.Thread, x, lo, hi, step, v starlark.Value) (starlark.Value, error) {
	switch c := x.(type) {
	case sliceSetter:
		return starlark.None, c.setSlice(thread, lo, hi, step, v)
	case *starlark.List:
		items, err := collect(thread, v)
		if err != nil {
			if pe := asPyError(err); pe.Class == "TypeError" {
				return nil, pyErrorf("TypeError", "must assign iterable to extended slice")
			}
			return nil, err
		}
		old := make([]starlark.Value, c.Len())
		for i := range old {
			old[i] = c.Index(i)
		}
		out, err := spliced(old, items, lo, hi, step)
		if err != nil {
			return nil, err
		}
		if err := c.Clear(); err != nil {
			return nil, asPyError(err)
		}
		for _, it := range out {
			if err := c.Append(it); err != nil {
				return nil, asPyError(err)
			}
		}
		return starlark.None, nil
	case *byteArray:
		data, err := bytesOfValue(thread, v)
		if err != nil {
			return nil, err
		}
		old := make([]starlark.Value, len(c.b))
		for i, b := range c.b {
			old[i] = starlark.MakeInt(int(b))
		}
		items := make([]starlark.Value, len(data))
		for i, b := range data {
			items[i] = starlark.MakeInt(int(b))
		}
		out, err := spliced(old, items, lo, hi, step)
		if err != nil {
			return nil, err
		}
		nb := make([]byte, len(out))
		for i, it := range out {
			n, _ := starlark.AsInt32(it)
			nb[i] = byte(n)
		}
		c.b = nb
		return starlark.None, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object does not support item assignment", pyTypeName(x))
}

// spliced is old with the slice replaced by items.
func spliced(old, items []starlark.Value, lo, hi, step starlark.Value) ([]starlark.Value, error) {
	idx, start, st, err := sliceIndices(len(old), lo, hi, step)
	if err != nil {
		return nil, err
	}
	if st == 1 {
		stop := start + len(idx)
		if start > len(old) {
			start = len(old)
		}
		if stop < start {
			stop = start
		}
		out := append([]starlark.Value{}, old[:start]...)
		out = append(out, items...)
		return append(out, old[stop:]...), nil
	}
	if len(items) != len(idx) {
		return nil, pyErrorf("ValueError", "attempt to assign sequence of size %d to extended slice of size %d", len(items), len(idx))
	}
	out := append([]starlark.Value{}, old...)
	for k, i := range idx {
		out[i] = items[k]
	}
	return out, nil
}

// delSlice is del x[lo:hi:step].
func delSlice(x starlark.Value, s *sliceValue) error {
	drop := func(n int) (map[int]bool, error) {
		idx, _, _, err := sliceIndices(n, s.start, s.stop, s.step)
		if err != nil {
			return nil, err
		}
		m := map[int]bool{}
		for _, i := range idx {
			m[i] = true
		}
		return m, nil
	}
	switch c := x.(type) {
	case *starlark.List:
		gone, err := drop(c.Len())
		if err != nil {
			return err
		}
		var keep []starlark.Value
		for i := 0; i < c.Len(); i++ {
			if !gone[i] {
				keep = append(keep, c.Index(i))
			}
		}
		if err := c.Clear(); err != nil {
			return asPyError(err)
		}
		for _, v := range keep {
			c.Append(v)
		}
		return nil
	case *byteArray:
		gone, err := drop(len(c.b))
		if err != nil {
			return err
		}
		var keep []byte
		for i, b := range c.b {
			if !gone[i] {
				keep = append(keep, b)
			}
		}
		c.b = keep
		return nil
	}
	return pyErrorf("TypeError", "'%s' object does not support item deletion", pyTypeName(x))
}

// bytesOfValue is the bytes a bytearray slice assignment takes: bytes,
// a bytearray, or an iterable of ints in range(256).
func bytesOfValue(thread *starlark.Thread, v starlark.Value) ([]byte, error) {
	switch b := v.(type) {
	case starlark.Bytes:
		return []byte(b), nil
	case bufferer:
		return append([]byte{}, b.bufferBytes()...), nil
	case starlark.String:
		return nil, pyErrorf("TypeError", "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	items, err := collect(thread, v)
	if err != nil {
		return nil, pyErrorf("TypeError", "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	out := make([]byte, len(items))
	for i, it := range items {
		n, err := intArg(it)
		if err != nil || n < 0 || n > 255 {
			return nil, pyErrorf("ValueError", "byte must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return out, nil
}
