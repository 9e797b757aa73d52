//go:build (linux || darwin || dragonfly || freebsd || netbsd || solaris) && (amd64 || arm64 || mips64x || ppc64 || ppc64le || loong64 || s390x)

package starlark

// This file defines an optimized Int implementation for 64-bit machines
// running POSIX. It reserves a 4GB portion of the address space using
// mmap and represents int32 values as addresses within that range. This
// disambiguates int32 values from *big.Int pointers, letting all Int
// values be represented as an unsafe.Pointer, so that Int-to-Value
// interface conversion need not allocate.

// Although iOS (which, like macOS, appears as darwin/arm64) is
// POSIX-compliant, it limits each process to about 700MB of virtual
// address space, which defeats the optimization.  Similarly,
// OpenBSD's default ulimit for virtual memory is a measly GB or so.
// On both those platforms the attempted optimization will fail and
// fall back to the slow implementation.

// An alternative approach to this optimization would be to embed the
// int32 values in pointers using odd values, which can be distinguished
// from (even) *big.Int pointers. However, the Go runtime does not allow
// user programs to manufacture pointers to arbitrary locations such as
// within the zero page, or non-span, non-mmap, non-stack locations,
// and it may panic if it encounters them; see Issue #382.

import (
	"log"
	"math/big"
	"unsafe"

	"golang.org/x/sys/unix"
)

// intImpl represents a union of (int32, *big.Int) in a single pointer,
// so that Int-to-Value conversions need not allocate.
//
// The pointer is either a *big.Int, if the value is big, or a pointer into a
// reserved portion of the address space (smallints), if the value is small
// and the address space allocation succeeded.
//
// See int_generic.go for the basic representation concepts.
type intImpl unsafe.Pointer

// get returns the (small, big) arms of the union.
func (i Int) get() (int64, *big.Int) {
	if smallints == 0 {
		// optimization disabled
		if x := (*big.Int)(i.impl); isSmall(x) {
			return x.Int64(), nil
		} else {
			return 0, x
		}
	}

	if off := uintptr(i.impl) - smallints; off < smallSpan {
		return smallMin + int64(off), nil
	}
	return 0, (*big.Int)(i.impl)
}

// Precondition: smallMin <= x && x <= smallMax
func makeSmallInt(x int64) Int {
	if smallints == 0 {
		// optimization disabled
		return Int{intImpl(big.NewInt(x))}
	}

	return Int{intImpl(uintptr(x-smallMin) + smallints)}
}

// Precondition: x is outside [smallMin, smallMax].
func makeBigInt(x *big.Int) Int { return Int{intImpl(x)} }

// smallints is the base address of a 2^smallBits byte memory region.
// Pointers to addresses in this region represent the values
// [smallMin, smallMax].
// We assume smallints is not at the very top of the address space.
//
// Zero means the optimization is disabled and all Ints allocate a big.Int.
//
// sockrepl patch: upstream reserves 2^32 bytes, so any int past int32
// (a byte count past 2 GiB, a 64-bit timestamp in ns) is a big.Int and
// every arithmetic step on it allocates. Reserving 2^44 bytes of address
// space (PROT_NONE, nothing is ever touched or committed) makes every int
// in [-2^43, 2^43) a pointer: byte totals up to 8 TiB, ms timestamps. A
// process whose address space is limited (ulimit -v) falls back to
// upstream's 2^32, then to no reservation.
var smallints, smallBits = reserveSmallInts()

var (
	smallSpan = uintptr(1) << smallBits
	smallMin  = -int64(1) << (smallBits - 1)
	smallMax  = int64(1)<<(smallBits-1) - 1
)

func reserveSmallInts() (uintptr, uint) {
	for _, bits := range []uint{44, 32} {
		if base := reserveAddresses(1 << bits); base != 0 {
			return base, bits
		}
	}
	log.Printf("Starlark failed to reserve address space for small ints. Integer performance may suffer.")
	return 0, 32
}

func reserveAddresses(len int) uintptr {
	b, err := unix.Mmap(-1, 0, len, unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
	if err != nil {
		return 0
	}
	return uintptr(unsafe.Pointer(&b[0]))
}
