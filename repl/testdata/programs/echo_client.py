# program: echo client in the seed's style, talking to a python3 echo server
# peer: peers/echo_server.py 62002 (before, tcp:62002)
import socket

HOST = "127.0.0.1"  # the server's address
PORT = 62002        # the port the server listens on

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    print(f"Local end is {s.getsockname()[0]}, remote end is {s.getpeername()}")
    s.sendall(b"Hello, world")
    data = s.recv(1024)

print(f"Received {data!r}")
print("Received", repr(data))
print(f"{len(data)=}")
