# errno: every name Linux has, errorcode, and os.strerror.
import errno, os, socket
names = [n for n in dir(errno) if n.startswith('E')]
len(names), len(errno.errorcode)
for n in names:
    print(n, getattr(errno, n), errno.errorcode[getattr(errno, n)])

sorted(errno.errorcode.items()) == sorted((v, k) for k, v in errno.errorcode.items() for k in [k])
errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK]
errno.errorcode[errno.ENOTSUP], errno.errorcode[errno.EDEADLK]
errno.ECONNREFUSED, errno.errorcode[111]
errno.NOT_AN_ERRNO_NAME_AT_ALL
errno.errorcode[0]
for n in [0, 1, 2, 11, 32, 98, 104, 110, 111, 115, 132, 133, 134, -1, 2**31 - 1]:
    print(n, os.strerror(n))

os.strerror('2')
os.strerror(2.0)
os.strerror(2**31)
os.strerror(-2**31 - 1)
os.strerror()
os.strerror(1, 2)
try:
    s = socket.socket()
    s.connect(('127.0.0.1', 1))
except OSError as e:
    print(e.errno == errno.ECONNREFUSED, errno.errorcode[e.errno], os.strerror(e.errno))
    s.close()

repr(errno)[:15]
