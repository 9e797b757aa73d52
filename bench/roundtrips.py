# 10,000 loopback round trips, each a fresh connect/accept/sendall/recv/close.
# Runs unchanged under python3 and sockrepl, so both can be timed on it.
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(128)
addr = srv.getsockname()
total = 0
for i in range(10000):
    c = socket.socket()
    c.connect(addr)
    conn, peer = srv.accept()
    c.sendall(b'ping')
    total += len(conn.recv(16))
    conn.sendall(b'pong')
    total += len(c.recv(16))
    c.close()
    conn.close()
srv.close()
print(total)
