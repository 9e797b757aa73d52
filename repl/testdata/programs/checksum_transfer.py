# program: a file-transfer pair over loopback: a header with name, size and sha256, the body read from io.BytesIO in a walrus loop, checked with hashlib on arrival, sizes printed with format specs
# peer: none
import functools
import hashlib
import io
import os
import socket
import struct
import threading
import time

HEADER = struct.Struct("!H Q 32s")  # name length, size, sha256 digest
CHUNK = 4096


def timed(func):
    """Report how long func took, without printing the time itself."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        elapsed = time.perf_counter() - start
        print(f"{func.__name__} done, took {'some' if elapsed >= 0 else 'negative'} time")
        return result
    return wrapper


def make_file(size):
    data = bytearray()
    n = 0
    while len(data) < size:
        data += f"line {n:05d}: {'x' * (n % 50)}\n".encode()
        n += 1
    return io.BytesIO(bytes(data[:size]))


def recv_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        if not (part := sock.recv(min(CHUNK, n - len(buf)))):
            raise ConnectionError(f"peer closed after {len(buf)} of {n} bytes")
        buf += part
    return bytes(buf)


@timed
def send_file(sock, name, f):
    """Send one file: header, name, then the body in chunks."""
    body = f.getvalue()
    digest = hashlib.sha256(body).digest()
    sock.sendall(HEADER.pack(len(name.encode()), len(body), digest) + name.encode())
    sent = chunks = 0
    while chunk := f.read(CHUNK):
        sock.sendall(chunk)
        sent += len(chunk)
        chunks += 1
    return sent, chunks


received = {}


def receiver(listener, count):
    for _ in range(count):
        conn, _ = listener.accept()
        with conn:
            name_len, size, digest = HEADER.unpack(recv_exactly(conn, HEADER.size))
            name = recv_exactly(conn, name_len).decode()
            h = hashlib.sha256()
            md5 = hashlib.md5()
            got = 0
            while got < size:
                part = conn.recv(min(CHUNK, size - got))
                if not part:
                    break
                h.update(part)
                md5.update(part)
                got += len(part)
            ok = h.digest() == digest
            received[name] = (got, ok, md5.hexdigest())
            conn.sendall(b"OK" if ok else b"BAD")


listener = socket.create_server(("127.0.0.1", 0))
files = {"notes.txt": 30000, "empty.bin": 0, "big.log": 250_000}
t = threading.Thread(target=receiver, args=(listener, len(files)), daemon=True)
t.start()
for name, size in files.items():
    with socket.create_connection(listener.getsockname()) as s:
        sent, chunks = send_file(s, name, make_file(size))
        reply = s.recv(3)
        print(f"{name:<10}|{sent:>9,} bytes|{chunks:>4} chunks|{reply!r}")
t.join()
listener.close()

print(send_file.__name__, send_file.__doc__, send_file.__wrapped__.__name__)
for name, (got, ok, md5) in sorted(received.items()):
    print(f"{name:>10} {got:08,} {got / 1024:8.2f} KiB ok={ok} md5={md5[:12]}")
total = sum(got for got, _, _ in received.values())
print(f"total {total:,} bytes = {total / 1024 / 1024:.3f} MiB, {total:_x} hex, {total:.2e}")
print(os.path.splitext("big.log"), os.path.join("/srv", "files", "notes.txt"), os.path.basename("/srv/files/notes.txt"))
print(hashlib.sha256(b"").hexdigest()[:16], hashlib.new("sha1", b"abc").hexdigest())
