# Module-level functions and constants of socket.
import socket
socket.AF_INET
socket.AF_INET6
socket.AF_UNIX
socket.SOCK_STREAM
socket.SOCK_DGRAM
socket.SOL_SOCKET
socket.SO_REUSEADDR
socket.IPPROTO_TCP
socket.TCP_NODELAY
socket.SHUT_RDWR
socket.MSG_PEEK
socket.MSG_PEEK | socket.MSG_DONTWAIT
socket.MSG_PEEK | 1
socket.MSG_PEEK & 0
socket.SOCK_STREAM | socket.SOCK_NONBLOCK
socket.AF_INET + 1
socket.AF_INET == 2
socket.AF_INET == socket.AF_INET
socket.AF_INET != socket.AF_INET6
socket.AF_INET < socket.AF_INET6
str(socket.AF_INET)
int(socket.AF_INET)
print(socket.AF_INET, socket.SOCK_STREAM)
'%d %s %r' % (socket.AF_INET, socket.AF_INET, socket.AF_INET)
'{} {!r}'.format(socket.AF_INET, socket.AF_INET)
{socket.AF_INET: 'v4'}
socket.AF_INET.name
socket.AF_INET.value
type(socket.AF_INET)
socket.AF_ROUTE
socket.htons(80)
socket.ntohs(20480)
socket.htonl(1)
socket.ntohl(16777216)
socket.htons(70000)
socket.htons(-1)
socket.htons('a')
socket.inet_aton('127.0.0.1')
socket.inet_ntoa(b'\x7f\x00\x00\x01')
socket.inet_aton('1.2.3')
socket.inet_aton('nonsense')
socket.inet_pton(socket.AF_INET6, '::1')
socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01')
socket.inet_ntoa(b'\x01')
socket.gethostbyname('localhost')
socket.gethostbyname('127.0.0.1')
socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)
socket.getaddrinfo('127.0.0.1', 'http', socket.AF_INET, socket.SOCK_DGRAM)
socket.getdefaulttimeout()
socket.socket
socket.error
type(socket.gethostname())
