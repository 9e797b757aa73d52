package pyparse

// tokKind is the kind of a token, as Python's tokenizer names them.
type tokKind uint8

const (
	tEnd     tokKind = iota // ENDMARKER
	tName                   // NAME (keywords included)
	tNumber                 // NUMBER
	tString                 // STRING (any prefix, f-strings included)
	tOp                     // OP (any operator or bracket, or an unknown character)
	tNewline                // NEWLINE: end of a logical line
	tIndent                 // INDENT
	tDedent                 // DEDENT
	tError                  // where the tokenizer stopped with an error
)

// token is one token. s is its text, a slice of the source.
type token struct {
	s          string
	kind       tokKind
	start, end int // byte offsets in the source
	line, col  int // 1-based line, 0-based byte column
	endLine    int
	endCol     int
}

// maxBrackets is CPython's MAXLEVEL: how deep brackets may nest.
const maxBrackets = 200

// maxIndent is CPython's MAXINDENT.
const maxIndent = 100

// tokErrClass says how a tokenizer error competes with a parser error
// found earlier in the source (CPython re-tokenizes the rest of the input
// after a parse error; only some tokenizer errors replace it).
type tokErrClass uint8

const (
	errHard    tokErrClass = iota // raised by the tokenizer itself: always wins
	errBracket                    // end of input inside brackets: wins when the bracket opened on an earlier line
	errSoft                       // reported only when the parser reaches it
)

// tokError is the error that ended tokenization.
type tokError struct {
	err         *Error
	class       tokErrClass
	bracketLine int
	// atEOF: the input ended too soon (open bracket, open triple-quoted
	// string, trailing backslash), so more lines could fix it.
	atEOF bool
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}
