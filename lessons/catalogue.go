package lessons

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed course/*.lesson
var course embed.FS

// catalogue parses the embedded course once.
var catalogue = sync.OnceValues(func() ([]*Lesson, error) {
	names, err := fs.Glob(course, "course/*.lesson")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var all []*Lesson
	var errs []error
	for _, name := range names {
		data, err := course.ReadFile(name)
		if err == nil {
			var l *Lesson
			if l, err = Parse(path.Join("lessons", name), data); err == nil {
				all = append(all, l)
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return all, errors.Join(errs...)
})

// Catalogue returns the embedded course in order. A lesson file that does
// not parse is left out and named in the error; the others still come back.
func Catalogue() ([]*Lesson, error) {
	all, err := catalogue()
	return append([]*Lesson(nil), all...), err
}

// Find returns the lesson with ID id, or whose number is id ("1", "01"),
// or whose name is id ("echo" for 01-echo), or the only one whose name or
// ID starts with id; nil when none or ambiguous.
func Find(all []*Lesson, id string) *Lesson {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil
	}
	for _, l := range all {
		if l.ID == id {
			return l
		}
	}
	if strings.Trim(id, "0123456789") == "" {
		want := strings.TrimLeft(id, "0")
		var hit *Lesson
		for _, l := range all {
			if n := shortID(l.ID); n != l.ID && strings.TrimLeft(n, "0") == want {
				if hit != nil {
					return nil
				}
				hit = l
			}
		}
		if hit != nil {
			return hit
		}
	}
	// By name: "echo" is 01-echo (its ID without the number), whole or
	// the start of it.
	for _, match := range []func(name string) bool{
		func(name string) bool { return name == id },
		func(name string) bool { return strings.HasPrefix(name, id) },
	} {
		var hit *Lesson
		for _, l := range all {
			if name := strings.TrimPrefix(strings.TrimPrefix(l.ID, shortID(l.ID)), "-"); name != "" && match(name) {
				if hit != nil {
					return nil
				}
				hit = l
			}
		}
		if hit != nil {
			return hit
		}
	}
	var hit *Lesson
	for _, l := range all {
		if strings.HasPrefix(l.ID, id) {
			if hit != nil {
				return nil
			}
			hit = l
		}
	}
	return hit
}
