# program: the HOWTO's half-close: the client shuts down writing, the server reads to EOF and answers
# peer: none
import socket

ADDR = ("127.0.0.1", 62026)

with socket.socket() as listener:
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(ADDR)
    listener.listen(1)

    with socket.create_connection(ADDR) as client:
        server_side, _ = listener.accept()
        with server_side:
            client.sendall(b"GET everything\r\n")
            client.sendall(b"and a second line\r\n")
            client.shutdown(socket.SHUT_WR)  # "I am done talking"

            request = b""
            while True:
                data = server_side.recv(8)
                if data == b"":
                    break
                request += data
            print("server read", len(request), "bytes, then EOF")
            lines = request.splitlines()
            server_side.sendall(b"%d lines received\n" % len(lines))
            server_side.sendall(b"bye\n")

        # The client can still read after shutting down its writing side.
        reply = b""
        while chunk := client.recv(4):
            reply += chunk
        print("client got", reply)
        try:
            client.send(b"too late")
        except BrokenPipeError as e:
            print("send after SHUT_WR:", e)
