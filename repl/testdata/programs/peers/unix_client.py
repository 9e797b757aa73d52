# peer: talks to a Unix-domain echo server at the path given.
import socket
import sys

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.settimeout(15)
    s.connect(sys.argv[1])
    for line in [b"first line\n", b"second line\n"]:
        s.sendall(line)
        print("peer got", s.recv(256))
