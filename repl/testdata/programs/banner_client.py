# program: a client that takes HOST and PORT from sys.argv and prints the server's banner lines
# peer: peers/banner_server.py 62017 (before, tcp:62017)
# args: 127.0.0.1 62017
import socket
import sys

print("arguments:", sys.argv[1:])
host = sys.argv[1]
port = int(sys.argv[2])

sock = socket.socket()
sock.connect((host, port))
received = b""
while True:
    data = sock.recv(10)
    if not data:
        break
    received += data
sock.close()

for number, line in enumerate(received.decode().splitlines(), start=1):
    print(f"{number:>2}| {line}")
sys.stdout.write("done\n")
sys.stdout.flush()
