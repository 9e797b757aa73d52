# Sends 1 GiB in 4 MiB sendall() calls to the receiver on port 50999.
import socket

chunk = b'x' * 4194304
c = socket.create_connection(('127.0.0.1', 50999))
for i in range(256):
    c.sendall(chunk)
c.close()
