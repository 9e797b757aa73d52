# program: echo server in the seed's style, served to a python3 client
# peer: peers/echo_client.py 62001 (after tcp:62001)
import socket

HOST = "127.0.0.1"  # loopback: only this machine can connect
PORT = 62001        # a fixed port above the well-known range

# The listening socket is closed by the with block, whatever happens inside.
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
    listener.bind((HOST, PORT))
    listener.listen()
    print(f"Listening socket: {listener}")

    # accept() blocks until a client has connected.
    conn, addr = listener.accept()
    with conn:
        print(f"Connected by {addr}")
        print(f"Connection socket: {conn}")
        echoed = 0
        while True:
            data = conn.recv(1024)
            if not data:
                break  # the client closed its end
            conn.sendall(data)
            echoed += len(data)
        print(f"Client closed; echoed {echoed} bytes")
    print(f"After with conn: {conn}")
print(f"After with listener: {listener}")
