# A socket nothing refers to any more is closed, as CPython's reference
# counting closes it: the peer sees EOF at once.
import socket
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
c = socket.create_connection(srv.getsockname())
conn, addr = srv.accept()
c = None
conn.recv(10, socket.MSG_DONTWAIT)
conn.close()

# rebinding a name that held a connection closes the old one
c = socket.create_connection(srv.getsockname())
first, addr = srv.accept()
keep = first
first, addr = srv.accept() if False else (None, None)
keep.fileno() >= 0
c2 = socket.create_connection(srv.getsockname())
conn, addr = srv.accept()
conn, addr = None, None
c2.recv(10, socket.MSG_DONTWAIT)

# a function that returns without closing its socket
def serve():
    conn, addr = srv.accept()
    conn.sendall(b'bye')

c3 = socket.create_connection(srv.getsockname())
serve()
c3.recv(10)
c3.recv(10, socket.MSG_DONTWAIT)

# what still refers to a socket keeps it open
class Box:
    pass

b = Box()
b.s = socket.socket()
def make():
    s = socket.socket()
    def f():
        return s.fileno() >= 0
    return f

f = make()
def g(x=socket.socket()):
    return x.fileno() >= 0

lst = [socket.socket()]
d = {'k': (socket.socket(),)}
def gen():
    s = socket.socket()
    yield 1
    yield s.fileno() >= 0

it = gen()
next(it)
x = 1
b.s.fileno() >= 0, f(), g(), lst[0].fileno() >= 0, d['k'][0].fileno() >= 0, next(it)
