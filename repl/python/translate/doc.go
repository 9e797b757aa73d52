// Package translate turns Python source into the Starlark syntax that the
// interpreter evaluates, and decides when typed lines form a statement
// (chunk.go). Python syntax that Starlark lacks is rewritten, or refused
// with an *Error that says what to write instead; a parse error never
// leaks Starlark's wording. It imports nothing of sockrepl's.
package translate
