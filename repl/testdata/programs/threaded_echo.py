# program: an echo server with one threading.Thread per client, served to a python3 client
# peer: peers/multi_client.py 62033 2 (after tcp:62033)
import socket
import threading

results = []
lock = threading.Lock()


def handle(conn, number):
    total = 0
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
            total += len(data)
    with lock:
        results.append((number, total))


server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 62033))
server.listen()
threads = []
for number in range(2):
    conn, addr = server.accept()
    t = threading.Thread(target=handle, args=(conn, number))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
server.close()
print(sorted(results))
print("threads alive:", [t.is_alive() for t in threads], threading.active_count())
