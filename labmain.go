package main

import (
	"fmt"
	"io"
	"strings"

	"sockrepl/lab"
)

// labCommand runs the lab's hidden process modes: the keeper and the
// namespace holders (lab/keeper.go). ok is false for any other command.
func labCommand(args []string) (code int, ok bool) {
	switch {
	case len(args) == 2 && args[0] == "--lab-keeper":
		return lab.RunKeeper(args[1]), true
	case len(args) == 1 && args[0] == "--lab-hold":
		return lab.Hold(), true
	}
	return 0, false
}

// insideLab takes `--lab-in HOST` off the front of args: this process is
// a shell that lab.Enter started inside the lab.
func insideLab(args []string) (*lab.Client, []string) {
	if len(args) >= 2 && args[0] == "--lab-in" {
		if c := lab.Inside(args[1]); c != nil {
			return c, args[2:]
		}
		return nil, args[2:]
	}
	return nil, args
}

// enterLab joins (or starts) the lab as host, running this program again
// inside it with the rest of its arguments; it returns only on failure.
func enterLab(host string, args []string, stderr io.Writer) int {
	err := lab.Enter(host, withoutLabFlags(args))
	fmt.Fprintln(stderr, "sockrepl: "+err.Error())
	return 1
}

// withoutLabFlags drops --lab and --host NAME from the arguments.
func withoutLabFlags(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case strings.HasPrefix(a, "-") && name == "lab":
		case strings.HasPrefix(a, "-") && name == "host":
			if !hasValue {
				i++
			}
		default:
			out = append(out, a)
		}
	}
	return out
}
