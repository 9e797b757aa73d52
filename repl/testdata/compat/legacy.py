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
