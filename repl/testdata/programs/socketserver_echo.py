# program: a socketserver echo server with ThreadingMixIn, its client in the main thread
# peer: none
import socket
import socketserver
import threading


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(b"echo: " + data)


class ThreadedTCPServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def ask(port, message):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("127.0.0.1", port))
        sock.sendall(message)
        return sock.recv(1024)


with ThreadedTCPServer(("127.0.0.1", 62014), EchoHandler) as server:
    host, port = server.server_address
    print("server at", host, port)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    print("serving in a thread:", t.is_alive())
    for word in [b"alpha", b"beta", b"gamma"]:
        print(ask(port, word))
    server.shutdown()
    t.join()
    print("after shutdown:", t.is_alive())
