# program: UDP echo server with sendto/recvfrom, stopped by a "bye" datagram
# peer: peers/udp_client.py 62009 (after udp:62009)
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", 62009))
print("UDP server on", sock.getsockname())

count = 0
while True:
    data, addr = sock.recvfrom(1024)
    count += 1
    print(f"datagram {count} from {addr}: {data!r}")
    sock.sendto(data.upper(), addr)
    if data == b"bye":
        break
sock.close()
print("served", count, "datagrams")
