package python

import (
	"math"
	"math/big"
	"sort"

	"go.starlark.net/starlark"
)

// The statistics module: the averages and spreads a ping client prints
// over its round-trip times. As in CPython, sums are exact (rationals),
// so mean([0.1, 0.2, 0.3]) is 0.2, a mean or variance of ints that comes
// out whole is an int, and stdev is the correctly rounded square root.

func newStatisticsModule(*Interp) starlark.Value {
	return table{name: "statistics", doc: "Averages and spread of numbers: mean, fmean, median, mode, stdev, variance (and the population pstdev, pvariance).", rows: []row{
		{name: "mean", fn: statsMean, sig: "statistics.mean(data)", doc: "The arithmetic mean, computed exactly; an int when the data are ints and the mean is whole."},
		{name: "fmean", fn: statsFmean, sig: "statistics.fmean(data) -> float", doc: "The mean as a float."},
		{name: "median", fn: statsMedian(0), sig: "statistics.median(data)", doc: "The middle value; for an even count, the mean of the two middle ones."},
		{name: "median_low", fn: statsMedian(-1), sig: "statistics.median_low(data)", doc: "The middle value; for an even count, the smaller of the two."},
		{name: "median_high", fn: statsMedian(1), sig: "statistics.median_high(data)", doc: "The middle value; for an even count, the larger of the two."},
		{name: "mode", fn: statsMode, sig: "statistics.mode(data)", doc: "The most common value; the first one seen among equals."},
		{name: "variance", fn: statsVariance(false, false), sig: "statistics.variance(data)", doc: "The sample variance (divided by n - 1)."},
		{name: "pvariance", fn: statsVariance(true, false), sig: "statistics.pvariance(data)", doc: "The population variance (divided by n)."},
		{name: "stdev", fn: statsVariance(false, true), sig: "statistics.stdev(data) -> float", doc: "The sample standard deviation: the square root of variance()."},
		{name: "pstdev", fn: statsVariance(true, true), sig: "statistics.pstdev(data) -> float", doc: "The population standard deviation: the square root of pvariance()."},
		{name: "StatisticsError", value: exceptionClasses["statistics.StatisticsError"], sig: "statistics.StatisticsError", doc: "Raised for data the function cannot use, such as none at all (a ValueError)."},
	}}.module()
}

// statsData reads the one data argument: its items, each as an exact
// rational, and whether any was a float.
func statsData(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) ([]starlark.Value, []*big.Rat, bool, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &data); err != nil {
		return nil, nil, false, err
	}
	items, err := collect(thread, data)
	if err != nil {
		return nil, nil, false, err
	}
	rats := make([]*big.Rat, len(items))
	float := false
	for i, v := range items {
		switch x := v.(type) {
		case starlark.Float:
			f := float64(x)
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, nil, false, pyErrorf("ValueError", "cannot convert %s to integer ratio", pyStr(x))
			}
			rats[i] = new(big.Rat).SetFloat64(f)
			float = true
		default:
			n, ok := bigOf(v)
			if !ok {
				return nil, nil, false, pyErrorf("TypeError", "can't convert type '%s' to numerator/denominator", pyTypeName(v))
			}
			rats[i] = new(big.Rat).SetInt(n)
		}
	}
	return items, rats, float, nil
}

// statsResult converts an exact result to the data's type, as CPython's
// _convert does: an int stays an int only when the result is whole.
func statsResult(r *big.Rat, float bool) starlark.Value {
	if !float && r.IsInt() {
		return starlark.MakeBigInt(r.Num())
	}
	f, _ := r.Float64()
	return starlark.Float(f)
}

func ratSum(rats []*big.Rat) *big.Rat {
	sum := new(big.Rat)
	for _, r := range rats {
		sum.Add(sum, r)
	}
	return sum
}

func statsMean(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, rats, float, err := statsData(thread, "mean", args, kwargs)
	if err != nil {
		return nil, err
	}
	if len(rats) == 0 {
		return nil, &PyError{Class: "statistics.StatisticsError", Msg: "mean requires at least one data point"}
	}
	mean := ratSum(rats)
	mean.Quo(mean, new(big.Rat).SetInt64(int64(len(rats))))
	return statsResult(mean, float), nil
}

func statsFmean(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, rats, _, err := statsData(thread, "fmean", args, kwargs)
	if err != nil {
		return nil, err
	}
	if len(rats) == 0 {
		return nil, &PyError{Class: "statistics.StatisticsError", Msg: "fmean requires at least one data point"}
	}
	// CPython divides fsum(data), the correctly rounded sum, by n.
	sum, _ := ratSum(rats).Float64()
	return starlark.Float(sum / float64(len(rats))), nil
}

