# program: an argparse-driven line-protocol client: create_connection, makefile('rw'), readline and flush
# peer: peers/line_server.py 62046 (before, tcp:62046)
# args: --port 62046 -n 2 hello world
import argparse
import socket


def main():
    parser = argparse.ArgumentParser(description="Send words to a line server, one per line.")
    parser.add_argument("words", nargs="+", help="the lines to send")
    parser.add_argument("--host", default="127.0.0.1", help="server address (default: %(default)s)")
    parser.add_argument("-p", "--port", type=int, required=True, help="server port")
    parser.add_argument("-n", "--repeat", type=int, default=1, metavar="N", help="send each word N times")
    args = parser.parse_args()
    print(sorted(vars(args).items()))

    with socket.create_connection((args.host, args.port), timeout=10) as sock:
        f = sock.makefile("rw", encoding="utf-8", newline="\r\n")
        print("server says:", f.readline().rstrip())
        for word in args.words:
            for _ in range(args.repeat):
                f.write(word + "\n")
        f.flush()  # the lines wait in the buffer until here
        for _ in range(len(args.words) * args.repeat):
            print("reply:", f.readline().rstrip())
        print("write returns characters:", f.write("QUIT\n"))
        f.flush()
        print("last reply:", repr(f.readline()))
        print("then:", repr(f.readline()))
        f.close()
    print("socket closed:", sock.fileno() == -1)
    print(parser.format_usage(), end="")


if __name__ == "__main__":
    main()
