# threading and queue, with results that do not depend on scheduling.
import socket, threading, queue, time
q = queue.Queue()
def producer(n):
    for i in range(n):
        q.put(i * i)
    q.put(None)

t = threading.Thread(target=producer, args=(4,), name="producer")
t
t.start()
items = []
while True:
    item = q.get()
    if item is None:
        break
    items.append(item)

items
t.join()
t.is_alive()
t.name, t.daemon
q.qsize(), q.empty()
q.get_nowait()
q.get(timeout=0.01)
full = queue.Queue(maxsize=1)
full.put(1)
full.put(2, block=False)
full.full()
lock = threading.Lock()
lock.acquire(), lock.locked()
lock.acquire(False)
lock.release()
lock.release()
r = threading.RLock()
r.acquire(), r.acquire()
r.release(); r.release()
r.release()
ev = threading.Event()
ev.is_set(), ev.wait(0.01)
ev.set(); ev.wait(), ev.is_set()
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))

w = Worker(10)
w.start(); w.join()
w.name, w.result
w.start()
threading.current_thread().name
threading.main_thread() is threading.current_thread()
threading.active_count()
total = 0
guard = threading.Lock()
def add():
    global total
    for _ in range(500):
        with guard:
            total += 1

workers = [threading.Thread(target=add) for _ in range(4)]
for x in workers:
    x.start()

for x in workers:
    x.join()

total
a, b = socket.socketpair()
def echo_once():
    b.sendall(b.recv(100).upper())

e = threading.Thread(target=echo_once)
e.start()
a.sendall(b"thread"); a.recv(100)
e.join()
u = threading.Thread(target=lambda: None)
u.join()
q.task_done()
repr(threading.current_thread()).split(',')[0], threading.current_thread().name

# Condition: consumers wait_for items a producer appends and notifies
import threading
from collections import deque

items = deque()
cond = threading.Condition()
done = []

def consumer(name):
    while True:
        with cond:
            cond.wait_for(lambda: items)
            item = items.popleft()
        if item is None:
            done.append(name)
            return
        done.append((name, item))

threads = [threading.Thread(target=consumer, args=(f"c{i}",)) for i in range(2)]
for t in threads:
    t.start()

for i in range(5):
    with cond:
        items.append(i)
        cond.notify()

for _ in threads:
    with cond:
        items.append(None)
        cond.notify_all()

for t in threads:
    t.join()

print(sorted(x[1] for x in done if isinstance(x, tuple)), sorted(x for x in done if isinstance(x, str)))
c = threading.Condition(threading.Lock())
with c:
    print(c.wait(0.01), c.wait_for(lambda: 7, 0.01), c.wait_for(lambda: 0, 0.01))

try:
    c.wait(0)
except RuntimeError as e:
    print(e)

try:
    c.notify()
except RuntimeError as e:
    print(e)

r = threading.Condition()
with r:
    with r:
        print(r.wait(0.01))
    print("still held")

# Timer: a thread that calls its function after a delay, unless cancelled
import threading
import time
fired = []
t = threading.Timer(0.05, fired.append, args=["late"])
t.start()
t.join()
c = threading.Timer(5, fired.append, ["never"])
c.start()
c.cancel()
c.join()
k = threading.Timer(0.01, lambda **kw: fired.append(kw), kwargs={"a": 1})
k.daemon = True
k.start()
k.join()
print(fired, isinstance(t, threading.Thread), isinstance(t, threading.Timer), t.interval, t.finished.is_set(), t.is_alive())
print(type(t).__name__)

# Only a thread given no name takes a number
named = threading.Thread(target=print, name="worker")
zero = threading.Thread(name=0)
blank = threading.Thread(name="")
plain = threading.Thread()
int(plain.name.split("-")[1]) - int(blank.name.split("-")[1]), int(blank.name.split("-")[1]) - int(zero.name.split("-")[1]), named.name

# threading.local: each thread its own attributes
import threading
local = threading.local()
local.name = "main"
seen = []
def worker(n):
    try:
        local.name
    except AttributeError as e:
        seen.append(("fresh", str(e)))
    local.name = f"worker {n}"
    seen.append(local.name)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()

for t in ts:
    t.join()

print(local.name, sorted(map(str, seen)))
del local.name
print(hasattr(local, "name"), type(local).__name__)
