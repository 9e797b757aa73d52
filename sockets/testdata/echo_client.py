"""An echo client for the interop tests.

Usage: echo_client.py PORT MESSAGE REPEAT
Sends MESSAGE (UTF-8) REPEAT times to 127.0.0.1:PORT, half-closes, reads
the echo until the server closes, and prints what came back as
"<byte count> <first 40 bytes as repr>".
"""
import socket
import sys

port, message, repeat = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
with socket.create_connection(("127.0.0.1", port)) as sock:
    sock.sendall(message * repeat)
    sock.shutdown(socket.SHUT_WR)
    received = bytearray()
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        received += chunk
print(len(received), repr(bytes(received[:40])))
