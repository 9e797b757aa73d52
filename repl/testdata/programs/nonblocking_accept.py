# program: a non-blocking listener driven by select.select and except BlockingIOError
# peer: none
import select
import socket

ADDR = ("127.0.0.1", 62005)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(ADDR)
listener.listen(8)
listener.setblocking(False)
print("blocking?", listener.getblocking(), "timeout:", listener.gettimeout())

try:
    listener.accept()
except BlockingIOError as e:
    print("accept() with nobody waiting:", e)
    print("errno", e.errno, "strerror", e.strerror)

clients = []
for i in range(3):
    c = socket.create_connection(ADDR)
    c.sendall(f"message from client {i}".encode())
    clients.append(c)

conns = []
while len(conns) < 3:
    readable, _, _ = select.select([listener], [], [], 5)
    if not readable:
        print("timed out waiting for clients")
        break
    while True:
        try:
            conn, addr = listener.accept()
        except BlockingIOError:
            break  # the accept queue is empty for now
        conn.setblocking(False)
        conns.append(conn)
print(len(conns), "connections accepted")

received = {}
pending = list(conns)
while pending:
    readable, _, _ = select.select(pending, [], [], 5)
    if not readable:
        break
    for conn in readable:
        try:
            data = conn.recv(1024)
        except BlockingIOError:
            continue
        received[conn.fileno()] = data
        pending.remove(conn)

for data in sorted(received.values()):
    print(data)

for c in clients:
    c.close()
for conn in conns:
    while True:
        try:
            if conn.recv(1024) == b"":
                print("peer closed")
                break
        except BlockingIOError:
            select.select([conn], [], [], 5)
    conn.close()
listener.close()
