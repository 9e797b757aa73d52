# socket.makefile: the three layers, reading lines, writing through the
# buffer, newline and encoding rules, the socket outliving its files,
# closed files and misuse.
import socket, select
a, b = socket.socketpair()
def pending(s):
    # How many bytes have reached s: what a forgotten flush() keeps back.
    s.setblocking(False)
    n = 0
    try:
        while True:
            d = s.recv(1 << 20)
            if not d:
                break
            n += len(d)
    except BlockingIOError:
        pass
    s.setblocking(True)
    return n

for mode in ['r', 'w', 'rb', 'wb', 'rwb', 'br', '']:
    f = a.makefile(mode)
    print(repr(f).split(' at ')[0].replace('name=%d ' % a.fileno(), 'name=N ').replace('name=%d>' % a.fileno(), 'name=N>'), f.closed, f.readable(), f.writable())
    f.close()

a.makefile('rw')
a.makefile('rb', 0)
a.makefile('x')
a.makefile('rt')
a.makefile(5)
a.makefile('r', 0)
a.makefile('r', 'x')
a.makefile('r', encoding='nope')
a.makefile('r', newline='x')
a.makefile('r', errors=5)
a.makefile('r', encoding=5)
a.makefile('r', None, 'utf-8')
repr(a.makefile(mode='rb', buffering=-1)) == '<_io.BufferedReader name=%d>' % a.fileno()
a.makefile(bogus=1)
f = a.makefile('rb')
f.name == a.fileno(), f.mode, f.seekable(), f.isatty(), f.fileno() == a.fileno()
b.sendall(b'line1\nline2\nrest')
f.readline()
f.readline(2)
f.readline(-1)
f.read1(2)
f.peek()
b.sendall(b'abc\r\ndef\rghi\n')
f.read(3)
f.readline()
f.readlines(1)
b.sendall(b'z' * 10)
f.read1()
f.readline('x')
f.read('x')
f.write(b'x')
f.tell()
f.raw.mode, f.raw.name == a.fileno()
f.close()
f.read()
f.readline()
f.readlines()
f.fileno()
f.name, f.closed
f.close()
# A non-blocking socket: nothing queued reads as None; a timeout is final.
g = a.makefile('rb')
a.setblocking(False)
g.read(5)
g.readline()
a.settimeout(0.05)
g.read(5)
g.read(5)
a.settimeout(None)
g.close()
# Writing: data waits in the buffer until it is full, flush() or close().
w = a.makefile('wb')
for size in [100, 8000, 92, 1, 5000, 20000, 3]:
    w.write(b'x' * size)
    print('wb', size, pending(b))

w.flush()
pending(b)
w.write(b'abc'), w.write(bytearray(b'de'))
w.write('str')
w.read()
w.readline()
w.writelines([b'1', b'2'])
w.close()
pending(b)
w.write(b'x')
w.flush()
t = a.makefile('w')
t.encoding, t.errors, t.newlines, t.line_buffering, t.mode
for size in [100, 8000, 92, 1, 5000, 20000, 3, 8192, 8193]:
    t.write('x' * size)
    print('w', size, pending(b))

t.write(b'bytes')
t.write(5)
t.read()
t.readline()
t.seek(0)
t.write('héllo')
t.close()
b.recv(100)
t.write('x')
t.flush()
t.name
w100 = a.makefile('wb', 100)
for size in [50, 50, 1, 99, 200]:
    w100.write(b'x' * size)
    print('wb100', size, pending(b))

w100.close()
for nl in [None, '', '\n', '\r', '\r\n']:
    t = a.makefile('w', newline=nl)
    t.write('a\nb\r\n')
    t.close()
    print(repr(nl), b.recv(100))

# Reading text: universal newlines, the newline argument, encodings.
r = b.makefile('r')
a.sendall(b'abc\r\ndef\rghi\nj\xc3\xa9\r\nmore\n')
r.readline(), r.readline(), r.readline(), r.readline(1), r.readline(5)
r.newlines
r.readline()
r.readline(None)
r.close()
for nl in ['', '\n', '\r\n', '\r']:
    p, q = socket.socketpair()
    p.sendall(b'one\r\ntwo\rthree\nfour\r\n')
    p.close()
    r = q.makefile('r', newline=nl)
    print(repr(nl), r.readlines(), r.newlines)
    r.close()
    q.close()

a.sendall('h\xe9\n'.encode('latin-1'))
r = b.makefile('r', encoding='latin-1')
r.encoding, r.readline()
r.close()
a.sendall(b'h\xe9\n')
r = b.makefile('r', encoding='ascii', errors='replace')
r.readline()
r.close()
a.sendall('split é'.encode('utf-8')[:-1])
r = b.makefile('r')
select.select([r], [], [], 0)[0] == [r]
a.sendall('split é'.encode('utf-8')[-1:] + b'\nrest')
r.readline()
a.shutdown(socket.SHUT_WR)
r.read()
r.read()
r.readline()
r.close()
# Iteration and with; the socket stays open until its files are closed.
c, d = socket.socketpair()
c.sendall(b'first\nsecond\nthird')
c.shutdown(socket.SHUT_WR)
with d.makefile('rb') as lines:
    for n, line in enumerate(lines, start=1):
        print(n, line)

lines.closed
e = d.makefile('r')
d.close()
d.fileno() != -1
e.read()
e.close()
d.fileno()
d
x, y = socket.socketpair()
with x.makefile('w') as out2:
    print('sent on leaving the block', file=out2)

y.recv(100)
raw = y.makefile('rb', 0)
x.sendall(b'ab\ncd')
raw.readline()
raw.read(10)
raw.read(0)
raw
raw.close()
iter(raw)
rw = x.makefile('rwb')
rw.write(b'pair\n')
rw.flush()
y.recv(10)
y.sendall(b'back\n')
rw.readline()
rw.fileno()
rw.name
rw.close()
# A write to a text file drops the text it had decoded ahead.
rw2 = y.makefile('rw')
x.sendall(b'one\ntwo\n')
rw2.readline()
rw2.write('w')
x.sendall(b'three\n')
rw2.readline()
rw2.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.sendfile(x.makefile('rb'))
x.sendfile(y.makefile('r'))
x.sendfile(y.makefile('rb'), count=0)
x.sendfile(y.makefile('rb'), count='x')
x.sendfile(y.makefile('rb'))
for s in (a, b, c, x, y, u):
    s.close()

# A socket closed while a file made from it is open is "[closed]" in its
# repr but keeps its descriptor until the file closes.
p, q = socket.socketpair()
pf = p.makefile('r')
p.close()
repr(p).replace('fd=%d' % p.fileno(), 'fd=N')
p.fileno() >= 0
pf.close()
p
p.fileno()
q.close()
