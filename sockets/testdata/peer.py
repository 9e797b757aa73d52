"""A peer for the fault tests that the test kills with SIGKILL.

It connects to 127.0.0.1:PORT (argv[1]), prints "ready" once connected,
then never reads and never closes: whatever is sent to it stays in its
receive queue, so its death resets the connection if anything is unread
and closes it in order otherwise.
"""
import socket
import sys
import time

conn = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
print('ready', flush=True)
while True:
    time.sleep(3600)
