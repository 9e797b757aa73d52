# program: an argparse-driven UDP client/server pair, run here as the server
# peer: peers/udp_argparse_client.py 62012 (after udp:62012)
# args: server --port 62012 --count 3
import argparse
import socket

MAX_BYTES = 65535


def server(host, port, count):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    print("Listening at", sock.getsockname())
    for _ in range(count):
        data, address = sock.recvfrom(MAX_BYTES)
        text = data.decode("ascii")
        print(f"The client at {address} says {text!r}")
        reply = f"Your data was {len(data)} bytes long"
        sock.sendto(reply.encode("ascii"), address)
    sock.close()


def client(host, port, count):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(5)
    for i in range(count):
        sock.sendto(f"message {i}".encode("ascii"), (host, port))
        data, address = sock.recvfrom(MAX_BYTES)
        print("The server replied", repr(data.decode("ascii")))
    sock.close()


if __name__ == "__main__":
    choices = {"client": client, "server": server}
    parser = argparse.ArgumentParser(description="Send and receive UDP datagrams")
    parser.add_argument("role", choices=choices, help="which role to play")
    parser.add_argument("--host", default="127.0.0.1", help="interface or host (default %(default)s)")
    parser.add_argument("-p", "--port", type=int, default=1060, help="UDP port (default %(default)s)")
    parser.add_argument("-n", "--count", type=int, default=1, help="datagrams to handle")
    args = parser.parse_args()
    print(args)
    function = choices[args.role]
    function(args.host, args.port, args.count)
