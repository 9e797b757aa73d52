# program: a threaded line-protocol server: makefile('rw', newline=''), commands dispatched with getattr to do_ methods whose docstrings are the HELP text, split(maxsplit=1), a logging decorator with functools.wraps, a Lock as a context manager, a nonlocal counter and typing annotations
# peer: none
import functools
import socket
import threading
from typing import Callable, Dict, List, Optional, Tuple

Reply = Tuple[bool, str]


def make_counter() -> Callable[[], int]:
    count = 0
    lock = threading.Lock()

    def bump() -> int:
        nonlocal count
        with lock:
            count += 1
            return count
    return bump


next_id = make_counter()


def logged(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        ok, text = method(self, *args, **kwargs)
        self.log.append(f"{method.__name__}{args!r} -> {'ok' if ok else 'error'}")
        return ok, text
    return wrapper


class Session:
    """One client's conversation: a shared store, and this client's log."""

    store: Dict[str, str] = {}
    store_lock = threading.Lock()

    def __init__(self, name: str) -> None:
        self.name = name
        self.id = next_id()
        self.log: List[str] = []

    @logged
    def do_SET(self, arg: str) -> Reply:
        """SET key=value: remember value under key."""
        key, sep, value = arg.partition("=")
        if not sep or not key.strip():
            return False, "usage: SET key=value"
        with self.store_lock:
            self.store[key.strip()] = value.strip()
        return True, "stored"

    @logged
    def do_GET(self, arg: str) -> Reply:
        """GET key: the value stored under key."""
        with self.store_lock:
            value: Optional[str] = self.store.get(arg)
        return (True, value) if value is not None else (False, f"no key {arg!r}")

    def do_KEYS(self, arg: str) -> Reply:
        """KEYS: every key, sorted."""
        return True, " ".join(sorted(self.store)) or "(none)"

    def do_HELP(self, arg: str) -> Reply:
        """HELP: this list."""
        names = sorted(n for n in dir(self) if n.startswith("do_"))
        return True, " | ".join(getattr(self, n).__doc__.split(":")[0] for n in names)

    def dispatch(self, line: str) -> Reply:
        parts = line.split(maxsplit=1)
        if not parts:
            return False, "empty line"
        verb, arg = parts[0].upper(), parts[1] if len(parts) == 2 else ""
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            return False, f"unknown command {verb!r}"
        return handler(arg)


def serve(conn: socket.socket, name: str) -> None:
    session = Session(name)
    with conn, conn.makefile("rw", encoding="utf-8", newline="") as f:
        f.write(f"hello {name}, you are session {session.id}\r\n")
        f.flush()
        for line in f:
            line = line.rstrip("\r\n")
            if line.upper() == "QUIT":
                break
            ok, text = session.dispatch(line)
            f.write(("+OK " if ok else "-ERR ") + text + "\r\n")
            f.flush()
        f.write(f"bye, {len(session.log)} logged calls\r\n")
    results[name] = session.log


results: Dict[str, List[str]] = {}
listener = socket.create_server(("127.0.0.1", 0))
script = {
    "alice": ["set colour = blue", "GET colour", "SET broken", "get missing"],
    "bob": ["HELP", "  keys  ", "", "dance wildly", "set size=10"],
}
for name, commands in script.items():
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    t = threading.Thread(target=serve, args=(conn, name))
    t.start()
    rfile = client.makefile("rb")
    print(rfile.readline())
    for cmd in commands + ["quit"]:
        client.sendall(cmd.encode() + b"\r\n")
        print(f"{cmd!r:>18} -> {rfile.readline().decode().rstrip()}")
    print(rfile.readline(), rfile.readline())
    rfile.close()
    client.close()
    t.join()
listener.close()
for name, log in results.items():
    print(name, *log, sep="\n  ")
print(Session.do_SET.__name__, "|", Session.do_GET.__doc__, "|", Session.dispatch.__doc__)
print(sorted(Session.store.items()), next_id())
