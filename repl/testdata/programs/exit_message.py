# program: sys.exit with a message after a refused connection: the message goes to stderr, exit status 1
# peer: none
# exit: 1
import socket
import sys

PORT = 62041  # nobody listens on this port


def main():
    try:
        sock = socket.create_connection(("127.0.0.1", PORT), timeout=2)
    except ConnectionRefusedError as e:
        print("giving up after:", e.strerror)
        sys.exit(f"error: cannot reach 127.0.0.1:{PORT} ({e})")
    sock.close()
    return 0


if __name__ == "__main__":
    try:
        main()
    except SystemExit as e:
        print("exiting with", repr(e.code), file=sys.stderr)
        raise
