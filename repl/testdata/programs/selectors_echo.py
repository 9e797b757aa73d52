# program: a selectors-based multi-client echo server keeping per-connection state in types.SimpleNamespace
# peer: peers/multi_client.py 62011 3 (after tcp:62011)
import selectors
import socket
import types

HOST, PORT = "127.0.0.1", 62011
CLIENTS = 3

sel = selectors.DefaultSelector()


def accept_wrapper(sock):
    conn, addr = sock.accept()
    conn.setblocking(False)
    state = types.SimpleNamespace(addr=addr, inb=b"", outb=b"", total=0)
    sel.register(conn, selectors.EVENT_READ | selectors.EVENT_WRITE, data=state)


def service_connection(key, mask):
    sock = key.fileobj
    state = key.data
    if mask & selectors.EVENT_READ:
        data = sock.recv(1024)
        if data:
            state.outb += data
            state.total += len(data)
            state.inb = data  # remember the latest piece
        else:
            finished.append(state)
            sel.unregister(sock)
            sock.close()
            return
    if mask & selectors.EVENT_WRITE and state.outb:
        sent = sock.send(state.outb)
        state.outb = state.outb[sent:]


lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
lsock.bind((HOST, PORT))
lsock.listen()
lsock.setblocking(False)
sel.register(lsock, selectors.EVENT_READ, data=None)
print("listening on", (HOST, PORT))

finished = []
while len(finished) < CLIENTS:
    events = sel.select(timeout=10)
    if not events:
        print("no events for 10 seconds")
        break
    for key, mask in events:
        if key.data is None:
            accept_wrapper(key.fileobj)
        else:
            service_connection(key, mask)

sel.unregister(lsock)
lsock.close()
sel.close()
print("served", len(finished), "clients")
for state in sorted(finished, key=lambda s: s.total):
    print(f"  {state.total} bytes, last piece {state.inb!r}")
print(types.SimpleNamespace(clients=len(finished), port=PORT))
