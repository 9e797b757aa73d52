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
