# program: length-prefixed JSON messages over a socketpair: struct.Struct headers, an io.BytesIO reassembly buffer fed by small recv()s, datetime arithmetic, an Internet checksum with array, and traceback for the requests that fail
# peer: none
import array
import datetime
import io
import json
import socket
import struct
import sys
import traceback

HEADER = struct.Struct("!IH")  # body length, checksum of the body
EPOCH = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.timezone.utc)


def checksum(data):
    """The 16-bit ones' complement sum that IP, TCP and ICMP headers use."""
    if len(data) % 2:
        data += b"\0"
    words = array.array("H", data)
    if sys.byteorder == "little":
        words.byteswap()
    total = sum(words)
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def frame(obj):
    body = json.dumps(obj, sort_keys=True).encode("utf-8")
    return HEADER.pack(len(body), checksum(body)) + body


class Receiver:
    """Keeps what recv() returned until whole messages are there."""

    def __init__(self, sock):
        self.sock = sock
        self.pending = io.BytesIO()

    def feed(self, size):
        chunk = self.sock.recv(size)
        self.pending.write(chunk)
        return len(chunk)

    def messages(self):
        data = self.pending.getvalue()
        while len(data) >= HEADER.size:
            length, check = HEADER.unpack_from(data)
            if len(data) < HEADER.size + length:
                break
            body = data[HEADER.size:HEADER.size + length]
            data = data[HEADER.size + length:]
            if checksum(body) != check:
                yield {"op": "corrupt", "body": body.hex()}
                continue
            try:
                yield json.loads(body)
            except json.JSONDecodeError as e:
                yield {"op": "bad json", "msg": e.msg, "pos": e.pos}
        self.pending = io.BytesIO()
        self.pending.write(data)


def handle(request):
    op = request["op"]
    if op == "add":
        return {"sum": sum(request["args"])}
    if op == "later":
        when = EPOCH + datetime.timedelta(**request["delta"])
        return {"at": when.isoformat(), "day": when.strftime("%A %d %B"), "after": str(when - EPOCH)}
    if op == "div":
        a, b = request["args"]
        return {"quotient": a / b}
    raise ValueError("unknown op " + repr(op))


client, server = socket.socketpair()
requests = [
    {"op": "add", "args": [1, 2, 3.5]},
    {"op": "later", "delta": {"days": 2, "hours": 30, "minutes": 5}},
    {"op": "div", "args": [7, 0]},
    {"op": "shout", "text": "héllo"},
    {"op": "later", "delta": {"weeks": -1}},
]
stream = b"".join(frame(r) for r in requests)
bad = b'{"op": add}'
stream += HEADER.pack(len(bad), checksum(bad)) + bad
stream += HEADER.pack(4, 0) + b"junk"
client.sendall(stream)
client.shutdown(socket.SHUT_WR)
print("sent", len(stream), "bytes in", len(requests) + 2, "frames; checksum of the lot", hex(checksum(stream)))

receiver = Receiver(server)
pieces = 0
while receiver.feed(13):
    pieces += 1
    for request in receiver.messages():
        try:
            reply = handle(request)
        except Exception as e:
            report = traceback.format_exception_only(e)[-1].strip()
            print("request", json.dumps(request, ensure_ascii=False), "failed:", report)
            continue
        print(json.dumps(request, sort_keys=True), "->", json.dumps(reply, sort_keys=True))
print("read in", pieces, "pieces;", len(receiver.pending.getvalue()), "bytes left over")
print(json.dumps({"epoch": EPOCH.isoformat(), "week": str(datetime.timedelta(weeks=1))}, indent=2))
client.close()
server.close()
