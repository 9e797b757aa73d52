# program: a select.select server in the HOWTO's style, written without try or with, serving several python3 clients
# peer: peers/multi_client.py 62044 3 (after tcp:62044)
import select
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', 62044))
server.listen(5)

inputs = [server]
echoed = {}
finished = 0
while finished < 3:
    readable, writable, exceptional = select.select(inputs, [], inputs, 10)
    if not (readable or exceptional):
        print('select timed out')
        break
    for s in readable:
        if s is server:
            conn, addr = server.accept()
            inputs.append(conn)
            echoed[conn.fileno()] = 0
        else:
            data = s.recv(1024)
            if data:
                s.sendall(data)
                echoed[s.fileno()] += len(data)
            else:
                print('a client closed after %d bytes' % echoed.pop(s.fileno()))
                inputs.remove(s)
                s.close()
                finished += 1
server.close()
print('sockets still watched:', len(inputs), 'finished:', finished)
