# program: a selectors chat server with per-client state in a __slots__ class, deque outboxes, properties and a namedtuple address, its clients in the same program
# peer: none
import selectors
import socket
from collections import deque, namedtuple

Address = namedtuple("Address", "host port")
sel = selectors.DefaultSelector()


class Client:
    """One connected user: the socket, a nickname, bytes not yet parsed
    and messages not yet sent."""

    __slots__ = ("sock", "nick", "inbuf", "outbox", "_sent")

    def __init__(self, sock):
        self.sock = sock
        self.nick = None
        self.inbuf = b""
        self.outbox = deque()
        self._sent = 0

    @property
    def sent(self):
        return self._sent

    @sent.setter
    def sent(self, value):
        if value < self._sent:
            raise ValueError("the byte count only grows")
        self._sent = value

    def __repr__(self):
        return f"Client({self.nick!r}, queued={len(self.outbox)})"


clients = {}


def queue(client, text):
    client.outbox.append(text.encode())
    sel.modify(client.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, data=client)


def broadcast(text, sender=None):
    for other in clients.values():
        if other is not sender and other.nick is not None:
            queue(other, text)


def handle_line(client, line):
    verb, _, rest = line.partition(" ")
    if verb == "NICK":
        client.nick = rest
        broadcast(f"* {rest} joined\n", sender=client)
    elif verb == "SAY":
        broadcast(f"<{client.nick}> {rest}\n", sender=client)
    elif verb == "WHO":
        names = sorted((c.nick for c in clients.values() if c.nick), key=str.lower)
        queue(client, "users: " + ", ".join(names) + "\n")
    else:
        queue(client, f"? unknown command {verb!r}\n")


def service(key, mask):
    client = key.data
    if mask & selectors.EVENT_READ:
        data = client.sock.recv(4096)
        if not data:
            print("closing", client)
            sel.unregister(client.sock)
            client.sock.close()
            del clients[key.fd]
            return
        client.inbuf += data
        while b"\n" in client.inbuf:
            line, _, client.inbuf = client.inbuf.partition(b"\n")
            handle_line(client, line.decode())
    if mask & selectors.EVENT_WRITE:
        while client.outbox:
            client.sent += client.sock.send(client.outbox.popleft())
        sel.modify(client.sock, selectors.EVENT_READ, data=client)


listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(Address("127.0.0.1", 0))
listener.listen()
listener.setblocking(False)
sel.register(listener, selectors.EVENT_READ)
where = Address(*listener.getsockname())
print("listening on", where.host, type(where).__name__, len(where))

users = {}
for nick in ["Ann", "bob", "Cy"]:
    users[nick] = socket.create_connection(where)
while len(clients) < 3:
    for key, mask in sel.select(timeout=1):
        if key.fileobj is listener:
            conn, _ = listener.accept()
            conn.setblocking(False)
            clients[conn.fileno()] = Client(conn)
            sel.register(conn, selectors.EVENT_READ, data=clients[conn.fileno()])


def pump():
    """Serve until every socket is quiet."""
    while events := sel.select(timeout=0.2):
        for key, mask in events:
            service(key, mask)


for nick, sock in users.items():
    sock.sendall(f"NICK {nick}\n".encode())
    pump()
users["Ann"].sendall(b"SAY hello, all\nWHO\n")
users["bob"].sendall(b"DANCE now\n")
pump()

for nick, sock in users.items():
    sock.settimeout(0.5)
    got = b""
    try:
        while chunk := sock.recv(4096):
            got += chunk
    except socket.timeout:
        pass
    print(f"{nick:>4} saw:", *got.decode().splitlines(), sep="\n  ")

try:
    next(iter(clients.values())).sent = -1
except ValueError as e:
    print("refused:", e)
try:
    next(iter(clients.values())).colour = "red"
except AttributeError as e:
    print("refused:", e)

busiest = max(clients.values(), key=lambda c: c.sent, default=None)
print("busiest:", busiest.nick, busiest.sent)
print("queued:", sorted(clients.values(), key=lambda c: c.nick))

users.pop("Cy").close()
pump()
for fd, client in list(clients.items()):
    if client.nick == "bob":
        users.pop("bob").close()
pump()
print("left:", [c.nick for c in clients.values()], max((c.sent for c in []), default=0))
for sock in users.values():
    sock.close()
pump()
sel.unregister(listener)
listener.close()
sel.close()
print("clients now", clients)
