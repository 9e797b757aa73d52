# Receives on port 50999 into one reused bytearray until the sender
# closes; prints the byte count. The same loop as bulk_recv.py without a
# new bytes object per call.
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 50999))
srv.listen(1)
conn, peer = srv.accept()
buf = bytearray(1048576)
n = 0
while True:
    got = conn.recv_into(buf)
    if got == 0:
        break
    n += got
conn.close()
srv.close()
print(n)
