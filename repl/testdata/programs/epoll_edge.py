# program: an edge-triggered select.epoll echo server (the epoll tutorial's loop): read and write until EAGAIN
# peer: peers/multi_client.py 62045 3 (after tcp:62045)
import select
import socket

ADDR = ("127.0.0.1", 62045)
CLIENTS = 3

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(ADDR)
server.listen(8)
server.setblocking(False)

ep = select.epoll()
ep.register(server.fileno(), select.EPOLLIN | select.EPOLLET)
connections, pending, received = {}, {}, {}
finished = []

try:
    while len(finished) < CLIENTS:
        events = ep.poll(10)
        if not events:
            print("nothing happened for 10 seconds")
            break
        for fileno, event in events:
            if fileno == server.fileno():
                # Edge-triggered: accept everything queued, until EAGAIN.
                while True:
                    try:
                        conn, addr = server.accept()
                    except BlockingIOError:
                        break
                    conn.setblocking(False)
                    ep.register(conn.fileno(), select.EPOLLIN | select.EPOLLET)
                    connections[conn.fileno()] = conn
                    pending[conn.fileno()] = b""
                    received[conn.fileno()] = 0
            elif event & select.EPOLLIN:
                conn = connections[fileno]
                closed = False
                while True:
                    try:
                        data = conn.recv(7)
                    except BlockingIOError:
                        break
                    if not data:
                        closed = True
                        break
                    pending[fileno] += data
                    received[fileno] += len(data)
                if pending[fileno]:
                    ep.modify(fileno, select.EPOLLOUT | select.EPOLLET)
                if closed:
                    ep.unregister(fileno)
                    conn.close()
                    finished.append(received.pop(fileno))
                    del connections[fileno], pending[fileno]
            elif event & select.EPOLLOUT:
                conn = connections[fileno]
                while pending[fileno]:
                    try:
                        sent = conn.send(pending[fileno])
                    except BlockingIOError:
                        break
                    pending[fileno] = pending[fileno][sent:]
                if not pending[fileno]:
                    ep.modify(fileno, select.EPOLLIN | select.EPOLLET)
finally:
    ep.unregister(server.fileno())
    ep.close()
    server.close()

print("closed:", ep.closed)
print("bytes echoed per client:", sorted(finished))
print("flags:", select.EPOLLIN, select.EPOLLOUT, select.EPOLLET == 1 << 31)
