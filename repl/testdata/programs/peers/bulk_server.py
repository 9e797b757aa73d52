# peer: serves three downloads; each client asks for a size and gets a pattern of that many bytes.
import socket
import sys

srv = socket.create_server(("127.0.0.1", int(sys.argv[1])))
srv.settimeout(15)
for _ in range(3):
    conn, _ = srv.accept()
    with conn:
        conn.settimeout(15)
        request = b""
        while not request.endswith(b"\n"):
            more = conn.recv(16)
            if not more:
                break
            request += more
        size = int(request)
        block = bytes(i * 7 % 251 for i in range(251 * 64))
        sent = 0
        while sent < size:
            piece = block[: min(len(block), size - sent)]
            conn.sendall(piece)
            sent += len(piece)
srv.close()
