# program: bind() to a port already taken, handled by errno; an address the host lacks; binding again after close
# peer: none
import errno
import os
import socket

PORT = 62029

first = socket.socket()
first.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
first.bind(("127.0.0.1", PORT))
first.listen()

second = socket.socket()
try:
    second.bind(("127.0.0.1", PORT))
except OSError as e:
    if e.errno == errno.EADDRINUSE:
        print("port", PORT, "is taken:", e.strerror)
    else:
        raise
finally:
    second.close()

print(os.strerror(errno.EADDRINUSE), errno.errorcode[errno.EADDRINUSE])
print(errno.EADDRINUSE, errno.EACCES, errno.ECONNREFUSED, errno.EAGAIN == errno.EWOULDBLOCK)

third = socket.socket()
try:
    third.bind(("192.0.2.1", PORT))  # an address this host does not have
except OSError as e:
    print("foreign address:", e.errno == errno.EADDRNOTAVAIL, type(e).__name__, e.strerror)
else:
    print("bound to a foreign address?")
finally:
    third.close()

try:
    first.bind(("127.0.0.1", PORT + 1))
except OSError as e:
    print("binding twice:", e)
first.close()

again = socket.socket()
again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
again.bind(("127.0.0.1", PORT))
print("bound again after close:", again.getsockname())
again.close()
