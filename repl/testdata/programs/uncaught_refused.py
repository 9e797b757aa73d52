# program: an uncaught ConnectionRefusedError two calls deep: CPython's traceback on stderr, exit 1
# peer: none
# exit: 1
import socket

PORT = 62023  # nobody listens here


def open_connection(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    return sock


def fetch(port):
    conn = open_connection("127.0.0.1", port)
    return conn.recv(1024)


print("connecting to port", PORT)
print(fetch(PORT))
print("not reached")
