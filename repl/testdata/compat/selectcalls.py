# select.select over sockets and descriptor numbers.
import socket, select
a, b = socket.socketpair()
select.select([a], [], [], 0)
select.select([a], [a], [], 0)
b.send(b'x')
r, w, x = select.select([a, b], [], [], 1)
r == [a]
r[0] is a
select.select([a.fileno()], [], [], 0)[0] == [a.fileno()]
select.select((a,), [], [], 0)
clients = {a: 'first', b: 'second'}
clients[r[0]]
a.recv(1)
select.select([a, b], [], [], 0.05)
b.close()
select.select([a], [], [], 1)
a.recv(10)
select.select(1, [], [])
select.select(['a'], [], [], 0)
select.select([-1], [], [], 0)
select.select([], [], [], -1)
select.select([], [], [], 'a')
select.select([], [])
select.select([b], [], [], 0)
a.close()
