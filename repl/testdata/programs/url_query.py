# program: an HTTP GET with a query string built by urllib.parse, served in the same program: the server splits the target with urlsplit and parse_qs, the client reads the reply into a bytearray through memoryview slices
# peer: none
import json
import socket
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

ADDR = ("127.0.0.1", 62200)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(ADDR)
listener.listen(1)

query = urlencode({"q": "sockets & select", "lang": "en", "page": 2, "tag": ["tcp", "udp"]}, doseq=True)
url = "http://%s:%d/search/%s?%s#top" % (ADDR[0], ADDR[1], quote("half close"), query)
parts = urlsplit(url)
print("url     ", url)
print("split   ", parts.scheme, parts.hostname, parts.port, parts.path, parts.fragment)

client = socket.create_connection((parts.hostname, parts.port))
target = parts.path + "?" + parts.query
client.sendall(("GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" % (target, parts.netloc)).encode("ascii"))

conn, _ = listener.accept()
request = b""
while b"\r\n\r\n" not in request:
    request += conn.recv(64)
method, raw_target, version = request.split(b"\r\n")[0].decode("ascii").split()
seen = urlsplit(raw_target)
params = parse_qs(seen.query)
print("server  ", method, unquote(seen.path), version)
print("params  ", sorted(params.items()))
body = json.dumps({"path": unquote(seen.path), "query": params, "page": int(params["page"][0])}).encode()
conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
conn.close()

reply = bytearray(4096)
view = memoryview(reply)
got = 0
while True:
    n = client.recv_into(view[got:], 50)
    if n == 0:
        break
    got += n
client.close()
listener.close()
head, _, payload = bytes(view[:got]).partition(b"\r\n\r\n")
status, *headers = head.decode("ascii").split("\r\n")
print("client  ", status, "|", got, "bytes")
for line in headers:
    name, _, value = line.partition(": ")
    print("   ", name.lower(), "=", value)
print("json    ", json.loads(payload))