// sortedData is the items sorted by value, keeping each one's rational.
func sortedData(items []starlark.Value, rats []*big.Rat) ([]starlark.Value, []*big.Rat) {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rats[idx[a]].Cmp(rats[idx[b]]) < 0 })
	vs, rs := make([]starlark.Value, len(items)), make([]*big.Rat, len(items))
	for i, j := range idx {
		vs[i], rs[i] = items[j], rats[j]
	}
	return vs, rs
}

// statsMedian is median (which 0), median_low (-1) or median_high (1).
func statsMedian(which int) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		items, rats, _, err := statsData(thread, b.Name(), args, kwargs)
		if err != nil {
			return nil, err
		}
		n := len(items)
		if n == 0 {
			return nil, &PyError{Class: "statistics.StatisticsError", Msg: "no median for empty data"}
		}
		items, rats = sortedData(items, rats)
		if n%2 == 1 {
			return items[n/2], nil
		}
		switch which {
		case -1:
			return items[n/2-1], nil
		case 1:
			return items[n/2], nil
		}
		// (a + b) / 2 as Python computes it: a true division, so a float.
		lo, hi := items[n/2-1], items[n/2]
		_, loF := lo.(starlark.Float)
		_, hiF := hi.(starlark.Float)
		if loF || hiF {
			a, _ := rats[n/2-1].Float64()
			c, _ := rats[n/2].Float64()
			return starlark.Float((a + c) / 2), nil
		}
		sum := new(big.Rat).Add(rats[n/2-1], rats[n/2])
		f, _ := sum.Quo(sum, big.NewRat(2, 1)).Float64()
		return starlark.Float(f), nil
	}
}

func statsMode(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs("mode", args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	items, err := collect(thread, data)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, &PyError{Class: "statistics.StatisticsError", Msg: "no mode for empty data"}
	}
	counts := starlark.NewDict(len(items))
	var best starlark.Value
	bestN := 0
	for _, v := range items {
		old, found, err := counts.Get(v)
		if err != nil {
			return nil, err
		}
		n := 1
		if found {
			n, _ = starlark.AsInt32(old)
			n++
		}
		if err := counts.SetKey(v, starlark.MakeInt(n)); err != nil {
			return nil, err
		}
		if n > bestN {
			best, bestN = v, n
		}
	}
	// Among equal counts the first value to reach that count came first.
	for _, kv := range counts.Items() {
		if n, _ := starlark.AsInt32(kv[1]); n == bestN {
			return kv[0], nil
		}
	}
	return best, nil
}

// statsVariance is variance, pvariance, stdev or pstdev.
func statsVariance(population, root bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data, mu starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data, &mu); err != nil {
			return nil, err
		}
		_, rats, float, err := statsData(thread, b.Name(), starlark.Tuple{data}, nil)
		if err != nil {
			return nil, err
		}
		n := len(rats)
		if population && n < 1 {
			return nil, &PyError{Class: "statistics.StatisticsError", Msg: b.Name() + " requires at least one data point"}
		}
		if !population && n < 2 {
			return nil, &PyError{Class: "statistics.StatisticsError", Msg: b.Name() + " requires at least two data points"}
		}
		var c *big.Rat
		if mu != nil && mu != starlark.None {
			_, m, muFloat, err := statsData(thread, b.Name(), starlark.Tuple{starlark.NewList([]starlark.Value{mu})}, nil)
			if err != nil {
				return nil, err
			}
			c, float = m[0], float || muFloat
		} else {
			c = ratSum(rats)
			c.Quo(c, new(big.Rat).SetInt64(int64(n)))
		}
		ss := new(big.Rat)
		d := new(big.Rat)
		for _, r := range rats {
			d.Sub(r, c)
			ss.Add(ss, d.Mul(d, d))
		}
		div := int64(n - 1)
		if population {
			div = int64(n)
		}
		ss.Quo(ss, new(big.Rat).SetInt64(div))
		if !root {
			return statsResult(ss, float), nil
		}
		return starlark.Float(sqrtRat(ss)), nil
	}
}

// sqrtRat is the square root of r rounded to a float, computed with
// enough bits that rounding it once more cannot go wrong in practice.
func sqrtRat(r *big.Rat) float64 {
	x := new(big.Float).SetPrec(256).SetRat(r)
	f, _ := x.Sqrt(x).Float64()
	return f
}
