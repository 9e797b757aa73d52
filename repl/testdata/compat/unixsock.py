# Unix domain sockets: a path instead of (host, port).
import socket
path = '{tmp}/echo.sock'
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.family
srv.bind(path)
srv.getsockname()
srv.listen(1)
c = socket.socket(socket.AF_UNIX)
c.connect(path)
conn, addr = srv.accept()
addr
conn.getsockname()
c.getpeername()
c.sendall(b'over unix')
conn.recv(100)
again = socket.socket(socket.AF_UNIX)
again.bind(path)
again.close()
missing = socket.socket(socket.AF_UNIX)
missing.connect('{tmp}/nobody-here')
missing.close()
a, b = socket.socketpair()
a
a.send(b'pair')
b.recv(10)
a.close()
b.recv(10)
b.close()
d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d.bind('{tmp}/dgram.sock')
d.type
d.close()
conn.close()
c.close()
srv.close()
# A recv loop in a function receives into its last buffer: the pieces
# it shows, the one it ends on, and those kept by a second loop are as sent.
a, b = socket.socketpair()
a.sendall(b''.join(bytes([65 + i]) * 5000 for i in range(8)))
a.shutdown(socket.SHUT_WR)
def pump(s, turns):
    total = 0
    while turns:
        data = s.recv(5000)
        if not data:
            return total, data
        total += len(data)
        print(turns, len(data), b'A' in data, b'C' in data, data == b'', f'{data!r}'[:6])
        turns -= 1
    return total, len(data)

pump(b, 3)
def keep(s):
    kept = []
    while True:
        data = s.recv(5000)
        if not data:
            return kept
        kept.append(data)

[k[:2] for k in keep(b)]
pump(b, 3)
def bad(s, size):
    data = s.recv(size)
    return len(data)

bad(b, 'x')
bad(b, -1)
bad(b, 0)
a.close()
b.close()
bad(b, 10)
