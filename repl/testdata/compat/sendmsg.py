# sendmsg and recvmsg, control messages, and descriptors passed with
# SCM_RIGHTS (send_fds / recv_fds, socket(fileno=)).
import socket, struct
a, b = socket.socketpair()
a.sendmsg([b'ab', b'cd'])
b.recvmsg(10)
l = socket.socket()
l.bind(('127.0.0.1', 0))
l.listen()
socket.send_fds(a, [b'listener'], [l.fileno()])
msg, fds, flags, addr = socket.recv_fds(b, 1024, 2)
msg, len(fds), flags, addr
n = socket.socket(fileno=fds[0])
n.getsockname() == l.getsockname()
int(n.family), int(n.type)
c = socket.create_connection(l.getsockname())
l.close()
conn, caddr = n.accept()
conn.getsockname() == n.getsockname()
for x in [conn, c, n]: x.close()

socket.send_fds(a, [b'x'], [a.fileno()])
b.recvmsg(10)
socket.MSG_CTRUNC, socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.SCM_RIGHTS
a.sendmsg([b'q'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack('2i', a.fileno(), a.fileno()))])
m = b.recvmsg(10, socket.CMSG_SPACE(8))
m[0], len(m[1]), m[1][0][:2], len(m[1][0][2]), m[2], m[3]
a.sendmsg([b'q'], [(1,)])
a.sendmsg(b'q')
a.sendmsg(5)
b.recvmsg(-1)
b.recvmsg(1, -1)
b.recvmsg()
socket.recv_fds(b, 10)
u = socket.socket(type=socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
v = socket.socket(type=socket.SOCK_DGRAM)
v.sendmsg([b'hello', b' world'], [], 0, u.getsockname())
d = u.recvmsg(4)
d[0], d[1], d[2] == socket.MSG_TRUNC, d[3][0]
v.sendto(b'', u.getsockname())
u.recvmsg(4)[0]
for x in [a, b, u, v]: x.close()
