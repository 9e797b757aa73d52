# program: an echo client in the older documentation style: no with, explicit close, print with repr
# peer: peers/echo_server.py 62042 (before, tcp:62042)
import socket

HOST = '127.0.0.1'    # the remote host
PORT = 62042          # the same port as used by the server
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
print('Connected from', s.getsockname()[0], 'to', s.getpeername())
s.sendall(b'Hello, world')
data = s.recv(1024)
s.close()
print('Received', repr(data))
print('Closed socket:', s.fileno())
