package repl

import (
	"bytes"
	"strings"
	"testing"
)

// Every theme draws the same words; plain, and any theme without colour,
// write no escape sequence at all; the projector's spacing survives
// NO_COLOR.
func TestThemes(t *testing.T) {
	for _, c := range []struct {
		name     string
		color    bool
		escapes  bool
		emptyTop bool // an empty line above the notice
	}{
		{ThemeDefault, true, true, false},
		{ThemeProjector, true, true, true},
		{ThemePlain, true, false, false},
		{ThemeProjector, false, false, true},
		{"", false, false, false},
	} {
		var out, errs bytes.Buffer
		sc := newScreen(&out, &errs, pickTheme(c.name, c.color), true, nil)
		sc.exception("NameError: name 'x' is not defined")
		sc.notice("s: 1 connection waiting in the accept queue")
		sc.lesson("Step 1/3")
		sc.comment("# a talking point")
		all := out.String() + errs.String()
		if strings.Contains(all, "\x1b[") != c.escapes {
			t.Errorf("theme %q colour %v: escapes %v, want %v: %q", c.name, c.color, !c.escapes, c.escapes, all)
		}
		if strings.HasPrefix(out.String(), "\n") != c.emptyTop {
			t.Errorf("theme %q colour %v: output %q", c.name, c.color, out.String())
		}
		for _, w := range []string{"NameError", "● s: 1 connection", "Step 1/3", "# a talking point"} {
			if !strings.Contains(all, w) {
				t.Errorf("theme %q: %q missing from %q", c.name, w, all)
			}
		}
	}
	if CheckTheme("projector") != nil || CheckTheme("") != nil || CheckTheme("beamer") == nil {
		t.Error("CheckTheme accepts the wrong names")
	}
}
