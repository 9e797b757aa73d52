# peer: a Unix-domain server that answers one message reversed.
import os
import socket
import sys

path = sys.argv[1]
if os.path.exists(path):
    os.unlink(path)
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
srv.settimeout(15)
try:
    conn, _ = srv.accept()
    data = conn.recv(1024)
    conn.sendall(data[::-1])
    print("peer answered", len(data), "bytes")
    conn.close()
finally:
    srv.close()
    os.unlink(path)
