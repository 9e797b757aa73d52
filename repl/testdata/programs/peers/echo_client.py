# peer: connects to an echo server, sends a few messages, prints the echoes.
import socket
import sys

port = int(sys.argv[1])
messages = [b"Hello, world", b"second message", b"x" * 3000]
with socket.create_connection(("127.0.0.1", port), timeout=15) as s:
    for msg in messages:
        s.sendall(msg)
        got = b""
        while len(got) < len(msg):
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
        print("peer got", len(got), "bytes:", got[:20])
