# program: a threaded socketserver written with the pre-3.10 threading names (setDaemon, getName, currentThread): each warns once on stderr, with its line
# peer: none
import socket
import socketserver
import threading


class UpperHandler(socketserver.BaseRequestHandler):
    def handle(self):
        line = self.request.recv(256)
        # called from a handler thread: warns once, at this line
        named = threading.currentThread().getName() != ""
        self.request.sendall(line.upper() + (b" (named)" if named else b""))


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True


server = Server(("127.0.0.1", 62047), UpperHandler)
runner = threading.Thread(target=server.serve_forever)
runner.setDaemon(True)
print("daemon?", runner.isDaemon())
runner.start()

for word in ["first", "second", "third"]:
    conn = socket.create_connection(server.server_address)
    conn.sendall(word.encode())
    print(conn.recv(256))
    conn.close()

server.shutdown()
server.server_close()
runner.join()
print("threads left:", threading.activeCount())
