package python

import (
	"sort"
)

// "Did you mean" suggestions, as CPython 3.11 adds them to the last line
// of an AttributeError or NameError: the closest name by an edit
// distance where changing case costs less than changing a letter, among
// the object's attributes (or the names in scope), if close enough.

const (
	suggestMaxItems  = 750
	suggestMaxString = 40
	moveCost         = 2
	caseCost         = 1
)

// suggest attaches a lazily computed suggestion to an error: it is
// looked for only when the error is printed.
func suggest(pe *PyError, name string, candidates func() []string) *PyError {
	pe.suggestion = func() string { return nearestName(name, candidates()) }
	return pe
}

// nearestName is CPython's calculate_suggestions: the candidate closest
// to name within a distance that grows with both lengths, "" if none.
func nearestName(name string, candidates []string) string {
	if len(candidates) >= suggestMaxItems {
		return ""
	}
	sort.Strings(candidates) // dir() order, which breaks ties
	best, bestDist := "", int(^uint(0)>>1)
	for _, c := range candidates {
		if c == name {
			continue
		}
		limit := (len(name) + len(c) + 3) * moveCost / 6
		limit = min(limit, bestDist-1)
		d := editDistance(name, c, limit)
		if d > limit {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	if lower(a) == lower(b) {
		return caseCost
	}
	return moveCost
}

// editDistance is a Levenshtein distance with those costs, giving up
// (returning more than maxCost) as soon as the answer must exceed it.
func editDistance(a, b string, maxCost int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	row := make([]int, len(a))
	for i := range row {
		row[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = row[i]
			insertDelete := min(result, distance) + moveCost
			result = min(insertDelete, substitute)
			row[i] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// attrNamesOf is dir(v) for a suggestion.
func attrNamesOf(v any) func() []string {
	return func() []string {
		if h, ok := v.(interface{ AttrNames() []string }); ok {
			return h.AttrNames()
		}
		return nil
	}
}
