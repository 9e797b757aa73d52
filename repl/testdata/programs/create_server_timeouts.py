# program: socket.create_server and create_connection with timeouts; accept() and recv() timing out
# peer: none
import socket

ADDR = ("127.0.0.1", 62035)

server = socket.create_server(ADDR, reuse_port=False, backlog=4)
print("server type:", server.type == socket.SOCK_STREAM, "timeout:", server.gettimeout())
server.settimeout(0.1)
try:
    server.accept()
except socket.timeout as e:
    print("accept:", e)

client = socket.create_connection(ADDR, timeout=2.5)
print("client timeout:", client.gettimeout(), "blocking:", client.getblocking())
conn, addr = server.accept()
print("accepted socket inherits no timeout:", conn.gettimeout())
print("peer of accepted socket is the client:", addr == client.getsockname())

conn.settimeout(0.05)
try:
    conn.recv(100)
except TimeoutError as e:
    print("recv:", repr(e), e.errno)

client.sendall(b"now there is data")
print(conn.recv(100))

socket.setdefaulttimeout(1.5)
other = socket.socket()
print("default timeout:", socket.getdefaulttimeout(), other.gettimeout())
socket.setdefaulttimeout(None)
other.close()

for s in (conn, client, server):
    s.close()
print("all closed:", [s.fileno() for s in (conn, client, server)])
