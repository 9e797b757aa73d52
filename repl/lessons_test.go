package repl

import (
	"strings"
	"testing"

	"sockrepl/lessons"
)

// TestLessonsReplay replays every embedded lesson's reference solution in
// real Sessions, in both languages: each step's check must be false
// before its code and true after (lessons.Verify enforces both).
func TestLessonsReplay(t *testing.T) {
	lockLessonPorts(t)
	all, err := lessons.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 23 {
		t.Errorf("the course has %d lessons, want at least 23", len(all))
	}
	for _, l := range all {
		t.Run(l.ID, func(t *testing.T) {
			for _, lang := range []string{"en", "zh"} {
				ok, report := lessons.Verify(l, lang, func(role string) (lessons.Runner, error) {
					return NewLessonRunner(role, lang)
				})
				if !ok {
					t.Errorf("%s (%s):\n%s", l.ID, lang, strings.Join(report, "\n"))
				}
			}
		})
	}
}
