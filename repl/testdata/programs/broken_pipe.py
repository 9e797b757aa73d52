# program: sending to a peer that has gone: BrokenPipeError, errno values and the OSError hierarchy
# peer: none
import errno
import socket

a, b = socket.socketpair()
b.close()
try:
    a.send(b"anyone?")
except BrokenPipeError as e:
    print("BrokenPipeError:", e)
    print(e.errno == errno.EPIPE, errno.errorcode[e.errno], e.strerror)
    print(isinstance(e, ConnectionError), isinstance(e, OSError))

for cls in (BrokenPipeError, ConnectionResetError, ConnectionRefusedError, ConnectionAbortedError):
    print(cls.__name__, [base.__name__ for base in cls.__mro__[1:]])

errors = {errno.ECONNREFUSED: "refused", errno.ECONNRESET: "reset", errno.ETIMEDOUT: "timed out"}
for code in sorted(errors):
    err = OSError(code, "made up")
    print(code, errno.errorcode[code], errors[code], type(err).__name__)

try:
    a.sendall(b"again")
except OSError as e:
    print(type(e).__name__, e.args)
finally:
    a.close()

try:
    a.send(b"closed")
except OSError as e:
    print("on a closed socket:", e, e.errno == errno.EBADF)
