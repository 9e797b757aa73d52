# Length-prefixed messages cut out of a stream that arrives 4 KiB at a
# time, with struct.unpack and slices: a framing helper's shape.
import struct

msgs = []
for i in range(20000):
    body = ("message %d" % i).encode()
    msgs.append(struct.pack("!I", len(body)) + body)
stream = b"".join(msgs)

buf = b""
out = 0
pos = 0
while pos < len(stream):
    buf += stream[pos:pos + 4096]
    pos += 4096
    while len(buf) >= 4:
        (n,) = struct.unpack("!I", buf[:4])
        if len(buf) < 4 + n:
            break
        body, buf = buf[4:4 + n], buf[4 + n:]
        out += len(body.decode())
print(out)
