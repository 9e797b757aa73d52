package repl

import (
	"fmt"
	"os"
	"strings"

	"github.com/fatih/color"
)

// A theme says how the shell marks up what it writes: every colour and
// attribute the shell (screen.go) and go-prompt (terminal.go) use comes
// from the table below. A nil style writes the text as it is.
type theme struct {
	name      string
	exception *color.Color // an exception's last line
	hint      *color.Color // hints, notices, %trace lines
	status    *color.Color // the status line of a blocked call, and its summary
	lesson    *color.Color // lesson text
	comment   *color.Color // a demo file's comments, above its statements
	// spaced puts an empty line above each run of hints and notices, so
	// they stand apart from program output on a projected screen.
	spaced bool
	prompt promptStyle
}

// promptStyle is the palette of go-prompt's own drawing: the prompt and
// the completion menu (terminal.go turns it into go-prompt options).
type promptStyle int

const (
	promptBlue     promptStyle = iota // go-prompt's menu, a blue prompt
	promptPlain                       // no colour at all
	promptContrast                    // black on white, the selection white on black
)

// Theme names, for --theme and SOCKREPL_THEME.
const (
	ThemeDefault   = "default"
	ThemeProjector = "projector"
	ThemePlain     = "plain"
)

// themes is the table. projector: no faint text and no cyan (both fade
// on a projected screen, white or black), bold where the default theme
// uses colour to set text apart, and spaced notices. plain: the default
// layout without any escape sequence.
var themes = map[string]theme{
	ThemeDefault: {
		exception: color.New(color.FgRed),
		hint:      color.New(color.Faint),
		status:    color.New(color.Faint),
		lesson:    color.New(color.FgCyan),
		comment:   color.New(color.Faint),
		prompt:    promptBlue,
	},
	ThemeProjector: {
		exception: color.New(color.Bold, color.FgRed),
		lesson:    color.New(color.Bold),
		comment:   color.New(color.Bold),
		spaced:    true,
		prompt:    promptContrast,
	},
	ThemePlain: {prompt: promptPlain},
}

// CheckTheme returns an error, worded for the command line, when name is
// not a theme.
func CheckTheme(name string) error {
	if _, ok := themes[name]; ok || name == "" {
		return nil
	}
	return fmt.Errorf("unknown theme %q: pick %s, %s or %s", name, ThemeDefault, ThemeProjector, ThemePlain)
}

// ThemeFromEnv is SOCKREPL_THEME, or "" when unset.
func ThemeFromEnv() string { return strings.TrimSpace(os.Getenv("SOCKREPL_THEME")) }

// pickTheme returns the theme named (default for ""); without colour
// (--no-color, NO_COLOR, not a terminal) every style is dropped and the
// theme's layout is kept.
func pickTheme(name string, useColor bool) theme {
	th, ok := themes[name]
	if !ok {
		name, th = ThemeDefault, themes[ThemeDefault]
	}
	th.name = name
	if !useColor {
		th.exception, th.hint, th.status, th.lesson, th.comment = nil, nil, nil, nil, nil
		th.prompt = promptPlain
	}
	// Each Color decides for itself whether to write escapes (it looks at
	// NO_COLOR and stdout when left alone): the theme has decided already.
	for _, c := range []*color.Color{th.exception, th.hint, th.status, th.lesson, th.comment} {
		if c != nil {
			c.EnableColor()
		}
	}
	return th
}

// paint applies a style; nil writes the text unchanged.
func paint(c *color.Color, text string) string {
	if c == nil {
		return text
	}
	return c.Sprint(text)
}
