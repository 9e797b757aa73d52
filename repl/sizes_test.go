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

// A narrow status line keeps the call, the time and Ctrl-C.
func TestStatusLineNarrow(t *testing.T) {
	parts := []string{"accept() blocking on fd 3", "127.0.0.1:65432", "accept queue 0/128", "3.1 s", "Ctrl-C interrupts"}
	for _, c := range []struct {
		width int
		want  string
	}{
		{200, "⠙ accept() blocking on fd 3 · 127.0.0.1:65432 · accept queue 0/128 · 3.1 s · Ctrl-C interrupts"},
		{80, "⠙ accept() blocking on fd 3 · 127.0.0.1:65432 · 3.1 s · Ctrl-C interrupts"},
		{55, "⠙ accept() blocking on fd 3 · 3.1 s · Ctrl-C interrupts"},
		{30, "⠙ accept() blocking on fd 3 ·…"},
	} {
		if got := statusFit("⠙ ", parts, c.width); got != c.want {
			t.Errorf("width %d: %q, want %q", c.width, got, c.want)
		}
	}
}
