package pyparse

// Node is any node of the tree.
type Node interface{ node() }

// Loc is a node's position, as CPython records it: lines are 1-based,
// columns are 0-based byte offsets into the UTF-8 line.
type Loc struct {
	Lineno, ColOffset, EndLineno, EndColOffset int
}

// Pos returns the position itself, so every node that embeds a Loc has it.
func (l Loc) Pos() Loc { return l }

// Stmt is a statement node.
type Stmt interface {
	Node
	Pos() Loc
	stmt()
}

// Expr is an expression node.
type Expr interface {
	Node
	Pos() Loc
	expr()
}

// ExprContext says whether an expression is read, assigned or deleted.
type ExprContext int

// The expression contexts.
const (
	Load ExprContext = iota
	Store
	Del
)

// Operator is a binary operator (BinOp, AugAssign).
type Operator int

// The binary operators.
const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

// UnaryOperator is the operator of a UnaryOp.
type UnaryOperator int

// The unary operators.
const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

// BoolOperator is the operator of a BoolOp.
type BoolOperator int

// The boolean operators.
const (
	And BoolOperator = iota
	Or
)

// CmpOp is one comparison operator of a Compare.
type CmpOp int

// The comparison operators.
const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

// Module is a whole parsed source.
type Module struct {
	Body []Stmt
}

// Statements.
type (
	FunctionDef struct {
		Name          string
		Args          *Arguments
		Body          []Stmt
		DecoratorList []Expr
		Returns       Expr
		Loc
	}
	AsyncFunctionDef struct {
		Name          string
		Args          *Arguments
		Body          []Stmt
		DecoratorList []Expr
		Returns       Expr
		Loc
	}
	ClassDef struct {
		Name          string
		Bases         []Expr
		Keywords      []*Keyword
		Body          []Stmt
		DecoratorList []Expr
		Loc
	}
	Return struct {
		Value Expr
		Loc
	}
	Delete struct {
		Targets []Expr
		Loc
	}
	Assign struct {
		Targets []Expr
		Value   Expr
		Loc
	}
	AugAssign struct {
		Target Expr
		Op     Operator
		Value  Expr
		Loc
	}
	AnnAssign struct {
		Target     Expr
		Annotation Expr
		Value      Expr
		Simple     int
		Loc
	}
	For struct {
		Target Expr
		Iter   Expr
		Body   []Stmt
		Orelse []Stmt
		Loc
	}
	AsyncFor struct {
		Target Expr
		Iter   Expr
		Body   []Stmt
		Orelse []Stmt
		Loc
	}
	While struct {
		Test   Expr
		Body   []Stmt
		Orelse []Stmt
		Loc
	}
	If struct {
		Test   Expr
		Body   []Stmt
		Orelse []Stmt
		Loc
	}
	With struct {
		Items []*Withitem
		Body  []Stmt
		Loc
	}
	AsyncWith struct {
		Items []*Withitem
		Body  []Stmt
		Loc
	}
	Raise struct {
		Exc   Expr
		Cause Expr
		Loc
	}
	Try struct {
		Body      []Stmt
		Handlers  []*ExceptHandler
		Orelse    []Stmt
		Finalbody []Stmt
		Loc
	}
	TryStar struct {
		Body      []Stmt
		Handlers  []*ExceptHandler
		Orelse    []Stmt
		Finalbody []Stmt
		Loc
	}
	Assert struct {
		Test Expr
		Msg  Expr
		Loc
	}
	Import struct {
		Names []*Alias
		Loc
	}
	// ImportFrom's Module is "" for "from . import x".
	ImportFrom struct {
		Module string
		Names  []*Alias
		Level  int
		Loc
	}
	Global struct {
		Names []string
		Loc
	}
	Nonlocal struct {
		Names []string
		Loc
	}
	// ExprStmt is the expression statement, Python's ast.Expr (the name
	// Expr is this package's expression interface); Dump prints "Expr".
	ExprStmt struct {
		Value Expr
		Loc
	}
	Pass     struct{ Loc }
	Break    struct{ Loc }
	Continue struct{ Loc }
)

