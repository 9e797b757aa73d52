# program: settimeout, socket.timeout and TimeoutError, on UDP and TCP
# peer: none
import socket

print(socket.timeout is TimeoutError, issubclass(socket.timeout, OSError))

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.settimeout(0.2)
print("timeout:", udp.gettimeout(), "blocking:", udp.getblocking())
udp.sendto(b"anyone there?", ("127.0.0.1", 62010))
try:
    data, addr = udp.recvfrom(1024)
except socket.timeout as e:
    print("no reply:", e, type(e).__name__, e.args, e.errno)

# A connected UDP socket hears the ICMP "port unreachable" for what it sent.
udp.connect(("127.0.0.1", 62010))
udp.send(b"anyone?")
try:
    udp.recv(1024)
except ConnectionRefusedError as e:
    print("refused:", e)
except TimeoutError:
    print("timed out instead")
udp.close()

a, b = socket.socketpair()
b.settimeout(0.1)
for attempt in range(3):
    try:
        data = b.recv(10)
    except TimeoutError as e:
        print(f"attempt {attempt}: {e!r}")
        if attempt == 1:
            a.send(b"late data")
        continue
    else:
        print("received", data, "on attempt", attempt)
    break

b.settimeout(None)
print("timeout now", b.gettimeout(), b.getblocking())
b.setblocking(False)
print("timeout now", b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, isinstance(e, OSError), isinstance(e, TimeoutError))
a.close()
b.close()
