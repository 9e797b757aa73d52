# The learner's state that lessons/testdata/hostile.lesson attacks. The
# test binds f to a file that must still exist afterwards.
p = socket.socketpair()
p[0].sendall(b'secret')
s = p[0]
r = p[1].recv
d = {'conn': p[1], 'n': 1, p[0]: 'key'}
nested = [(p[1],), {'inner': [p[0]]}]
items = [1, 2]
def spend():
    return p[1].recv(100)

buf = bytearray(b'abc')
fam = s.family
bye = exit
