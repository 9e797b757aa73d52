# peer: a UDP client sending three datagrams of different sizes.
import socket
import sys

port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(15)
for text in ["hi", "a longer datagram", "x" * 100]:
    s.sendto(text.encode(), ("127.0.0.1", port))
    data, _ = s.recvfrom(1024)
    print("peer got", data)
s.close()
