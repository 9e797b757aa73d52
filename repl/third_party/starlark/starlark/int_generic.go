//go:build (!linux && !darwin && !dragonfly && !freebsd && !netbsd && !solaris) || (!amd64 && !arm64 && !mips64x && !ppc64 && !ppc64le && !loong64 && !s390x)

package starlark

// generic Int implementation as a union

import (
	"math"
	"math/big"
)

type intImpl struct {
	// We use only the signed 32-bit range of small to ensure
	// that small+small and small*small do not overflow.
	small_ int64    // smallMin <= small <= smallMax
	big_   *big.Int // big != nil <=> value is outside [smallMin, smallMax]
}

// The range of small ints (sockrepl patch: int_posix64.go widens it).
const (
	smallMin = math.MinInt32
	smallMax = math.MaxInt32
)

// --- low-level accessors ---

// get returns the small and big components of the Int.
// small is defined only if big is nil.
// small is sign-extended to 64 bits for ease of subsequent arithmetic.
func (i Int) get() (small int64, big *big.Int) {
	return i.impl.small_, i.impl.big_
}

// Precondition: smallMin <= x && x <= smallMax
func makeSmallInt(x int64) Int {
	return Int{intImpl{small_: x}}
}

// Precondition: x is outside [smallMin, smallMax].
func makeBigInt(x *big.Int) Int {
	return Int{intImpl{big_: x}}
}
