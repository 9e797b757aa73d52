#!/usr/bin/env python3
"""A threaded echo server with a context-managed listening socket."""

import socket
import threading
import logging
from contextlib import closing

HOST, PORT = "127.0.0.1", 65432
log = logging.getLogger(__name__)


class ClientError(Exception):
    """Base class of this server's errors."""


class ProtocolError(ClientError):
    def __init__(self, msg, *, peer=None):
        super().__init__(msg)
        self.peer = peer

    def __str__(self):
        return f"{self.args[0]} (peer={self.peer!r})"


class Timeout(ClientError, TimeoutError):
    pass


def handle(conn: socket.socket, addr: tuple[str, int]) -> int:
    total = 0
    with conn:
        log.info("connected by %s:%d", *addr)
        while True:
            try:
                data = conn.recv(1024)
            except ConnectionResetError as exc:
                log.warning(f"{addr} reset: {exc}")
                break
            except (socket.timeout, TimeoutError):
                raise Timeout("idle too long") from None
            if not data:
                break
            total += len(data)
            conn.sendall(data)
        else:
            pass
    return total


def serve(host=HOST, port=PORT, backlog=5, *, once=False):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, port))
        s.listen(backlog)
        print(f"listening on {host}:{port} (backlog {backlog})")
        while True:
            conn, addr = s.accept()
            t = threading.Thread(target=handle, args=(conn, addr), daemon=True)
            t.start()
            if once:
                t.join()
                return


if __name__ == "__main__":
    try:
        serve()
    except KeyboardInterrupt:
        print("\nbye")
    finally:
        logging.shutdown()
