# program: socket.makefile for line-oriented protocols: readline, iteration, write and flush
# peer: none
import socket

a, b = socket.socketpair()

with a.makefile("w", encoding="utf-8", newline="\n") as out:
    out.write("HELO client.example\n")
    out.write("MAIL FROM:<alice@example.org>\n")
    print("RCPT TO:<bob@example.org>", file=out)
    out.flush()
a.sendall(b"DATA\nQUIT\n")
a.shutdown(socket.SHUT_WR)

with b.makefile("rb") as f:
    first = f.readline()
    print("first line:", first)
    for number, line in enumerate(f, start=2):
        print(number, line.rstrip(b"\n").decode())
    print("at end:", f.readline())

a.close()
print(b.fileno() != -1, "(the socket outlives its file)")
b.close()

c, d = socket.socketpair()
c.sendall("température 21°C\nligne deux\n".encode("utf-8"))
c.close()
reader = d.makefile("r", encoding="utf-8")
print(reader.readline(), end="")
print(reader.read())
reader.close()
d.close()