// Expressions.
type (
	BoolOp struct {
		Op     BoolOperator
		Values []Expr
		Loc
	}
	NamedExpr struct {
		Target Expr
		Value  Expr
		Loc
	}
	BinOp struct {
		Left  Expr
		Op    Operator
		Right Expr
		Loc
	}
	UnaryOp struct {
		Op      UnaryOperator
		Operand Expr
		Loc
	}
	Lambda struct {
		Args *Arguments
		Body Expr
		Loc
	}
	IfExp struct {
		Test   Expr
		Body   Expr
		Orelse Expr
		Loc
	}
	// Dict's Keys hold nil where Values has a **mapping.
	Dict struct {
		Keys   []Expr
		Values []Expr
		Loc
	}
	Set struct {
		Elts []Expr
		Loc
	}
	ListComp struct {
		Elt        Expr
		Generators []*Comprehension
		Loc
	}
	SetComp struct {
		Elt        Expr
		Generators []*Comprehension
		Loc
	}
	DictComp struct {
		Key        Expr
		Value      Expr
		Generators []*Comprehension
		Loc
	}
	GeneratorExp struct {
		Elt        Expr
		Generators []*Comprehension
		Loc
	}
	Await struct {
		Value Expr
		Loc
	}
	Yield struct {
		Value Expr
		Loc
	}
	YieldFrom struct {
		Value Expr
		Loc
	}
	Compare struct {
		Left        Expr
		Ops         []CmpOp
		Comparators []Expr
		Loc
	}
	Call struct {
		Func     Expr
		Args     []Expr
		Keywords []*Keyword
		Loc
	}
	// FormattedValue's Conversion is -1 or one of 's', 'r', 'a'.
	FormattedValue struct {
		Value      Expr
		Conversion int
		FormatSpec Expr
		Loc
	}
	JoinedStr struct {
		Values []Expr
		Loc
	}
	// Constant's Kind is "u" for a u-prefixed string, else "".
	Constant struct {
		Value any
		Kind  string
		Loc
	}
	Attribute struct {
		Value Expr
		Attr  string
		Ctx   ExprContext
		Loc
	}
	Subscript struct {
		Value Expr
		Slice Expr
		Ctx   ExprContext
		Loc
	}
	Starred struct {
		Value Expr
		Ctx   ExprContext
		Loc
	}
	Name struct {
		Id  string
		Ctx ExprContext
		Loc
	}
	List struct {
		Elts []Expr
		Ctx  ExprContext
		Loc
	}
	Tuple struct {
		Elts []Expr
		Ctx  ExprContext
		Loc
	}
	Slice struct {
		Lower Expr
		Upper Expr
		Step  Expr
		Loc
	}
)

// Helper nodes.
type (
	// Comprehension is one "for ... in ... if ..." clause.
	Comprehension struct {
		Target  Expr
		Iter    Expr
		Ifs     []Expr
		IsAsync int
	}
	// ExceptHandler's Type and Name are nil and "" for a bare except.
	ExceptHandler struct {
		Type Expr
		Name string
		Body []Stmt
		Loc
	}
	// Arguments' KwDefaults holds nil for a keyword-only argument
	// without a default.
	Arguments struct {
		Posonlyargs []*Arg
		Args        []*Arg
		Vararg      *Arg
		Kwonlyargs  []*Arg
		KwDefaults  []Expr
		Kwarg       *Arg
		Defaults    []Expr
	}
	Arg struct {
		Arg        string
		Annotation Expr
		Loc
	}
	// Keyword's Arg is "" for **mapping.
	Keyword struct {
		Arg   string
		Value Expr
		Loc
	}
	Alias struct {
		Name   string
		Asname string
		Loc
	}
	Withitem struct {
		ContextExpr  Expr
		OptionalVars Expr
	}
)

// Ellipsis is the value of the constant "...".
var Ellipsis = EllipsisType{}

// EllipsisType is the type of Ellipsis.
type EllipsisType struct{}

// Imaginary is the value of an imaginary literal such as 2j.
type Imaginary struct{ Imag float64 }

