# Receives on port 50999 until the sender closes; prints the byte count.
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 50999))
srv.listen(1)
conn, peer = srv.accept()
n = 0
while True:
    data = conn.recv(1048576)
    if not data:
        break
    n += len(data)
conn.close()
srv.close()
print(n)
