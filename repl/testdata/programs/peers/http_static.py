# peer: http.server answering one request with a fixed text body, quietly.
import http.server
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"You asked for {self.path}\nUser-Agent was {self.headers['User-Agent']}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        print("peer:", format % args)


http.server.HTTPServer.allow_reuse_address = True
with http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler) as httpd:
    httpd.timeout = 15
    httpd.handle_request()
