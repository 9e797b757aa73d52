# peer: a line-protocol server for one client: answers each line with OK and the line in capitals, until QUIT.
import socket
import sys

srv = socket.create_server(("127.0.0.1", int(sys.argv[1])))
srv.settimeout(15)
conn, _ = srv.accept()
conn.settimeout(15)
# One file for each direction: a write to a text file drops what it had
# read ahead, so one "rw" file would lose lines.
with conn, conn.makefile("r", encoding="utf-8", newline="\r\n") as rf, conn.makefile("w", encoding="utf-8", newline="\r\n") as wf:
    wf.write("220 line server ready\n")
    wf.flush()
    for line in rf:
        line = line.rstrip("\r\n")
        if line == "QUIT":
            wf.write("221 bye\n")
            break
        wf.write("250 OK " + line.upper() + "\n")
        wf.flush()
srv.close()
print("peer served one client")
