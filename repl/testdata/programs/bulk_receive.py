# program: a bulk download counted at module level, counted in a function, and kept whole and hashed
# peer: peers/bulk_server.py 62060 (before, tcp:62060)
import hashlib
import socket

ADDRESS = ("127.0.0.1", 62060)
SIZE = 3 * 1024 * 1024 + 17


def pattern(size):
    block = bytes(i * 7 % 251 for i in range(251 * 64))
    whole = block * (size // len(block) + 1)
    return whole[:size]


def ask(size):
    sock = socket.create_connection(ADDRESS)
    sock.sendall(b"%d\n" % size)
    return sock


def count(sock, bufsize):
    total = 0
    calls = 0
    while True:
        chunk = sock.recv(bufsize)
        if not chunk:
            break
        total += len(chunk)
        calls += 1
    return total, calls > 0


# 1. At module level: the loop most tutorials write.
s = ask(SIZE)
received = 0
while True:
    data = s.recv(1048576)
    if not data:
        break
    received += len(data)
s.close()
print("module level:", received, "bytes; last recv", data)

# 2. In a function.
with ask(SIZE) as s:
    print("in a function:", count(s, 65536))

# 3. Kept: every piece appended, then joined and hashed.
pieces = []
with ask(SIZE) as s:
    while True:
        piece = s.recv(65536)
        if not piece:
            break
        pieces.append(piece)
body = b"".join(pieces)
print("kept:", len(body), "bytes, as sent:", body == pattern(SIZE))
print("sha256:", hashlib.sha256(body).hexdigest()[:16])
