package repl

// dunderBadInputs are classes whose special methods misbehave: a
// __repr__ or __str__ that raises, recurses or returns a non-str, a
// __hash__ that raises or recurses, __eq__ without __hash__, an
// exception whose __str__ fails. CPython hands each failure to the
// caller; each is checked against python3 like the rest.
var dunderBadInputs = []badInput{
	{"__repr__ raises", "class R: __repr__ = lambda self: 1 / 0", "repr(R())", "ZeroDivisionError: division by zero", ""},
	{"__repr__ raises inside a list", "class R: __repr__ = lambda self: 1 / 0", "str([R()])", "ZeroDivisionError: division by zero", ""},
	{"__repr__ raises in %r", "class R: __repr__ = lambda self: 1 / 0", "'%r' % (R(),)", "ZeroDivisionError: division by zero", ""},
	{"__repr__ raises in !r", "class R: __repr__ = lambda self: 1 / 0", "f'{R()!r}'", "ZeroDivisionError: division by zero", ""},
	{"__repr__ raises in ascii", "class R: __repr__ = lambda self: 1 / 0", "ascii(R())", "ZeroDivisionError: division by zero", ""},
	{"__repr__ returns int", "class R: __repr__ = lambda self: 5", "repr(R())", "TypeError: __repr__ returned non-string (type int)", ""},
	{"__repr__ recurses", "class L: __repr__ = lambda self: repr(self)", "repr(L())", "RecursionError: maximum recursion depth exceeded", ""},
	{"__str__ raises in print", "class S: __str__ = lambda self: {}['k']", "print(S())", "KeyError: 'k'", ""},
	{"__str__ raises in str", "class S: __str__ = lambda self: {}['k']", "str(S())", "KeyError: 'k'", ""},
	{"__str__ raises in format", "class S: __str__ = lambda self: {}['k']", "'{}'.format(S())", "KeyError: 'k'", ""},
	{"__str__ raises in %s", "class S: __str__ = lambda self: {}['k']", "'%s' % S()", "KeyError: 'k'", ""},
	{"__str__ returns None", "class S: __str__ = lambda self: None", "f'{S()}'", "TypeError: __str__ returned non-string (type NoneType)", ""},
	{"__str__ returns int to print", "class S: __str__ = lambda self: 5", "print(S())", "TypeError: __str__ returned non-string (type int)", ""},
	{"exception __str__ raises", "class E(Exception): __str__ = lambda self: 1 / 0", "raise E()", "E: <exception str() failed>", ""},
	{"__hash__ raises", "class C: __hash__ = lambda self: {}['k']", "hash(C())", "KeyError: 'k'", ""},
	{"__hash__ raises as a dict key", "class C: __hash__ = lambda self: {}['k']", "{C(): 1}", "KeyError: 'k'", ""},
	{"__hash__ raises in a set", "class C: __hash__ = lambda self: {}['k']", "{C()}", "KeyError: 'k'", ""},
	{"__hash__ recurses", "class H: __hash__ = lambda self: hash(self)", "hash(H())", "RecursionError: maximum recursion depth exceeded", "CPython sometimes adds where the limit was hit (\" while calling a Python object\"), depending on the C function that noticed"},
	{"__hash__ returns str", "class A: __hash__ = lambda self: 'x'", "hash(A())", "TypeError: __hash__ method should return an integer", ""},
	{"__hash__ returns a big int", "class B: __hash__ = lambda self: 2**40", "assert hash(B()) == 2**40", "", ""},
	{"__eq__ without __hash__", "class F: __eq__ = lambda self, o: True", "hash(F())", "TypeError: unhashable type: 'F'", ""},
	{"__eq__ without __hash__ as a key", "class F: __eq__ = lambda self, o: True", "{F(): 1}", "TypeError: unhashable type: 'F'", ""},
	{"__hash__ = None", "class D: __hash__ = None", "{D()}", "TypeError: unhashable type: 'D'", ""},
	{"__eq__ recurses", "class Q: __eq__ = lambda self, o: self == o", "Q() == Q()", "RecursionError: maximum recursion depth exceeded in comparison", ""},
	{"__getattr__ recurses", "class G: __getattr__ = lambda self, n: self.x", "G().y", "RecursionError: maximum recursion depth exceeded", ""},
	{"annotation alone makes a local", "", "def f():\n    n: int\n    return n\n\nf()", "UnboundLocalError: cannot access local variable 'n' where it is not associated with a value", ""},
	{"annotation alone in a method", "", "class A:\n    def g(self):\n        n: 0\n        n\n\nA().g()", "UnboundLocalError: cannot access local variable 'n' where it is not associated with a value", ""},
	{"str of a million-digit int", "x = 10**10**6", "str(x)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"print of a million-digit int", "x = 10**10**6", "print(x)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"f-string of a million-digit int", "x = 10**10**6", "f'{x}'", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"%d of a million-digit int", "x = 10**10**6", "'%d' % x", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"int of 4,301 digits", "", "str(10**4300)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"int of 4,300 digits", "", "assert len(str(-10**4299)) == 4301", "", ""},
	{"million-digit int in a list", "x = 10**10**6", "assert str([x])[:3] == '[10'", "", "CPython refuses it; here only an int written by itself is refused, one inside a container prints"},
	{"generator resumes itself", "", "def r():\n    yield next(z)\n\nz = r()\nnext(z)", "ValueError: generator already executing", ""},
	{"generator closes itself", "", "def c():\n    yield me.close()\n\nme = c()\nnext(me)", "ValueError: generator already executing", ""},
	{"generator yields while closed", "", "def h():\n    try:\n        yield 1\n    finally:\n        yield 2\n\ny = h()\nnext(y)\ny.close()", "RuntimeError: generator ignored GeneratorExit", ""},
	{"generator raises while closed", "", "def a():\n    try:\n        yield 1\n    finally:\n        raise KeyError('fin')\n\nx = a()\nnext(x)\nx.close()", "KeyError: 'fin'", ""},
	{"generator returns on GeneratorExit", "", "def b():\n    try:\n        yield 1\n    except GeneratorExit:\n        return 5\n\ny = b()\nnext(y)\nassert y.close() is None", "", ""},
	{"super() at the prompt", "", "super()", "RuntimeError: super(): no arguments", ""},
	{"super() in a plain def", "", "def g(x):\n    return super()\n\ng(1)", "RuntimeError: super(): __class__ cell not found", ""},
	{"duplicate base class", "class X: pass", "class D(X, X): pass", "TypeError: duplicate base class X", ""},
	{"del of a property without deleter", "class Q: p = property(lambda s: 1)", "del Q().p", "AttributeError: property 'p' of 'Q' object has no deleter", ""},
	{"subclass int", "", "class I(int): pass", "TypeError: subclassing the built-in type int is not available in this shell: keep an int in an attribute instead", "CPython subclasses int; this shell says what to write instead"},
}

func init() { badInputs = append(badInputs, dunderBadInputs...) }
