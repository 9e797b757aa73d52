import socket
# Older spellings that well-known tutorials still use: IOError and
# EnvironmentError are OSError under other names.
IOError
EnvironmentError
IOError is OSError
EnvironmentError is socket.error
try:
    raise IOError('received {!r} then socket closed'.format(b'abc'))
except OSError as e:
    print(type(e).__name__, e)

try:
    socket.socket().recv(1)
except IOError as e:
    print(type(e).__name__, e.errno)

raise IOError('left unhandled')
issubclass(ConnectionResetError, EnvironmentError)
# Thread's camelCase methods and threading's camelCase functions still
# work, with a DeprecationWarning, shown once for each message and line.
import threading
t = threading.Thread(target=print, args=('ran',))
t.setDaemon(True)
t.setDaemon(True)
t.isDaemon()
t.daemon
t.getName()
t.setName('worker')
t.name
for i in range(2):
    t.isDaemon()

threading.currentThread() is threading.current_thread()
threading.activeCount()
t.setDaemon()
t.getName(1)
t.setDaemon(1, 2)
t.start(); t.join()
t.setDaemon(False)
