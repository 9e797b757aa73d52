# io.BytesIO and io.StringIO: in-memory files.
import io
b = io.BytesIO()
type(b), io.BytesIO, isinstance(b, io.BytesIO)
b.write(b'hello\nworld\n'), b.write(bytearray(b'x')), b.tell()
b.write('str')
b.write(5)
b.getvalue(), b.read(), b.seek(0)
b.readline(), b.readline(2), b.readline(-1), b.read(3), b.read(-1), b.read(None)
b.seek(-1)
b.seek(0, 3)
b.seek(-2, 2), b.read(), b.seek(2, 1), b.seek(-500, 1), b.seek(100)
b.write(b'Z'), len(b.getvalue()), b.getvalue()[-3:]
b.seek(0)
[len(x) for x in b]
b.seek(0)
len(b.readlines())
b.truncate(3), b.getvalue(), b.tell()
b.readable(), b.writable(), b.seekable(), b.closed, b.isatty(), b.flush()
b.fileno()
b.close()
b.closed
b.read()
b.getvalue()
b.write(b'x')
b.seek(0)
b.tell()
for line in b:
    print(line)

b.close()
io.BytesIO(b'abc').read(), io.BytesIO(initial_bytes=b'q').getvalue(), io.BytesIO(None).getvalue()
io.BytesIO('abc')
io.BytesIO(b'abc', 1)
io.BytesIO(initial=b'x')
with io.BytesIO(b'a\nb') as f:
    print(f.readlines(), f.closed)

f.closed
with f:
    pass

io.BytesIO(b'abc').read('x')
io.BytesIO(b'abc').read(1.5)
io.BytesIO(b'abc').seek('x')
io.BytesIO(b'abc').seek(1.0)
io.BytesIO(b'abc').seek()
io.BytesIO(b'abc').seek(2**64)
io.BytesIO(b'abc').seek(0, 'x')
buf = bytearray(2)
io.BytesIO(b'abc').readinto(buf), buf
io.BytesIO(b'abc').readinto(b'xx')
io.BytesIO(b'abc').nope
io.BytesIO(b'a\nb\n').readlines(1), io.BytesIO(b'a\nb\n').readlines(0)
io.BytesIO(b'abc').readlines('x')
io.BytesIO(b'abc').getvalue(1)
io.BytesIO(b'abc').write()
io.BytesIO(b'abc').write(b'a', b'b')
bb = io.BytesIO(b'abc')
bb.writelines([b'x', bytearray(b'y')]), bb.getvalue()
bb.writelines(5)
bb.writelines(['a'])
io.BytesIO(b'abc').truncate(-1)
io.BytesIO(b'abc').truncate('x')
x = io.BytesIO(b'abc')
x.truncate(10), x.getvalue(), x.truncate(), x.truncate(None)
s = io.StringIO()
type(s), s.write('héllo\nworld\n'), s.tell(), s.getvalue()
s.write(b'x')
s.write(5)
s.seek(0), s.readline(), s.read(3), s.seek(0, 1), s.seek(0, 2)
s.seek(1, 1)
s.seek(1, 2)
s.seek(-1)
s.seek(0, 5)
s.seek(50), s.write('Z'), len(s.getvalue())
io.StringIO('a\r\nb\rc\n').readlines(), io.StringIO('a\r\nb\rc\n').getvalue()
io.StringIO('a\r\nb\rc\n', newline='').readlines()
io.StringIO('a\r\nb\rc\n', newline=None).readlines()
io.StringIO('a\nb\n', newline='\r\n').getvalue(), io.StringIO('a\nb\n', newline='\r').readlines()
t = io.StringIO(newline='\r\n')
t.write('a\nb\n'), t.getvalue(), t.seek(0), t.readlines()
u = io.StringIO(newline=None)
u.write('a\r\nb\rc'), u.getvalue(), u.tell()
io.StringIO('abc', newline=5)
io.StringIO('abc', 'x')
io.StringIO(b'abc')
io.StringIO(5)
io.StringIO('a', '\n', 3)
io.StringIO(None).getvalue(), io.StringIO(initial_value='q').read(), list(io.StringIO('x\ny'))
io.StringIO('abc').read(None), io.StringIO('abc').truncate(1), io.StringIO('abc').readline(1), io.StringIO('abc').readline(-1)
io.StringIO('abc').truncate(-1)
io.StringIO('abc').readlines('x')
with io.StringIO('q') as f:
    pass

f.read()
f.getvalue()
f.closed
io.StringIO('abc').nope
io.StringIO('abc').fileno()
io.StringIO('abc').newlines, io.StringIO('ab').line_buffering, io.StringIO().encoding, io.StringIO('x').readable()
o = io.StringIO()
print('a', 1, file=o)
print('b', end='', file=o)
o.getvalue()
issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError), io.SEEK_END
try:
    io.BytesIO().fileno()
except OSError as e:
    print('caught', type(e).__name__, e)

it = io.BytesIO(b'1\n2\n3')
next(it), next(it), next(it), next(it, 'end')
next(it)

raw = b'{"a": 1, "b": "caf\xc3\xa9"}'
t = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline="")
import json
json.load(t)
t.close()
t.closed
t = io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\rthree\nfour"))
t.readline(), t.readline(), t.read()
list(io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\n"), newline=""))
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8")
w.write("h\xe9llo\n")
w.flush()
b.getvalue()
w.buffer is b, w.encoding
with io.TextIOWrapper(io.BytesIO(b"x\ny\n")) as f:
    for line in f:
        print(repr(line))

try:
    io.TextIOWrapper(io.BytesIO(b""), encoding="nope")
except LookupError as e:
    print("LookupError", e)

import socket
a, z = socket.socketpair()
a.sendall(b'line one\nline two\n')
a.close()
tw = io.TextIOWrapper(z.makefile('rb'), encoding='utf-8')
tw.readline(), tw.readline(), tw.readline()
tw.close()
z.close()

class Recorder:
    def write(self, s):
        print("write", repr(s))
    def flush(self):
        print("flushed")

print("x", 1, file=Recorder(), sep="-", flush=True)
print("y", file=Recorder(), end="")
print(file=Recorder())
print("z", file=5)

# list(), sorted(), max() of a file-like iterator loop with the caller's thread: a failure raises
f = io.BytesIO(b"a\nb")
list(f), sorted(io.BytesIO(b"b\na\n")), max(io.BytesIO(b"x\ny")), tuple(io.BytesIO(b"q"))
f.close()
list(f)
sorted(f)
