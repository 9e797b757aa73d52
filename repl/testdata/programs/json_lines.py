# program: newline-delimited JSON requests and replies over a socketpair, with a dict of handlers
# peer: none
import json
import socket


def handle_add(params):
    return sum(params["numbers"])


def handle_echo(params):
    return params


handlers = {"add": handle_add, "echo": handle_echo}


def serve_one(line):
    try:
        request = json.loads(line)
        handler = handlers[request["method"]]
        result = handler(request.get("params", {}))
        reply = {"id": request["id"], "result": result}
    except KeyError as e:
        reply = {"id": None, "error": f"missing or unknown {e}"}
    except json.JSONDecodeError as e:
        reply = {"id": None, "error": f"bad JSON at column {e.colno}"}
    return json.dumps(reply, sort_keys=True)


client, server = socket.socketpair()
requests = [
    {"id": 1, "method": "add", "params": {"numbers": [1, 2, 3.5]}},
    {"id": 2, "method": "echo", "params": {"text": "h\u00e9llo", "ok": True, "none": None}},
    {"id": 3, "method": "divide"},
]
for req in requests:
    client.sendall(json.dumps(req).encode() + b"\n")
client.sendall(b"{not json}\n")
client.shutdown(socket.SHUT_WR)

data = b""
while True:
    chunk = server.recv(100)
    if not chunk:
        break
    data += chunk
for line in data.decode().splitlines():
    server.sendall(serve_one(line).encode() + b"\n")
server.close()

replies = client.makefile("r").read().splitlines()
client.close()
for r in replies:
    print(r)
print(json.dumps(json.loads(replies[1]), indent=2))
print(json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":")), json.dumps("\u00e9", ensure_ascii=False))
