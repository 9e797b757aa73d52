# program: the HOWTO's MySocket idea: fixed-length messages over TCP, server and client in one program
# peer: none
import socket

MSGLEN = 16  # every message is exactly this long


class MySocket:
    """Sends and receives messages of exactly MSGLEN bytes."""

    def __init__(self, sock=None):
        if sock is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock = sock

    def connect(self, host, port):
        self.sock.connect((host, port))

    def mysend(self, msg):
        if len(msg) != MSGLEN:
            raise ValueError(f"message must be {MSGLEN} bytes, not {len(msg)}")
        sent_so_far = 0
        while sent_so_far < MSGLEN:
            n = self.sock.send(msg[sent_so_far:])
            if n == 0:
                raise RuntimeError("socket connection broken")
            sent_so_far += n

    def myreceive(self):
        parts = []
        have = 0
        while have < MSGLEN:
            part = self.sock.recv(min(MSGLEN - have, 5))
            if part == b"":
                raise RuntimeError("socket connection broken")
            parts.append(part)
            have += len(part)
        return b"".join(parts)

    def close(self):
        self.sock.close()


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 62003))
listener.listen(1)

client = MySocket()
client.connect("127.0.0.1", 62003)
conn, _ = listener.accept()
server = MySocket(conn)

for word in ["hello", "fixed-length", "messages!"]:
    client.mysend(word.encode().ljust(MSGLEN, b"."))
    msg = server.myreceive()
    print(repr(msg), "->", msg.rstrip(b".").decode())

try:
    client.mysend(b"too long for one message")
except ValueError as e:
    print("refused:", e)

client.sock.sendall(b"only half")
client.close()
try:
    server.myreceive()
except RuntimeError as e:
    print("server:", e)
finally:
    server.close()
    listener.close()
print("closed:", server.sock.fileno(), listener.fileno())
