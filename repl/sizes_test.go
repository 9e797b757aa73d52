package repl

import "testing"

// A figure "A of B" uses one unit, B's.
func TestSizesShareAUnit(t *testing.T) {
	for _, c := range []struct {
		a, of   int64
		wa, wof string
	}{
		{5000, 2_600_000, "5.0 kB", "2600.0 kB"}, // was "5000 bytes of 2600.0 kB"
		{12, 100, "12", "100 bytes"},
		{25_000_000, 26_000_000, "25.0 MB", "26.0 MB"},
		{20_000, 50_000, "20.0 kB", "50.0 kB"},
	} {
		a, of := sizes(c.a, c.of)
		if a != c.wa || of != c.wof {
			t.Errorf("sizes(%d, %d) = %q, %q; want %q, %q", c.a, c.of, a, of, c.wa, c.wof)
		}
	}
}
