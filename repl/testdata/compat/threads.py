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
