# peer: sends datagrams to a UDP echo server and prints the replies.
import socket
import sys

port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(15)
for msg in [b"hello", b"", b"datagrams keep their boundaries", b"bye"]:
    s.sendto(msg, ("127.0.0.1", port))
    reply, addr = s.recvfrom(1024)
    print("peer got", reply, "from port", addr[1])
s.close()
