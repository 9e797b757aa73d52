package repl

// dataBadInputs is the misuse of the data modules (errno, binascii,
// struct.Struct, types, io, json, datetime, urllib.parse, traceback,
// eval, array, memoryview, ctypes), in the catalogue's form; each is
// checked against python3 like the rest.
var dataBadInputs = []badInput{
	{"os.strerror str", "import os", "os.strerror('2')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"os.strerror huge", "import os", "os.strerror(2**40)", "OverflowError: Python int too large to convert to C int", ""},
	{"os.strerror keyword", "import os", "os.strerror(code=2)", "TypeError: posix.strerror() takes no keyword arguments", ""},
	{"errno unknown name", "import errno", "errno.EWHATEVER_NOT_HERE", "AttributeError: module 'errno' has no attribute 'EWHATEVER_NOT_HERE'", ""},
	{"errorcode unknown number", "import errno", "errno.errorcode[9999]", "KeyError: 9999", ""},
}

func init() { badInputs = append(badInputs, dataBadInputs...) }
