package python

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"
)

// The random module: CPython's generator (the Mersenne Twister MT19937,
// seeded the way CPython seeds it) and the functions built on it, each
// drawing the same numbers in the same order as CPython 3.11's, so a
// program that calls random.seed(n) prints what python3 prints.
// Unseeded, it starts from the operating system's randomness, as CPython
// does.

func newRandomModule(in *Interp) starlark.Value {
	def := newRandomState()
	rows := []row{
		{name: "Random", value: randomClass, sig: "random.Random(seed=None)", doc: "A generator of its own, with the methods below; the module's functions share one."},
	}
	for _, m := range randomMethods {
		m := m
		rows = append(rows, row{name: m.name, sig: "random." + m.sig, doc: m.doc,
			fn: func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return m.fn(thread, def, args, kwargs)
			}})
	}
	return table{name: "random", doc: "Pseudo-random numbers: CPython's Mersenne Twister, so random.seed(n) gives the numbers python3 gives.", rows: rows}.module()
}

var randomMethods = []goMethod{
	{"seed", randomSeed, "seed(a=None)", "Start the sequence again from a (an int, str, bytes or float); None: from the system's randomness."},
	{"random", randomRandom, "random() -> float", "A float in [0.0, 1.0)."},
	{"uniform", randomUniform, "uniform(a, b) -> float", "A float between a and b."},
	{"randint", randomRandint, "randint(a, b) -> int", "An int N with a <= N <= b."},
	{"randrange", randomRandrange, "randrange(start, stop=None, step=1) -> int", "An int from range(start, stop, step), without building the range."},
	{"getrandbits", randomGetrandbits, "getrandbits(k) -> int", "An int of k random bits."},
	{"randbytes", randomRandbytes, "randbytes(n) -> bytes", "n random bytes (not for secrets)."},
	{"choice", randomChoice, "choice(seq)", "One item of a non-empty sequence; IndexError if it is empty."},
	{"choices", randomChoices, "choices(population, weights=None, *, cum_weights=None, k=1) -> list", "k items chosen with replacement, optionally weighted."},
	{"shuffle", randomShuffle, "shuffle(x)", "Shuffle the list x in place."},
	{"sample", randomSample, "sample(population, k, *, counts=None) -> list", "k distinct items of a sequence, in the order chosen."},
}

var randomType = newGoType("random.Random", "Random",
	"A random number generator (the Mersenne Twister): seed(), random(), randint(), choice(), sample()...", randomMethods...)

var randomClass = &pyType{name: "random.Random", call: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "Random() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, pyErrorf("TypeError", "Random() expected at most 1 argument, got %d", len(args))
	}
	r := &randomState{}
	var a starlark.Value = starlark.None
	if len(args) == 1 {
		a = args[0]
	}
	if err := r.seed(thread, a); err != nil {
		return nil, err
	}
	return r, nil
}}

// randomState is one generator: MT19937's 624 words and its position.
type randomState struct {
	mt  [624]uint32
	pos int
}

var (
	_ goValue           = (*randomState)(nil)
	_ starlark.HasAttrs = (*randomState)(nil)
)

func (r *randomState) goType() *goType { return randomType }
func (r *randomState) String() string {
	return fmt.Sprintf("<random.Random object at %#x>", addressOf(r))
}
func (r *randomState) Repr() string          { return r.String() }
func (r *randomState) Type() string          { return "Random" }
func (r *randomState) Freeze()               {}
func (r *randomState) Truth() starlark.Bool  { return true }
func (r *randomState) Hash() (uint32, error) { return uint32(addressOf(r)), nil }
func (r *randomState) AttrNames() []string   { return randomType.names() }
func (r *randomState) Attr(name string) (starlark.Value, error) {
	if m := randomType.method(r, name); m != nil {
		return m, nil
	}
	return nil, randomType.noAttr(name)
}

func newRandomState() *randomState {
	r := &randomState{}
	r.seedSystem()
	return r
}

