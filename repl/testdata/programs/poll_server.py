# program: a select.poll loop serving clients in the same program (PyMOTW and HOWTO style)
# peer: none
import select
import socket

ADDR = ("127.0.0.1", 62031)
READ_ONLY = select.POLLIN | select.POLLPRI | select.POLLHUP | select.POLLERR

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.setblocking(False)
server.bind(ADDR)
server.listen(5)

poller = select.poll()
poller.register(server, READ_ONLY)
fd_to_socket = {server.fileno(): server}

clients = [socket.create_connection(ADDR) for _ in range(2)]
for i, c in enumerate(clients):
    c.sendall(f"request {i}".encode())
    c.shutdown(socket.SHUT_WR)

answered = 0
replies = []
while answered < len(clients):
    events = poller.poll(5000)
    if not events:
        print("poll timed out")
        break
    for fd, flag in events:
        s = fd_to_socket[fd]
        if s is server:
            conn, _ = s.accept()
            conn.setblocking(False)
            fd_to_socket[conn.fileno()] = conn
            poller.register(conn, READ_ONLY)
        elif flag & select.POLLIN:
            data = s.recv(1024)
            if data:
                s.sendall(b"reply to " + data)
            else:
                poller.unregister(s)
                del fd_to_socket[fd]
                s.close()
                answered += 1

for c in clients:
    replies.append(c.recv(1024))
    c.close()
print(sorted(replies))
print("server still polled:", list(fd_to_socket.values()) == [server])
poller.unregister(server)
server.close()
print(select.POLLIN, select.POLLOUT, select.POLLHUP, select.POLLERR)
