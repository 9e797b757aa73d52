# program: an uncaught exception raised from another: the chained traceback CPython prints
# peer: none
# exit: 1
import socket
import struct


class ProtocolError(Exception):
    pass


def read_header(sock):
    data = sock.recv(4)
    try:
        (length,) = struct.unpack("!I", data)
    except struct.error as e:
        raise ProtocolError(f"short header: {data!r}") from e
    return length


a, b = socket.socketpair()
a.sendall(b"\x00\x00\x00\x05")
print("length", read_header(b))
a.sendall(b"\x01\x02")
a.close()
print("length", read_header(b))
