# program: an HTTP/1.0 GET written by hand to a python3 http.server peer, parsing Content-Length
# peer: peers/http_static.py 62018 (before, tcp:62018)
import socket

HOST, PORT = "127.0.0.1", 62018

request = (
    "GET /greeting.txt HTTP/1.0\r\n"
    f"Host: {HOST}:{PORT}\r\n"
    "User-Agent: hand-written\r\n"
    "\r\n"
)

with socket.create_connection((HOST, PORT)) as s:
    s.sendall(request.encode("ascii"))
    response = b""
    while True:
        chunk = s.recv(512)
        if not chunk:
            break
        response += chunk

head, _, body = response.partition(b"\r\n\r\n")
status_line, *header_lines = head.decode("iso-8859-1").split("\r\n")
version, code, reason = status_line.split(" ", 2)
headers = {}
for line in header_lines:
    name, _, value = line.partition(":")
    headers[name.strip().lower()] = value.strip()

print("version:", version, "status:", int(code), "reason:", reason)
print("header names:", sorted(headers))
print("content-type:", headers["content-type"])
length = int(headers.get("content-length", "-1"))
print("content-length:", length, "body bytes:", len(body), "match:", length == len(body))
print(body.decode("utf-8"), end="")