func (*Module) node()           {}
func (*FunctionDef) node()      {}
func (*AsyncFunctionDef) node() {}
func (*ClassDef) node()         {}
func (*Return) node()           {}
func (*Delete) node()           {}
func (*Assign) node()           {}
func (*AugAssign) node()        {}
func (*AnnAssign) node()        {}
func (*For) node()              {}
func (*AsyncFor) node()         {}
func (*While) node()            {}
func (*If) node()               {}
func (*With) node()             {}
func (*AsyncWith) node()        {}
func (*Raise) node()            {}
func (*Try) node()              {}
func (*TryStar) node()          {}
func (*Assert) node()           {}
func (*Import) node()           {}
func (*ImportFrom) node()       {}
func (*Global) node()           {}
func (*Nonlocal) node()         {}
func (*ExprStmt) node()         {}
func (*Pass) node()             {}
func (*Break) node()            {}
func (*Continue) node()         {}
func (*BoolOp) node()           {}
func (*NamedExpr) node()        {}
func (*BinOp) node()            {}
func (*UnaryOp) node()          {}
func (*Lambda) node()           {}
func (*IfExp) node()            {}
func (*Dict) node()             {}
func (*Set) node()              {}
func (*ListComp) node()         {}
func (*SetComp) node()          {}
func (*DictComp) node()         {}
func (*GeneratorExp) node()     {}
func (*Await) node()            {}
func (*Yield) node()            {}
func (*YieldFrom) node()        {}
func (*Compare) node()          {}
func (*Call) node()             {}
func (*FormattedValue) node()   {}
func (*JoinedStr) node()        {}
func (*Constant) node()         {}
func (*Attribute) node()        {}
func (*Subscript) node()        {}
func (*Starred) node()          {}
func (*Name) node()             {}
func (*List) node()             {}
func (*Tuple) node()            {}
func (*Slice) node()            {}
func (*Comprehension) node()    {}
func (*ExceptHandler) node()    {}
func (*Arguments) node()        {}
func (*Arg) node()              {}
func (*Keyword) node()          {}
func (*Alias) node()            {}
func (*Withitem) node()         {}

func (*FunctionDef) stmt()      {}
func (*AsyncFunctionDef) stmt() {}
func (*ClassDef) stmt()         {}
func (*Return) stmt()           {}
func (*Delete) stmt()           {}
func (*Assign) stmt()           {}
func (*AugAssign) stmt()        {}
func (*AnnAssign) stmt()        {}
func (*For) stmt()              {}
func (*AsyncFor) stmt()         {}
func (*While) stmt()            {}
func (*If) stmt()               {}
func (*With) stmt()             {}
func (*AsyncWith) stmt()        {}
func (*Raise) stmt()            {}
func (*Try) stmt()              {}
func (*TryStar) stmt()          {}
func (*Assert) stmt()           {}
func (*Import) stmt()           {}
func (*ImportFrom) stmt()       {}
func (*Global) stmt()           {}
func (*Nonlocal) stmt()         {}
func (*ExprStmt) stmt()         {}
func (*Pass) stmt()             {}
func (*Break) stmt()            {}
func (*Continue) stmt()         {}

func (*BoolOp) expr()         {}
func (*NamedExpr) expr()      {}
func (*BinOp) expr()          {}
func (*UnaryOp) expr()        {}
func (*Lambda) expr()         {}
func (*IfExp) expr()          {}
func (*Dict) expr()           {}
func (*Set) expr()            {}
func (*ListComp) expr()       {}
func (*SetComp) expr()        {}
func (*DictComp) expr()       {}
func (*GeneratorExp) expr()   {}
func (*Await) expr()          {}
func (*Yield) expr()          {}
func (*YieldFrom) expr()      {}
func (*Compare) expr()        {}
func (*Call) expr()           {}
func (*FormattedValue) expr() {}
func (*JoinedStr) expr()      {}
func (*Constant) expr()       {}
func (*Attribute) expr()      {}
func (*Subscript) expr()      {}
func (*Starred) expr()        {}
func (*Name) expr()           {}
func (*List) expr()           {}
func (*Tuple) expr()          {}
func (*Slice) expr()          {}
