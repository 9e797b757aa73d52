package starlark

import (
	"math"
	"math/big"
	"runtime"
	"testing"
)

// TestWideSmallInts checks the sockrepl patch (PATCHES.md, patch 1): ints
// past int32 and within [smallMin, smallMax] are pointers, not big.Ints,
// and arithmetic at and past the edges of that range gives exact results
// in the canonical representation.
func TestWideSmallInts(t *testing.T) {
	if runtime.GOOS == "linux" && smallMax <= math.MaxInt32 {
		t.Fatalf("small ints end at %d: the wide reservation failed", smallMax)
	}
	ref := func(v Int) *big.Int { return v.BigInt() }
	vals := []int64{0, 1, -1, 4096, math.MaxInt32, math.MinInt32, math.MaxInt32 + 1,
		4096000000, smallMax, smallMin, smallMax - 1, smallMin + 1, 1 << 40, -(1 << 40),
		smallMax/2 + 1, math.MaxInt64, math.MinInt64, 3037000499, 3037000500}
	check := func(op string, got Int, want *big.Int) {
		t.Helper()
		if got.BigInt().Cmp(want) != 0 {
			t.Errorf("%s = %s, want %s", op, got, want)
		}
		small, b := got.get()
		inRange := want.IsInt64() && smallMin <= want.Int64() && want.Int64() <= smallMax
		if inRange && (b != nil || small != want.Int64()) {
			t.Errorf("%s = %s is not small", op, got)
		}
		if !inRange && b == nil {
			t.Errorf("%s = %s is small outside the range", op, got)
		}
	}
	for _, a := range vals {
		for _, b := range vals {
			x, y := MakeInt64(a), MakeInt64(b)
			bx, by := ref(x), ref(y)
			check("add", x.Add(y), new(big.Int).Add(bx, by))
			check("sub", x.Sub(y), new(big.Int).Sub(bx, by))
			check("mul", x.Mul(y), new(big.Int).Mul(bx, by))
			check("and", x.And(y), new(big.Int).And(bx, by))
			check("or", x.Or(y), new(big.Int).Or(bx, by))
			check("xor", x.Xor(y), new(big.Int).Xor(bx, by))
			if b != 0 {
				q, m := new(big.Int), new(big.Int)
				q.DivMod(bx, by, m) // Euclidean: adjust to floor division
				if m.Sign() != 0 && by.Sign() < 0 {
					q.Sub(q, big.NewInt(1))
					m.Add(m, by)
				}
				check("div", x.Div(y), q)
				check("mod", x.Mod(y), m)
			}
			c, _ := x.Cmp(y, 0)
			if want := bx.Cmp(by); c != want {
				t.Errorf("cmp(%d, %d) = %d, want %d", a, b, c, want)
			}
		}
	}
	if _, err := AsInt32(MakeInt64(math.MaxInt32 + 1)); err == nil {
		t.Errorf("AsInt32(2**31) gave no error")
	}
	if n, err := AsInt32(MakeInt64(math.MinInt32)); err != nil || n != math.MinInt32 {
		t.Errorf("AsInt32(-2**31) = %d, %v", n, err)
	}
}

// TestWideSmallIntsDoNotAllocate is the point of the patch: a counter past
// 2**31 grows without allocating.
func TestWideSmallIntsDoNotAllocate(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the wide reservation is tested on Linux")
	}
	total, step := MakeInt64(1<<31), MakeInt64(4096)
	var v Value
	allocs := testing.AllocsPerRun(1000, func() {
		total = total.Add(step)
		v = total // to a Value, as the interpreter stores it
	})
	_ = v
	if allocs != 0 {
		t.Errorf("adding to an int past 2**31 allocates %.1f times", allocs)
	}
}
