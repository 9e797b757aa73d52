# 100,000 non-blocking recv() calls that raise BlockingIOError, each
# caught by try/except: the cost of an exception that a program expects.
import socket

a, b = socket.socketpair()
a.setblocking(False)


def drain(n):
    caught = 0
    for _ in range(n):
        try:
            a.recv(10)
        except BlockingIOError:
            caught += 1
    return caught


print(drain(100000))
