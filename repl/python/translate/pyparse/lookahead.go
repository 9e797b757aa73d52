package pyparse

// Backtracking and error lookahead: how the parser imitates CPython's
// PEG alternatives and its second, error-wording pass.

// try runs f and reports whether it parsed without error; on error the
// position is left where f stopped, so callers restore it.
func (p *parser) try(f func()) (ok bool) {
	p.diag++
	p.noInvalid++
	defer func() { p.diag--; p.noInvalid-- }()
	return p.attempt(f)
}

// reparse runs f as CPython's second pass would: looking ahead without
// moving maxP, reporting the specific errors f finds and dropping a plain
// "invalid syntax" (then it returns false). The position is restored.
func (p *parser) reparse(f func()) (ok bool) {
	save, depth := p.p, p.depth
	p.diag++
	defer func() {
		p.diag--
		p.p, p.depth = save, depth
		if r := recover(); r != nil {
			if b, isBail := r.(bail); isBail && b.err.Msg == "invalid syntax" && (p.tokErr == nil || b.err != p.tokErr.err) {
				ok = false
				return
			}
			panic(r)
		}
	}()
	f()
	return true
}

// attempt runs f and reports whether it parsed without error, for an
// alternative of the grammar (so unlike try it moves maxP).
func (p *parser) attempt(f func()) (ok bool) {
	depth := p.depth
	defer func() {
		if r := recover(); r != nil {
			b, isBail := r.(bail)
			if !isBail || p.tokErr != nil && b.err == p.tokErr.err {
				// Reaching the tokenizer's error reports it, whichever
				// alternative was being tried (as in CPython).
				panic(r)
			}
			p.depth = depth
			ok = false
		}
	}()
	f()
	return true
}
