# program: a with-based Unix-domain echo server, removing its socket file in finally
# peer: peers/unix_client.py /tmp/sockrepl-programs-unix-server.sock (after unix:/tmp/sockrepl-programs-unix-server.sock)
# files: /tmp/sockrepl-programs-unix-server.sock
import os
import socket

PATH = "/tmp/sockrepl-programs-unix-server.sock"

if os.path.exists(PATH):
    os.unlink(PATH)

try:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(PATH)
        server.listen(1)
        print("listening on", server.getsockname())
        print(f"{server.family!r} {server.type!r}")
        conn, addr = server.accept()
        with conn:
            print("accepted; the client's address is", repr(addr))
            while True:
                data = conn.recv(256)
                if not data:
                    break
                conn.sendall(data.upper())
            print("client done")
finally:
    os.unlink(PATH)
    print("socket file still there?", os.path.exists(PATH))
