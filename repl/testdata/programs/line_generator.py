# program: generators that split a byte stream into lines (yield, yield from, generator expressions)
# peer: none
import socket


def chunks(sock, size=7):
    """Yield what recv returns until the peer closes."""
    while True:
        data = sock.recv(size)
        if not data:
            return
        yield data


def lines(sock):
    """Yield complete lines, without their newline, as they arrive."""
    pending = b""
    for chunk in chunks(sock):
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            yield line
    if pending:
        yield pending  # a last line with no newline


def numbered(sources):
    count = 0
    for src in sources:
        for line in src:
            count += 1
            yield count, line


def all_lines(*socks):
    for s in socks:
        yield from lines(s)


a, b = socket.socketpair()
c, d = socket.socketpair()
a.sendall(b"GET / HTTP/1.0\nHost: example\n\nbody without newline")
a.close()
c.sendall(b"one\ntwo\nthree\n")
c.close()

msgs = list(all_lines(b, d))
print(msgs)
print("total bytes:", sum(len(m) for m in msgs))
print("longest:", max(msgs, key=len))
print("empty lines:", sum(1 for m in msgs if not m))
print("upper:", [m.upper() for m in msgs if m.startswith(b"t")])

gen = numbered([[b"x", b"y"], (b"z",)])
print(next(gen))
for n, line in gen:
    print(n, line)
try:
    next(gen)
except StopIteration:
    print("generator finished")

squares = (n * n for n in range(5))
print(type(squares).__name__, list(squares), list(squares))
print(any(m == b"two" for m in msgs), all(len(m) < 40 for m in msgs))
print(", ".join(m.decode() for m in msgs[-3:]))
b.close()
d.close()
