# program: classes around sockets: inheritance with super(), @property, @staticmethod, @classmethod, dunder methods
# peer: none
import socket


class Endpoint:
    """A host and a port, comparable and printable."""

    default_host = "127.0.0.1"

    def __init__(self, port, host=None):
        self.host = host or self.default_host
        self.port = port

    @classmethod
    def parse(cls, text):
        host, _, port = text.rpartition(":")
        return cls(int(port), host)

    @staticmethod
    def valid_port(port):
        return 0 < port < 65536

    @property
    def address(self):
        return (self.host, self.port)

    def __repr__(self):
        return f"{type(self).__name__}({self.port!r}, {self.host!r})"

    def __str__(self):
        return f"{self.host}:{self.port}"

    def __eq__(self, other):
        if not isinstance(other, Endpoint):
            return NotImplemented
        return self.address == other.address

    def __hash__(self):
        return hash(self.address)


class SecureEndpoint(Endpoint):
    def __init__(self, port, host=None, cert="server.pem"):
        super().__init__(port, host)
        self.cert = cert

    def __str__(self):
        return "tls://" + super().__str__()


class MessageLog:
    """Collects messages; len(), iteration, membership and + work on it."""

    def __init__(self, messages=()):
        self._messages = list(messages)

    def add(self, msg):
        self._messages.append(msg)
        return self

    def __len__(self):
        return len(self._messages)

    def __iter__(self):
        return iter(self._messages)

    def __contains__(self, msg):
        return msg in self._messages

    def __getitem__(self, index):
        return self._messages[index]

    def __add__(self, other):
        return MessageLog(self._messages + list(other))

    def __bool__(self):
        return bool(self._messages)

    @property
    def total_bytes(self):
        return sum(len(m) for m in self._messages)

    @total_bytes.setter
    def total_bytes(self, value):
        raise AttributeError("total_bytes is computed from the messages")


e1 = Endpoint(8080)
e2 = Endpoint.parse("127.0.0.1:8080")
e3 = SecureEndpoint(8443, "localhost")
print(repr(e1), str(e1), e1 == e2, e1 is e2, e1 != e3)
print(e3, repr(e3), e3.cert, e3.address)
print(len({e1, e2, e3}), Endpoint.valid_port(70000), e1.valid_port(22))
print(isinstance(e3, Endpoint), issubclass(SecureEndpoint, Endpoint), type(e3).__name__)
print([c.__name__ for c in SecureEndpoint.__mro__])
print(e1 == "127.0.0.1:8080")

log = MessageLog()
a, b = socket.socketpair()
for text in ["hello", "world", "!"]:
    a.sendall(text.encode())
    log.add(b.recv(100))
a.close()
b.close()
print(len(log), list(log), b"world" in log, log[0], log[-1])
print(log.total_bytes, bool(log), bool(MessageLog()))
both = log + [b"extra"]
print(type(both).__name__, len(both), [m.decode() for m in both])
try:
    log.total_bytes = 3
except AttributeError as err:
    print("AttributeError:", err)
print(getattr(e1, "port"), getattr(e1, "missing", "default"), hasattr(e3, "cert"))
