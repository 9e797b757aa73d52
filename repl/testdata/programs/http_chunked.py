# program: reading a chunked HTTP/1.1 response by hand, with a generator over the chunks
# peer: peers/chunked_server.py 62019 (before, tcp:62019)
import socket


class Reader:
    """Buffers a socket so lines and exact byte counts can be read."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        data = self.sock.recv(64)
        if not data:
            raise ConnectionError("server closed the connection early")
        self.buf += data

    def readline(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def read(self, n):
        while len(self.buf) < n:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data


def chunks(reader):
    while True:
        size_line = reader.readline()
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        data = reader.read(size)
        if reader.read(2) != b"\r\n":
            raise ValueError("chunk not followed by CRLF")
        yield data
    while reader.readline():
        pass  # trailers end with an empty line


sock = socket.create_connection(("127.0.0.1", 62019))
sock.sendall(b"GET /stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
reader = Reader(sock)
print(reader.readline().decode())
headers = {}
while True:
    line = reader.readline()
    if not line:
        break
    name, value = line.decode().split(": ", 1)
    headers[name.lower()] = value
print(headers)
if headers.get("transfer-encoding") == "chunked":
    parts = list(chunks(reader))
    print(len(parts), "chunks of", [len(p) for p in parts], "bytes")
    print(b"".join(parts).decode())
sock.close()
