"""A one-connection TCP echo server for the interop tests.

It listens on 127.0.0.1 with a port the OS picks, prints that port on
stdout, serves a single client until the client half-closes, then exits.
"""
import socket
import sys

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(1)
print(listener.getsockname()[1], flush=True)

conn, peer = listener.accept()
listener.close()
total = 0
while True:
    chunk = conn.recv(65536)
    if not chunk:  # the client shut down its sending side
        break
    conn.sendall(chunk)
    total += len(chunk)
conn.close()
print("echoed", total, file=sys.stderr)
