# traceback: printing a caught exception as an uncaught one prints.
import traceback, sys
def f(x):
    return 1 / x

def g():
    return f(0)

try:
    g()
except ZeroDivisionError:
    traceback.print_exc()
    s = traceback.format_exc()
    print(repr(s.splitlines()[-1]), len(s.splitlines()) > 1, s.startswith('Traceback (most recent call last):'))

try:
    int('x')
except ValueError as e:
    print(traceback.format_exception_only(e))
    print(len(traceback.format_exception(e)), traceback.format_exception(e)[-1])
    traceback.print_exception(e)

traceback.format_exc(), traceback.format_exception_only(None), traceback.format_exception(None)
traceback.print_exc()
try:
    try:
        g()
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError:
    print(traceback.format_exc().count('Traceback'))

traceback.print_exception(5)
traceback.format_exception_only(5)
traceback.format_exception()
traceback.print_exc(1, 2, 3, 4)
traceback.format_exc(x=1)
# The stack running now: extract_stack, format_stack, print_stack.
def where():
    return traceback.extract_stack()

def outer():
    return where()

for fs in outer():
    print(fs.filename, fs.lineno, fs.name, repr(fs.line))

filename, lineno, name, line = outer()[-1]
filename, lineno, name, line
len(outer()), len(traceback.extract_stack(limit=1)), outer()[-1]
def show():
    traceback.print_stack()
    print(traceback.format_stack(limit=1))

show()
