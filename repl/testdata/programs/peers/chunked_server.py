# peer: answers one request with a chunked body sent in several writes.
import socket
import sys
import time

srv = socket.create_server(("127.0.0.1", int(sys.argv[1])))
srv.settimeout(15)
conn, _ = srv.accept()
request = b""
while b"\r\n\r\n" not in request:
    data = conn.recv(1024)
    if not data:
        break
    request += data
print("peer got", request.split(b"\r\n")[0])
conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
for piece in [b"Hello, ", b"chunked ", b"world!\n" * 3]:
    conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
    time.sleep(0.01)
conn.sendall(b"1a;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: yes\r\n\r\n")
conn.recv(16)  # until the client closes
conn.close()
srv.close()
