# program: a with-based Unix-domain client of a python3 server
# peer: peers/unix_server.py /tmp/sockrepl-programs-unix-client.sock (before, unix:/tmp/sockrepl-programs-unix-client.sock)
# files: /tmp/sockrepl-programs-unix-client.sock
import socket
import sys

SERVER_PATH = "/tmp/sockrepl-programs-unix-client.sock"

try:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(SERVER_PATH)
        print("connected to", sock.getpeername())
        print("our own address:", repr(sock.getsockname()))
        sock.sendall(b"ping over a file path")
        reply = sock.recv(1024)
        print("reply:", reply)
except FileNotFoundError:
    print("no server at", SERVER_PATH, file=sys.stderr)
    sys.exit(1)
