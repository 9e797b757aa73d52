# with statements.
import socket
class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow

with Managed("a") as v:
    print("inside", v)

with Managed("a") as x, Managed("b") as y:
    print(x, y)

with Managed("s", True):
    1/0

print("after swallow")
with Managed("t"):
    raise KeyError("k")

def use():
    for i in range(3):
        with Managed(str(i)) as m:
            if i == 1:
                continue
            if i == 2:
                return m
            print("loop", m)

use()
with socket.socket() as s:
    s.fileno() > 2

s.fileno()
s
a, b = socket.socketpair()
with a, b:
    a.sendall(b"hi")
    b.recv(2)

a.fileno(), b.fileno()
