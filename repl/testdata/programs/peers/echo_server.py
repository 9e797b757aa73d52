# peer: echoes one connection back, then reports how much it echoed.
import socket
import sys

port = int(sys.argv[1])
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(1)
srv.settimeout(15)
conn, _ = srv.accept()
conn.settimeout(15)
total = 0
while True:
    data = conn.recv(4096)
    if not data:
        break
    conn.sendall(data)
    total += len(data)
conn.close()
srv.close()
print("peer echoed", total, "bytes")
