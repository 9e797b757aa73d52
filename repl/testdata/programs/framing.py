# program: length-prefixed frames with struct.pack('!I') and a custom exception hierarchy
# peer: none
import socket
import struct

LIMIT = 64


class ProtocolError(Exception):
    """The bytes on the wire do not follow the framing rules."""


class FrameTooLarge(ProtocolError):
    def __init__(self, size, limit):
        super().__init__(f"frame of {size} bytes is over the {limit}-byte limit")
        self.size = size
        self.limit = limit


class PeerClosed(ProtocolError):
    def __init__(self, wanted, got):
        super().__init__(f"connection closed after {got} of {wanted} bytes")
        self.wanted = wanted
        self.got = got


def send_frame(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise PeerClosed(n, len(buf))
        buf += chunk
    return buf


def recv_frame(sock, limit=LIMIT):
    (size,) = struct.unpack("!I", recv_exact(sock, 4))
    if size > limit:
        raise FrameTooLarge(size, limit)
    return recv_exact(sock, size)


a, b = socket.socketpair()
for payload in [b"hello", b"", "caf\u00e9".encode(), bytes(range(5))]:
    send_frame(a, payload)
for _ in range(4):
    frame = recv_frame(b)
    print(len(frame), frame)

print(struct.pack("!I", 258), struct.calcsize("!I"))

a.sendall(struct.pack("!I", 1000))
try:
    recv_frame(b)
except FrameTooLarge as e:
    print(f"{type(e).__name__}: {e}")
    print("size", e.size, "limit", e.limit, "is a ProtocolError:", isinstance(e, ProtocolError))

a.sendall(struct.pack("!I", 10) + b"abc")
a.close()
try:
    recv_frame(b)
except ProtocolError as e:
    print(repr(e))
    print(e.args, e.wanted, e.got)
    print(type(e).__mro__)

errors = [FrameTooLarge(70, 64), PeerClosed(4, 0), ProtocolError("bad magic")]
for err in errors:
    try:
        raise err
    except FrameTooLarge:
        print("too large:", err)
    except ProtocolError as e:
        print("protocol error:", e, issubclass(type(e), Exception))
b.close()
