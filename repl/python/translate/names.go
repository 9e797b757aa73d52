package translate

// Helper is the name of a Go builtin that lowered code calls. The
// interpreter provides one value under each name (python.helpers). The
// names start with '$', which no Python identifier can, so a program can
// never shadow or reach them.
type Helper string

// The helpers. Each comment gives the lowered form it appears in.
const (
	// The global namespace: a module-level name x becomes $G.x.
	HGlobals Helper = "$G"
	// $echo(v) prints the repr of an expression statement at the prompt.
	HEcho Helper = "$echo"

	// Control flow. Bodies become functions that return None, or a
	// control code: 1 for break, 2 for continue, $ret(v) for return.
	HTry     Helper = "$try"     // $try(body, ($G, spec, handler, ...), orelse, final)
	HWith    Helper = "$with"    // $with(manager, body)
	HRet     Helper = "$ret"     // return v inside a body: return $ret(v)
	HRaise   Helper = "$raise"   // raise X / raise X from Y
	HReraise Helper = "$reraise" // bare raise
	HAssert  Helper = "$assert"  // if not test: $assert(msg)

	// Variables that a nested body assigns live in a box: $box(names)
	// makes one, b[i] reads and writes slot i, $unbind(b, i) deletes.
	HBox       Helper = "$box"
	HUnbind    Helper = "$unbind"
	HSetSlot   Helper = "$setslot"   // $setslot(b, i, v) -> v (walrus)
	HSetGlobal Helper = "$setglobal" // $setglobal("x", v) -> v (walrus)
	HDelGlobal Helper = "$delglobal" // del x at module level

	// Classes and functions.
	HClass     Helper = "$class"     // $class(name, bases, body, names, keywords)
	HSuper     Helper = "$super"     // super() -> $super(classcell, self)
	HGenerator Helper = "$generator" // a generator function returns $generator(body, args...)
	HYield     Helper = "$yield"     // yield v
	HYieldFrom Helper = "$yieldfrom" // yield from it
	HGenExp    Helper = "$genexp"    // (x for x in y) -> $genexp([x for x in y])
	HEnter     Helper = "$enter"     // first statement of a function that names itself: the recursion limit

	// Modules.
	HImport     Helper = "$import"     // $import("a.b", top)
	HImportFrom Helper = "$importfrom" // $importfrom(module, "name")
	HImportStar Helper = "$importstar" // $importstar("m")

	// Operators whose Starlark meaning differs from Python's.
	HMod      Helper = "$mod"
	HTrueDiv  Helper = "$truediv"
	HFloorDiv Helper = "$floordiv"
	HPow      Helper = "$pow"
	HMatMul   Helper = "$matmul"
	HEq       Helper = "$eq"
	HNe       Helper = "$ne"
	HLt       Helper = "$lt"
	HLe       Helper = "$le"
	HGt       Helper = "$gt"
	HGe       Helper = "$ge"
	HIn       Helper = "$in"
	HNotIn    Helper = "$notin"
	HIs       Helper = "$is"
	HGetItem  Helper = "$getitem"
	HSetSlice Helper = "$setslice" // x[a:b] = v
	HSlice    Helper = "$slice"    // a slice object, for del x[a:b] and x[a:b, c]
	HDelItem  Helper = "$delitem"
	HDelAttr  Helper = "$delattr"
	HGetAttr  Helper = "$getattr" // x.__name__ and other dunder attributes
	HIter     Helper = "$iter"    // for v in $iter(x)
	HUnpack   Helper = "$unpack"  // a, b = $unpack(x)
	HStarred  Helper = "$starred" // a, *b, c = x -> a, b, c = $starred(x, 1, 1)

	// Displays and calls Starlark cannot write directly.
	HSet       Helper = "$set"       // {1, 2} -> $set([1, 2])
	HConcat    Helper = "$concat"    // [*a, b] -> $concat(a, [b])
	HTuple     Helper = "$tuple"     // (*a, b) -> $tuple($concat(a, [b]))
	HDictMerge Helper = "$dictmerge" // {**a, 'k': v}
	HCall      Helper = "$call"      // f(*a, *b, **c, **d) -> $call(f, args, kwargs)
	HFString   Helper = "$fstr"      // f-strings
	HNamespace Helper = "$ns"        // dir() at module level -> $ns(dir, $G)
	HEllipsis  Helper = "$Ellipsis"
	// $sockonly(x) is x, but stops recv buffer reuse when x is not a
	// socket: conn.sendall(data) -> $sockonly(conn).sendall(data) where
	// data's recv may reuse its buffer (recvreuse.go).
	HSockOnly Helper = "$sockonly"
)

// Helpers lists every helper, so that the interpreter can check that it
// provides each one.
var Helpers = []Helper{
	HGlobals, HEcho, HTry, HWith, HRet, HRaise, HReraise, HAssert,
	HBox, HUnbind, HSetSlot, HSetGlobal, HDelGlobal,
	HClass, HSuper, HGenerator, HYield, HYieldFrom, HGenExp, HEnter,
	HImport, HImportFrom, HImportStar,
	HMod, HTrueDiv, HFloorDiv, HPow, HMatMul, HEq, HNe, HLt, HLe, HGt, HGe, HIn, HNotIn, HIs,
	HGetItem, HSetSlice, HSlice, HDelItem, HDelAttr, HGetAttr, HIter, HUnpack, HStarred,
	HSet, HConcat, HTuple, HDictMerge, HCall, HFString, HEllipsis, HNamespace, HSockOnly,
}

// Control codes a body returns to the statement that ran it.
const (
	CodeBreak    = 1
	CodeContinue = 2
)