// initGenrand fills the state from one word (MT19937's init_genrand).
func (r *randomState) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < 624; i++ {
		prev := r.mt[i-1]
		r.mt[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	r.pos = 624
}

// initByArray mixes a key of words into the state (init_by_array),
// which is how CPython seeds from an int.
func (r *randomState) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	k := len(key)
	if k < 624 {
		k = 624
	}
	for ; k > 0; k-- {
		prev := r.mt[i-1]
		r.mt[i] = (r.mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		prev := r.mt[i-1]
		r.mt[i] = (r.mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
}

// next is the generator's next 32-bit word (genrand_uint32).
func (r *randomState) next() uint32 {
	if r.pos >= 624 {
		for k := 0; k < 624; k++ {
			y := r.mt[k]&0x80000000 | r.mt[(k+1)%624]&0x7fffffff
			v := r.mt[(k+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[k] = v
		}
		r.pos = 0
	}
	y := r.mt[r.pos]
	r.pos++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (r *randomState) seedSystem() {
	var buf [624 * 4]byte
	if _, err := rand.Read(buf[:]); err != nil {
		r.initGenrand(0x12345678)
		return
	}
	key := make([]uint32, 624)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.initByArray(key)
}

// seedInt seeds from a non-negative int: its 32-bit words, least
// significant first (at least one).
func (r *randomState) seedInt(n *big.Int) {
	b := n.Bytes() // big-endian, no leading zeros
	var key []uint32
	for end := len(b); end > 0; end -= 4 {
		var w uint32
		for _, c := range b[max(end-4, 0):end] {
			w = w<<8 | uint32(c)
		}
		key = append(key, w)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

func (r *randomState) seed(thread *starlark.Thread, a starlark.Value) error {
	switch x := a.(type) {
	case starlark.NoneType:
		r.seedSystem()
		return nil
	case starlark.String, starlark.Bytes, *byteArray:
		// Version 2 seeding: the bytes followed by their SHA-512 digest,
		// read as one big-endian int.
		var b []byte
		switch y := x.(type) {
		case starlark.String:
			b = []byte(string(y))
		case starlark.Bytes:
			b = []byte(string(y))
		case *byteArray:
			b = append(b, y.b...)
		}
		sum := sha512.Sum512(b)
		r.seedInt(new(big.Int).SetBytes(append(b, sum[:]...)))
		return nil
	case starlark.Int, constValue:
		n, _ := bigOf(x)
		r.seedInt(new(big.Int).Abs(n))
		return nil
	case starlark.Bool, starlark.Float:
		// Not an exact int: CPython seeds from hash(a), as an unsigned
		// word.
		h, err := builtinHash(thread, nil, starlark.Tuple{a}, nil)
		if err != nil {
			return err
		}
		n, _ := bigOf(h)
		if n.Sign() < 0 {
			n.Add(n, new(big.Int).Lsh(big.NewInt(1), 64))
		}
		r.seedInt(n)
		return nil
	}
	return pyErrorf("TypeError", "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
}

// random is a float in [0, 1) from 53 random bits, as CPython builds it.
func (r *randomState) random() float64 {
	a := r.next() >> 5
	b := r.next() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// getrandbits is an int of k random bits: whole words, least
// significant first, the last one shifted down to what is left.
func (r *randomState) getrandbits(k int) *big.Int {
	if k <= 32 {
		if k == 0 {
			return new(big.Int)
		}
		return big.NewInt(int64(r.next() >> (32 - k)))
	}
	n := new(big.Int)
	for i := 0; k > 0; i++ {
		w := r.next()
		if k < 32 {
			w >>= 32 - k
		}
		n.Or(n, new(big.Int).Lsh(big.NewInt(int64(w)), uint(32*i)))
		k -= 32
	}
	return n
}

// below is an int in [0, n) for n > 0: k bits at a time, drawn again
// while too big (CPython's _randbelow_with_getrandbits).
func (r *randomState) below(n *big.Int) *big.Int {
	k := n.BitLen()
	x := r.getrandbits(k)
	for x.Cmp(n) >= 0 {
		x = r.getrandbits(k)
	}
	return x
}

func (r *randomState) belowInt(n int) int {
	return int(r.below(big.NewInt(int64(n))).Int64())
}

// randomSelf is the generator a method or module function works on.
func randomSelf(recv starlark.Value) *randomState {
	r, _ := recv.(*randomState)
	return r
}

func randomSeed(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.seed", true, args, kwargs, "a?", "version?")
	if err != nil {
		return nil, err
	}
	a := p[0]
	if a == nil {
		a = starlark.None
	}
	return starlark.None, randomSelf(recv).seed(thread, a)
}

func randomRandom(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noKwargs("Random.random", kwargs); err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "Random.random() takes no arguments (%d given)", len(args))
	}
	return starlark.Float(randomSelf(recv).random()), nil
}

func randomUniform(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.uniform", true, args, kwargs, "a", "b")
	if err != nil {
		return nil, err
	}
	a, ok1 := toFloat(p[0])
	b, ok2 := toFloat(p[1])
	if !ok1 || !ok2 {
		bad := p[0]
		if ok1 {
			bad = p[1]
		}
		return nil, pyErrorf("TypeError", "unsupported operand type(s) for -: '%s' and '%s'", pyTypeName(p[1]), pyTypeName(bad))
	}
	return starlark.Float(a + (b-a)*randomSelf(recv).random()), nil
}

func randomGetrandbits(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noKwargs("Random.getrandbits", kwargs); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "Random.getrandbits() takes exactly one argument (%d given)", len(args))
	}
	k, err := indexArg(args[0])
	if err != nil {
		return nil, err
	}
	if k < 0 {
		return nil, pyErrorf("ValueError", "number of bits must be non-negative")
	}
	return starlark.MakeBigInt(randomSelf(recv).getrandbits(k)), nil
}

func randomRandbytes(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.randbytes", true, args, kwargs, "n")
	if err != nil {
		return nil, err
	}
	n, err := indexArg(p[0])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, pyErrorf("ValueError", "number of bits must be non-negative")
	}
	x := randomSelf(recv).getrandbits(8 * n)
	be := x.FillBytes(make([]byte, n))
	out := make([]byte, n)
	for i := range be {
		out[i] = be[n-1-i]
	}
	return starlark.Bytes(out), nil
}

// rangeArg is one argument of randrange: an int, or (deprecated since
// 3.10) a float with an integral value.
func rangeArg(thread *starlark.Thread, v starlark.Value, which string) (*big.Int, error) {
	if n, ok := bigOf(v); ok {
		return n, nil
	}
	if f, ok := v.(starlark.Float); ok {
		if x := float64(f); math.IsInf(x, 0) || math.IsNaN(x) || x != math.Trunc(x) {
			// Raised, as in CPython, while handling the TypeError that
			// reading the float as an index gave.
			var pe *PyError
			switch {
			case math.IsInf(x, 0):
				pe = pyErrorf("OverflowError", "cannot convert float infinity to integer")
			case math.IsNaN(x):
				pe = pyErrorf("ValueError", "cannot convert float NaN to integer")
			default:
				deprecated(thread, "randrange() will raise TypeError in the future")
				pe = pyErrorf("ValueError", "non-integer %s for randrange()", which)
			}
			exceptionValue(pe).exc.context = exceptionValue(pyErrorf("TypeError", "'float' object cannot be interpreted as an integer"))
			return nil, pe
		}
		deprecated(thread, "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version")
		n, _ := new(big.Float).SetFloat64(float64(f)).Int(nil)
		return n, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
}

func (r *randomState) randrange(thread *starlark.Thread, start, stop, step starlark.Value) (starlark.Value, error) {
	istart, err := rangeArg(thread, start, "arg 1")
	if err != nil {
		return nil, err
	}
	if stop == nil || stop == starlark.None {
		if step != nil {
			return nil, pyErrorf("TypeError", "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return starlark.MakeBigInt(r.below(istart)), nil
		}
		return nil, pyErrorf("ValueError", "empty range for randrange()")
	}
	istop, err := rangeArg(thread, stop, "stop")
	if err != nil {
		return nil, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if step != nil {
		if istep, err = rangeArg(thread, step, "step"); err != nil {
			return nil, err
		}
	}
	if istep.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return starlark.MakeBigInt(new(big.Int).Add(istart, r.below(width))), nil
		}
		return nil, pyErrorf("ValueError", "empty range for randrange() (%s, %s, %s)", istart, istop, width)
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = new(big.Int).Add(width, istep)
		n.Sub(n, big.NewInt(1))
	case -1:
		n = new(big.Int).Add(width, istep)
		n.Add(n, big.NewInt(1))
	default:
		return nil, pyErrorf("ValueError", "zero step for randrange()")
	}
	n = floorDivBig(n, istep)
	if n.Sign() <= 0 {
		return nil, pyErrorf("ValueError", "empty range for randrange()")
	}
	off := new(big.Int).Mul(istep, r.below(n))
	return starlark.MakeBigInt(off.Add(off, istart)), nil
}

func floorDivBig(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	// DivMod is Euclidean; Python floors.
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func randomRandrange(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.randrange", true, args, kwargs, "start", "stop?", "step?")
	if err != nil {
		return nil, err
	}
	return randomSelf(recv).randrange(thread, p[0], p[1], p[2])
}

func randomRandint(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.randint", true, args, kwargs, "a", "b")
	if err != nil {
		return nil, err
	}
	b, ok := bigOf(p[1])
	if !ok {
		switch y := p[1].(type) {
		case starlark.Float:
			return randomSelf(recv).randrange(thread, p[0], y+1, nil)
		case starlark.String:
			return nil, pyErrorf("TypeError", "can only concatenate str (not \"int\") to str")
		}
		return nil, pyErrorf("TypeError", "unsupported operand type(s) for +: '%s' and 'int'", pyTypeName(p[1]))
	}
	return randomSelf(recv).randrange(thread, p[0], starlark.MakeBigInt(new(big.Int).Add(b, big.NewInt(1))), nil)
}

// seqLen is len(seq) for the sequence functions.
func seqLen(thread *starlark.Thread, seq starlark.Value) (int, error) {
	n, err := builtinLen(thread, nil, starlark.Tuple{seq}, nil)
	if err != nil {
		return 0, err
	}
	return intArg(n)
}

func randomChoice(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.choice", true, args, kwargs, "seq")
	if err != nil {
		return nil, err
	}
	n, err := seqLen(thread, p[0])
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, pyErrorf("IndexError", "Cannot choose from an empty sequence")
	}
	return getItem(p[0], starlark.MakeInt(randomSelf(recv).belowInt(n)))
}

func randomShuffle(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.shuffle", true, args, kwargs, "x")
	if err != nil {
		return nil, err
	}
	r := randomSelf(recv)
	x, ok := p[0].(starlark.HasSetIndex)
	if !ok {
		// CPython's loop draws its first index before the assignment
		// fails, and a sequence of fewer than two items is left alone.
		n, err := seqLen(thread, p[0])
		if err != nil || n < 2 {
			return starlark.None, err
		}
		r.belowInt(n)
		return nil, pyErrorf("TypeError", "'%s' object does not support item assignment", pyTypeName(p[0]))
	}
	for i := x.Len() - 1; i >= 1; i-- {
		j := r.belowInt(i + 1)
		a, b := x.Index(i), x.Index(j)
		if err := x.SetIndex(i, b); err != nil {
			return nil, err
		}
		if err := x.SetIndex(j, a); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// isSampleSequence is what sample() accepts: collections.abc.Sequence's
// built-in members.
func isSampleSequence(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.List, starlark.Tuple, starlark.String, starlark.Bytes, *byteArray, *memoryView:
		return true
	}
	return v.Type() == "range"
}

func randomSample(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.sample", true, args, kwargs, "population", "k", "*counts?")
	if err != nil {
		return nil, err
	}
	pop := p[0]
	if !isSampleSequence(pop) {
		return nil, pyErrorf("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	if p[2] != nil && p[2] != starlark.None {
		return nil, pyErrorf("NotImplementedError", "sample() with counts is not available in this shell: repeat the items in the population instead")
	}
	n, err := seqLen(thread, pop)
	if err != nil {
		return nil, err
	}
	k, err := intArg(p[1])
	if err != nil {
		return nil, err
	}
	if k < 0 || k > n {
		return nil, pyErrorf("ValueError", "Sample larger than population or is negative")
	}
	r := randomSelf(recv)
	result := make([]starlark.Value, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		pool := make([]starlark.Value, n)
		for i := range pool {
			if pool[i], err = getItem(pop, starlark.MakeInt(i)); err != nil {
				return nil, err
			}
		}
		for i := 0; i < k; i++ {
			j := r.belowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return starlark.NewList(result), nil
	}
	selected := map[int]bool{}
	for i := 0; i < k; i++ {
		j := r.belowInt(n)
		for selected[j] {
			j = r.belowInt(n)
		}
		selected[j] = true
		if result[i], err = getItem(pop, starlark.MakeInt(j)); err != nil {
			return nil, err
		}
	}
	return starlark.NewList(result), nil
}

func randomChoices(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := bindArgs("Random.choices", true, args, kwargs, "population", "weights?", "*cum_weights?", "*k?")
	if err != nil {
		return nil, err
	}
	pop, weights, cum := p[0], p[1], p[2]
	k := 1
	if p[3] != nil {
		if k, err = intArg(p[3]); err != nil {
			return nil, err
		}
	}
	n, err := seqLen(thread, pop)
	if err != nil {
		return nil, err
	}
	r := randomSelf(recv)
	out := make([]starlark.Value, 0, max(k, 0))
	none := func(v starlark.Value) bool { return v == nil || v == starlark.None }
	if none(cum) {
		if none(weights) {
			for i := 0; i < k; i++ {
				v, err := getItem(pop, starlark.MakeInt(int(math.Floor(r.random()*float64(n)))))
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return starlark.NewList(out), nil
		}
		if isPyInt(weights) {
			return nil, pyErrorf("TypeError", "The number of choices must be a keyword argument: k=%s", weights)
		}
		cum = weights
	} else if !none(weights) {
		return nil, pyErrorf("TypeError", "Cannot specify both weights and cumulative weights")
	}
	accumulate := !none(weights)
	it := starlark.Iterate(cum)
	if it == nil {
		return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(cum))
	}
	var sums []float64
	total := 0.0
	var x starlark.Value
	for it.Next(&x) {
		f, ok := toFloat(x)
		if !ok {
			it.Done()
			return nil, pyErrorf("TypeError", "unsupported operand type(s) for +: 'float' and '%s'", pyTypeName(x))
		}
		if accumulate {
			total += f
		} else {
			total = f
		}
		sums = append(sums, total)
	}
	it.Done()
	if len(sums) != n {
		return nil, pyErrorf("ValueError", "The number of weights does not match the population")
	}
	if n == 0 {
		return nil, pyErrorf("IndexError", "list index out of range")
	}
	total = sums[n-1]
	if total <= 0 {
		return nil, pyErrorf("ValueError", "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, pyErrorf("ValueError", "Total of weights must be finite")
	}
	for i := 0; i < k; i++ {
		target := r.random() * total
		// bisect_right over sums[0:n-1]
		lo, hi := 0, n-1
		for lo < hi {
			mid := (lo + hi) / 2
			if target < sums[mid] {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		v, err := getItem(pop, starlark.MakeInt(lo))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return starlark.NewList(out), nil
}
