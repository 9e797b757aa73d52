# program: a client that needs its arguments: usage on sys.stderr and sys.exit(2) without them
# peer: none
# exit: 2
import socket
import sys

if len(sys.argv) != 3:
    sys.stderr.write(f"usage: {sys.argv[0]} HOST PORT\n")
    print("error: expected 2 arguments, got", len(sys.argv) - 1, file=sys.stderr)
    sys.exit(2)

host, port = sys.argv[1], int(sys.argv[2])
with socket.create_connection((host, port)) as s:
    print(s.recv(1024))
