# peer: two requests with http.client; prints what came back.
import http.client
import sys

port = int(sys.argv[1])
for path in ["/", "/missing"]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    c.request("GET", path, headers={"X-Test": "yes"})
    r = c.getresponse()
    print("peer:", r.status, r.reason, r.getheader("Content-Length"), r.read())
    c.close()
