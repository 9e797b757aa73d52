# program: a client sending each line read with input() to an echo server, until end of input
# peer: peers/echo_server.py 62040 (before, tcp:62040)
# stdin: first line
# stdin: second line with unicode: ☺
# stdin:
# stdin: after an empty line
import socket

with socket.create_connection(("127.0.0.1", 62040)) as sock:
    count = 0
    while True:
        try:
            line = input()
        except EOFError:
            break
        count += 1
        data = line.encode("utf-8")
        sock.sendall(data)
        echo = b""
        while len(echo) < len(data):
            echo += sock.recv(1024)
        print(f"{count}: sent {len(data)} bytes, echo {echo.decode('utf-8')!r}")
print("end of input after", count, "lines")
