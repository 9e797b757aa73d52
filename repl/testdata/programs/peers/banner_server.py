# peer: greets one client with a few lines, then closes.
import socket
import sys

srv = socket.create_server(("127.0.0.1", int(sys.argv[1])))
srv.settimeout(15)
conn, _ = srv.accept()
conn.sendall(b"220 banner server ready\r\nsecond line\r\nlast line, no newline")
conn.shutdown(socket.SHUT_WR)
conn.recv(16)  # wait for the client to close first
conn.close()
srv.close()
print("peer sent the banner")
