import socket
# Mistakes learners make with sockets, line by line as CPython answers them.
s = socket.socket()
s.bind(('127.0.0.1', 70000))
s.bind('127.0.0.1')
s.bind(('nosuchhost.invalid', 80))
s.connect(('127.0.0.1', 1))
s.recv(10)
s.send('text')
s.listen('x')
s.settimeout(-1)
s.accept()
s.close()
s.recv(1)
s.fileno()
socket.socket(99)
socket.htons(70000)
socket.inet_aton('1.2.3')
s.nosuch
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
c = socket.socket()
c.connect(srv.getsockname())
c.connect(srv.getsockname())
c.connect_ex(srv.getsockname())
x = bytearray(b'abc')
x[x:10]
[1,2][[]:1]
'abc'['a':]
b'abc'[1:'b']
(1,2)[::'x']
x[1:2:0]
memoryview(b'abc')['a':]
x[None:2]
'abc'[:10**20], 'abc'[-10**20:], 'abcdef'[::10**20], 'abc'[:2**31], 'abcdef'[-10**20::-1], 'abcdef'[10**20::-1]
'abc'[True:], [1,2,3][:False], 'abcdef'[1:5:True], (1,2,3)[True::True]
'abcb'.find('b', 0, 10**20), 'abcb'.count('b', True), [1,2,3].index(3, -10**20, 10**20)
bytearray(b'abc')[True:], bytearray(b'abc')[:10**20], memoryview(b'abc')[True:].tobytes(), b'abc'[:10**20]
x = bytearray(b'abcdef')
x[1:10**20] = b'Z'
x
