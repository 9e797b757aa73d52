# program: a pool of threads all blocked in accept() on one listening socket (the Python Cookbook's pre-started server threads): each connection goes to one of them, the others keep waiting, and the program still ends when the main thread is done
# peer: none
import socket
import threading

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 62048))
listener.listen(16)

served = []
lock = threading.Lock()
all_served = threading.Event()


def worker():
    while True:
        conn, addr = listener.accept()
        with conn:
            number = int(conn.recv(64))
            conn.sendall(str(number * number).encode())
        with lock:
            served.append(number)
            if len(served) == 10:
                all_served.set()


for i in range(4):
    threading.Thread(target=worker, daemon=True).start()

for n in range(1, 11):
    with socket.create_connection(("127.0.0.1", 62048)) as client:
        client.sendall(str(n).encode())
        print(n, "squared is", client.recv(64).decode())

all_served.wait()
print("served:", sorted(served))
