# program: address helpers: getaddrinfo, inet_aton/inet_ntoa, inet_pton, byte-order functions, gaierror
# peer: none
import socket

for family, type_, proto, canonname, sockaddr in socket.getaddrinfo(
    "127.0.0.1", 8080, socket.AF_INET, socket.SOCK_STREAM
):
    print(family, type_, proto, repr(canonname), sockaddr)
    print(family.name, type_.name, family == socket.AF_INET)

infos = socket.getaddrinfo("::1", "http", socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
print([info[4] for info in infos])

packed = socket.inet_aton("192.168.1.20")
print(packed, socket.inet_ntoa(packed), int.from_bytes(packed, "big"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(socket.htonl(12345)))
print(hex(socket.htons(0x1234)), (0x1234).to_bytes(2, "big"), (0x1234).to_bytes(2, "little"))

try:
    socket.inet_aton("300.1.2.3")
except OSError as e:
    print("inet_aton:", e)

try:
    socket.getaddrinfo("not-a-number", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror:", e.errno == socket.EAI_NONAME, e)
    print(isinstance(e, OSError), socket.gaierror.__name__)

print(socket.getservbyname("http", "tcp"), socket.getservbyport(22))
print(socket.gethostbyname("127.0.0.1"), socket.AF_INET, socket.SOCK_DGRAM, int(socket.SOCK_DGRAM))
print(repr(socket.AF_UNIX), str(socket.SOCK_STREAM))
