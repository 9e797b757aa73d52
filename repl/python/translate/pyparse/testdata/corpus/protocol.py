import io
import json
import struct
import sys
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

HEADER = struct.Struct("!I")
MAX_MESSAGE = 1 << 20


@dataclass(frozen=True)
class Message:
    kind: str
    body: dict[str, Any] = field(default_factory=dict)
    seq: int = 0

    @property
    def size(self) -> int:
        return len(self.encode())

    @size.setter
    def size(self, value):
        raise AttributeError("size is read-only")

    @classmethod
    def decode(cls, raw: bytes) -> "Message":
        obj = json.loads(raw.decode("utf-8"))
        return cls(obj["kind"], obj.get("body", {}), seq=obj.get("seq", 0))

    @staticmethod
    def frame(payload: bytes) -> bytes:
        if (n := len(payload)) > MAX_MESSAGE:
            raise ValueError(f"message of {n:,} bytes exceeds {MAX_MESSAGE:_}")
        return HEADER.pack(n) + payload

    def encode(self) -> bytes:
        return json.dumps({"kind": self.kind, "body": self.body, "seq": self.seq}).encode()


class Buffer:
    __slots__ = ("_buf", "_closed")

    def __init__(self):
        self._buf = bytearray()
        self._closed = False

    def __len__(self):
        return len(self._buf)

    def __iter__(self) -> Iterator[bytes]:
        while len(self._buf) >= HEADER.size:
            (n,) = HEADER.unpack_from(self._buf)
            if len(self._buf) < HEADER.size + n:
                return
            frame = bytes(self._buf[HEADER.size:HEADER.size + n])
            del self._buf[:HEADER.size + n]
            yield frame

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self._closed = True
        return False

    def feed(self, data: bytes) -> None:
        self._buf += data

    def __repr__(self):
        return f"<{type(self).__name__} {len(self)} bytes{' closed' if self._closed else ''}>"


def messages(sock, bufsize=4096) -> Iterator[Message]:
    buf = Buffer()
    with buf:
        while chunk := sock.recv(bufsize):
            buf.feed(chunk)
            yield from (Message.decode(f) for f in buf)


def checksum(data: bytes, *, seed: int = 0xFFFF) -> int:
    s = seed
    for i in range(0, len(data) - 1, 2):
        s += (data[i] << 8) + data[i + 1]
        s = (s & 0xFFFF) + (s >> 16)
    if len(data) % 2:
        s += data[-1] << 8
    return ~s & 0xFFFF


def dump(obj, file=sys.stdout, /, indent=2, **kw):
    print(json.dumps(obj, indent=indent, **kw), file=file)


def retry(times, exceptions=(OSError,)):
    def decorator(func):
        def wrapper(*args, **kwargs):
            last: Optional[BaseException] = None
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as e:
                    last = e
                    print(f"attempt {attempt}/{times} failed: {e!s}", file=sys.stderr)
            assert last is not None
            raise last
        return wrapper
    return decorator


@retry(3)
def connect(addr):
    import socket
    s = socket.create_connection(addr, timeout=2.0)
    s.settimeout(None)
    return s


def stats(samples):
    n = len(samples)
    mean = sum(samples) / n if n else float("nan")
    var = sum((x - mean) ** 2 for x in samples) / (n - 1) if n > 1 else 0.0
    lo, *_, hi = sorted(samples) or [0, 0]
    return {"n": n, "mean": mean, "stdev": var ** .5, "range": (lo, hi)}


def table(rows):
    widths = [max(len(str(c)) for c in col) for col in zip(*rows)]
    for row in rows:
        print("  ".join(f"{c!s:<{w}}" for c, w in zip(row, widths)))


def group(errors):
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print("values:", eg.exceptions)
    except* TypeError:
        pass


def hexdump(data: bytes, width=16):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{off:08x}  {hexes:<{width * 3}}  |{text}|")


async def pump(reader, writer):
    try:
        while not reader.at_eof():
            data = await reader.read(1 << 16)
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    import asyncio
    server = await asyncio.start_server(pump, "127.0.0.1", 8888)
    async with server:
        await server.serve_forever()
