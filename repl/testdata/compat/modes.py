# Blocking, timeout and non-blocking modes.
import socket
a, b = socket.socketpair()
a.getblocking()
a.gettimeout()
a.timeout
a.settimeout(0.1)
a.gettimeout()
a.timeout
a.getblocking()
a.recv(1)
a.setblocking(False)
a.gettimeout()
a.getblocking()
a.recv(1)
b.send(b'xyz')
a.recv(1, socket.MSG_PEEK)
a.recv(10)
a.recv(10)
a.setblocking(True)
a.gettimeout()
a.settimeout(None)
a.getblocking()
a.settimeout(0)
a.getblocking()
a.settimeout(2)
a.gettimeout()
a.settimeout(-1)
a.settimeout(2**70)
a.setblocking(None)
b.setblocking(False)
total = 0
while True:
    n = b.send(b'x' * 65536)
    total += n
    if n < 65536:
        break

b.send(b'x' * 65536)
a.close()
b.close()
n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
n.type
n.getblocking()
n.close()
