# try/except/else/finally as CPython runs them, at the prompt.
import socket
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e, repr(e), type(e).__name__, e.args)

try:
    {}['k']
except (KeyError, IndexError) as e:
    print("lookup", repr(e), str(e), isinstance(e, LookupError))

try:
    pass
except Exception:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")

e
def f(x):
    try:
        return 10 / x
    except ZeroDivisionError:
        return "div"
    finally:
        print("cleanup", x)

f(2)
f(0)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)

def g():
    for i in range(3):
        try:
            return i
        finally:
            print("finally before return", i)

g()
def h():
    try:
        raise ValueError("inner")
    finally:
        return "finally wins"

h()
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise
except LookupError as e:
    print("reraised", repr(e))

try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)

try:
    int("x")
except ValueError as e:
    print(e)

try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e.name if hasattr(e, "name") else "")

try:
    socket.socket().connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print("refused", e.errno, e.strerror, isinstance(e, OSError), isinstance(e, ConnectionError))

try:
    raise OSError(11, "try again")
except BlockingIOError as e:
    print("errno mapped", type(e).__name__, e)

a, b = socket.socketpair()
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print("would block", e.errno)

a.settimeout(0.01)
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout", e, type(e).__name__, isinstance(e, OSError))

a.close(); b.close()
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("base", repr(e))

def deep():
    try:
        1/0
    except ZeroDivisionError:
        try:
            {}[1]
        except KeyError as k:
            return type(k.__context__).__name__

deep()
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    raise 5
except TypeError as e:
    print(e)

try:
    1/0
except 5:
    pass

raise ValueError("uncaught at the prompt")
raise KeyError("k")
1/0
try:
    x_undefined
except NameError as e:
    print(e)

try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)

assert False
assert 0, ("a", 1)
