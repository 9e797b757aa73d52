# program: handlers that return without closing their connection, a thread and a generator that still hold sockets: what nothing refers to is closed, the rest stays open
# peer: none
import socket
import threading
import time


def handle(server):
    conn, _ = server.accept()
    conn.sendall(b"hello from the handler")
    # no close(): the connection goes when the function's frame does


def read_all(sock):
    parts = []
    while True:
        chunk = sock.recv(64)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
address = server.getsockname()

worker = threading.Thread(target=handle, args=(server,))
worker.start()
client = socket.create_connection(address)
print("client read", read_all(client))
worker.join()
client.close()

ready = threading.Event()
finished = threading.Event()


def holder():
    kept = socket.socket()
    kept.bind(("127.0.0.1", 0))
    ready.set()
    finished.wait()
    print("the thread's socket is still open:", kept.fileno() >= 0)
    kept.close()


keeper = threading.Thread(target=holder)
keeper.start()
ready.wait()


def numbers():
    mine = socket.socket()
    yield 1
    yield mine.fileno() >= 0
    mine.close()


counter = numbers()
next(counter)
time.sleep(0.2)  # long enough for the shell to look for unreferenced sockets
finished.set()
keeper.join()
print("the generator's socket is still open:", next(counter))

for round_number in range(3):
    client = socket.create_connection(address)
    conn, _ = server.accept()
    conn.sendall(b"round %d" % round_number)
    conn = None
    print(read_all(client))
    client.close()
server.close()
