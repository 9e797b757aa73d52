# peer: opens several connections at once and checks each one's echo.
import socket
import sys

port, count = int(sys.argv[1]), int(sys.argv[2])
socks = [socket.create_connection(("127.0.0.1", port), timeout=15) for _ in range(count)]
for i, s in enumerate(socks):
    s.sendall(f"client {i} says hello".encode() + b"!" * i)
for i, s in enumerate(socks):
    want = len(f"client {i} says hello") + i
    got = b""
    while len(got) < want:
        got += s.recv(1024)
    print("peer", i, "got", got)
for s in socks:
    s.close()
