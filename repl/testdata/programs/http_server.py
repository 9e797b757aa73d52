# program: a tiny HTTP server written on a raw socket, answering a python3 http.client request
# peer: peers/http_client.py 62020 (after tcp:62020)
import socket

RESPONSE_BODY = "<h1>Hello from a raw socket</h1>\n"


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    head = data.split(b"\r\n\r\n")[0].decode("ascii")
    request_line, *lines = head.split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return request_line, headers


def respond(conn, status, body):
    payload = body.encode("utf-8")
    head = [
        f"HTTP/1.1 {status}",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(payload)}",
        "Connection: close",
        "",
        "",
    ]
    conn.sendall("\r\n".join(head).encode("ascii") + payload)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 62020))
server.listen(5)
for _ in range(2):
    conn, addr = server.accept()
    request_line, headers = read_request(conn)
    method, path, version = request_line.split()
    print(method, path, version)
    for name in sorted(headers):
        print(f"  {name}: {headers[name]}")
    if path == "/":
        respond(conn, "200 OK", RESPONSE_BODY)
    else:
        respond(conn, "404 Not Found", f"no page at {path}\n")
    conn.close()
server.close()
