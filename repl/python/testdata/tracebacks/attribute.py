import socket
s = socket.socket()
s.sendto_all(b"x")
