package repl

// callBadInputs are calls gone wrong: methods of a class and of a socket,
// constructors and the builtins that borrow their arguments (starlark
// patches 7-10 call them without bound methods or copies), each checked
// against python3 like the rest.
var callBadInputs = []badInput{
	{"method with too many arguments", "", "class C:\n    def f(self, a):\n        return a\n\nC().f(1, 2)", "TypeError: C.f() takes 2 positional arguments but 3 were given", ""},
	{"method with too few arguments", "", "class C:\n    def f(self, a):\n        return a\n\nC().f()", "TypeError: C.f() missing 1 required positional argument: 'a'", ""},
	{"method with an unknown keyword", "", "class C:\n    def f(self, a):\n        return a\n\nC().f(b=1)", "TypeError: C.f() got an unexpected keyword argument 'b'", ""},
	{"method given a value twice", "", "class C:\n    def f(self, a):\n        return a\n\nC().f(1, a=2)", "TypeError: C.f() got multiple values for argument 'a'", ""},
	{"method without self", "", "class C:\n    def f():\n        return 1\n\nC().f()", "TypeError: C.f() takes 0 positional arguments but 1 was given", ""},
	{"missing method", "class C: pass", "C().nope()", "AttributeError: 'C' object has no attribute 'nope'", ""},
	{"instance attribute that is not callable", "class C: pass\nc = C()\nc.f = 3", "c.f()", "TypeError: 'int' object is not callable", ""},
	{"property that is not callable", "class C: f = property(lambda self: 3)", "C().f()", "TypeError: 'int' object is not callable", ""},
	{"method deleted from its class", "class C: f = lambda self: 1\nc = C()\ndel C.f", "c.f()", "AttributeError: 'C' object has no attribute 'f'", ""},
	{"method shadowed by the instance", "class C: f = lambda self: 1\nc = C()\nc.f = None", "c.f()", "TypeError: 'NoneType' object is not callable", ""},
	{"constructor with too many arguments", "", "class C:\n    def __init__(self, a):\n        self.a = a\n\nC(1, 2)", "TypeError: C.__init__() takes 2 positional arguments but 3 were given", ""},
	{"constructor of a class without __init__", "class C: pass", "C(1)", "TypeError: C() takes no arguments", ""},
	{"__init__ returning a value", "class C: __init__ = lambda self: 1", "C()", "TypeError: __init__() should return None, not 'int'", ""},
	{"socket method with too many arguments", "s = socket.socket()", "s.recv(1, 2, 3)", "TypeError: recv() takes at most 2 arguments (3 given)", ""},
	{"socket method with a keyword", "s = socket.socket()", "s.fileno(x=1)", "TypeError: socket.fileno() takes no keyword arguments", ""},
	{"socket method that does not exist", "s = socket.socket()", "s.recvall(10)", "AttributeError: 'socket' object has no attribute 'recvall'", ""},
	{"len with two arguments", "", "len('a', 'b')", "TypeError: len() takes exactly one argument (2 given)", ""},
	{"isinstance with one argument", "", "isinstance(1)", "TypeError: isinstance expected 2 arguments, got 1", ""},
}

func init() { badInputs = append(badInputs, callBadInputs...) }
