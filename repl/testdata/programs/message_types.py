# program: the HOWTO's type byte plus length header: a Message class with classmethods, __eq__, __hash__ and dispatch
# peer: none
import socket
import struct


class Message:
    HEADER = struct.Struct("!cH")
    kinds = {}

    def __init__(self, body=b""):
        self.body = body

    def __init_subclass__(cls, code=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code
            Message.kinds[code] = cls

    def encode(self):
        return self.HEADER.pack(self.code, len(self.body)) + self.body

    @classmethod
    def read_from(cls, sock):
        kind, size = cls.HEADER.unpack(recv_exact(sock, cls.HEADER.size))
        body = recv_exact(sock, size)
        return cls.kinds[kind](body)

    def __eq__(self, other):
        return type(self) is type(other) and self.body == other.body

    def __hash__(self):
        return hash((type(self), self.body))

    def __repr__(self):
        return f"{type(self).__name__}({self.body!r})"


class Ping(Message, code=b"P"):
    pass


class Text(Message, code=b"T"):
    def __str__(self):
        return self.body.decode()


class Quit(Message, code=b"Q"):
    pass


def recv_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        more = sock.recv(n - len(data))
        if not more:
            raise EOFError("peer closed mid-message")
        data.extend(more)
    return bytes(data)


a, b = socket.socketpair()
outgoing = [Ping(), Text(b"hello"), Text("gr\u00fc\u00df dich".encode()), Ping(), Quit()]
for msg in outgoing:
    a.sendall(msg.encode())
print(sorted(Message.kinds))

received = []
while True:
    msg = Message.read_from(b)
    received.append(msg)
    if isinstance(msg, Quit):
        break
    elif isinstance(msg, Text):
        print("text:", msg)
    else:
        print("ping", msg.encode())

print(received)
print(received == outgoing, len(set(received)), Ping() == Ping(), Ping() == Quit())
a.sendall(b"T\x00\x09abc")
a.close()
try:
    Message.read_from(b)
except EOFError as e:
    print(type(e).__name__, e)
b.close()
