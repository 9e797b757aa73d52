# program: a small TCP port scanner with connect_ex over a range, some of it listened on by the program itself
# peer: none
import socket

HOST = "127.0.0.1"
FIRST, LAST = 62036, 62039
open_ports = []
scanned = 0


def scan(port, timeout=0.5):
    global scanned
    scanned += 1
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        return s.connect_ex((HOST, port))


listeners = []
for port in (FIRST, LAST - 1):
    l = socket.socket()
    l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind((HOST, port))
    l.listen()
    listeners.append(l)

for port in range(FIRST, LAST + 1):
    code = scan(port)
    if code == 0:
        open_ports.append(port)
        state = "open"
    else:
        state = f"closed ({code})"
    print(f"{HOST}:{port:<6} {state}")

first, *others = open_ports
print("first open:", first, "others:", others)
(count,) = [len(open_ports)]
print("scanned", scanned, "ports,", count, "open")
assert scanned == LAST - FIRST + 1, "every port was scanned"

fmt = lambda port, width=8: str(port).rjust(width, ".")
print(fmt(FIRST), fmt(LAST, 6))

for l in listeners:
    l.close()
del listeners
try:
    print(listeners)
except NameError as e:
    print(e)

for port in open_ports:
    if port == 0:
        break
else:
    print("no break: the loop's else ran")

try:
    assert open_ports == [], "expected no open ports"
except AssertionError as e:
    print("AssertionError:", e)
