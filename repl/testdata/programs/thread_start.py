# program: what runs first after Thread.start(): the new thread, until it waits, as in CPython; a worker that records its start, then serves one socketpair request
# peer: none
import socket
import threading

events = []
request_ready = threading.Event()
ours, theirs = socket.socketpair()


def worker(name):
    events.append(name + " running")
    request_ready.wait()
    events.append(name + " got " + repr(theirs.recv(100)))
    theirs.sendall(b"done")


t = threading.Thread(target=worker, args=("worker",))
t.start()
events.append("main after start()")
ours.sendall(b"job 1")
request_ready.set()
events.append("main got " + repr(ours.recv(100)))
t.join()
for e in events:
    print(e)
ours.close()
theirs.close()
