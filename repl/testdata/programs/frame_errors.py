# program: length-prefixed frames with int.to_bytes/from_bytes (signed, both byte orders), struct iter_unpack, exception subclasses with extra attributes and a __str__ override, raise ... from, and an uncaught one
# peer: none
# exit: 1
import socket
import struct


class ProtocolError(Exception):
    """Base for everything the wire can do wrong."""


class ShortRead(ProtocolError):
    def __init__(self, wanted, got):
        super().__init__(f"wanted {wanted} bytes, got {got}")
        self.wanted = wanted
        self.got = got


class BadMagic(ProtocolError):
    def __init__(self, magic):
        self.magic = magic

    def __str__(self):
        return f"bad magic {self.magic!r}"


MAGIC = b"SR"
HEADER = struct.Struct("!2sHI")


def recv_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        part = sock.recv(n - len(buf))
        if not part:
            raise ShortRead(n, len(buf))
        buf += part
    return bytes(buf)


def send_frame(sock, kind, payload):
    sock.sendall(HEADER.pack(MAGIC, kind, len(payload)) + payload)


def recv_frame(sock):
    magic, kind, length = HEADER.unpack(recv_exactly(sock, HEADER.size))
    if magic != MAGIC:
        raise BadMagic(magic)
    return kind, recv_exactly(sock, length)


a, b = socket.socketpair()
with a, b:
    send_frame(a, 1, b"hello")
    send_frame(a, 2, (1234567).to_bytes(4, "big") + (42).to_bytes(2, "little"))
    send_frame(a, 3, struct.pack("<3h", -1, 2, -3))
    print(recv_frame(b))
    kind, body = recv_frame(b)
    print(kind, int.from_bytes(body[:4], "big"), int.from_bytes(body[4:], byteorder="little"))
    kind, body = recv_frame(b)
    print(kind, [v for (v,) in struct.iter_unpack("<h", body)])
    print(int.from_bytes(b"\xff\xfe", "big", signed=True), (-2).to_bytes(2, "big", signed=True))
    a.sendall(b"XX\x00\x01\x00\x00\x00\x00")
    try:
        recv_frame(b)
    except ProtocolError as e:
        print(type(e).__name__, e, e.args, isinstance(e, BadMagic))
    a.sendall(b"SR\x00\x01\x00\x00\x00\x10abc")
    a.shutdown(socket.SHUT_WR)
    try:
        recv_frame(b)
    except ShortRead as e:
        print(f"{e} (wanted={e.wanted}, got={e.got})", repr(e))
    try:
        try:
            recv_frame(b)
        except ShortRead as e:
            raise RuntimeError("connection lost") from e
    except RuntimeError as e:
        print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
    print(str(BadMagic(b"ZZ")), repr(BadMagic(b"ZZ")), BadMagic(b"ZZ").args)
    raise BadMagic(b"QQ")
