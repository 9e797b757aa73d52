# UDP datagrams: no listen, no accept, boundaries kept.
import socket
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u1.type
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b'ping', u1.getsockname())
data, addr = u1.recvfrom(1024)
data
addr == u2.getsockname()
u1.sendto(b'first', addr)
u1.sendto(b'second', addr)
u2.recvfrom(1024)[0]
u2.recv(3)
u2.connect(u1.getsockname())
u2.send(b'connected')
u1.recv(100)
u1.sendto(b'x', 0, addr)
u2.recv(10)
u1.sendto('text', addr)
u1.sendto(b'x', ('127.0.0.1',))
u1.listen()
u1.accept()
u1.close()
u2.close()
