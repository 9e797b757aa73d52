# program: try/except/else/finally with break, continue and return inside loops and functions
# peer: none
import socket

CLOSED_PORT = 62021  # nothing listens here


def try_connect(port, attempts):
    for attempt in range(1, attempts + 1):
        s = socket.socket()
        try:
            s.connect(("127.0.0.1", port))
        except ConnectionRefusedError as e:
            print(f"attempt {attempt}: {e.strerror}")
            continue
        else:
            print("connected")
            return s
        finally:
            if s.fileno() != -1 and attempt < attempts:
                print("  closing the failed socket")
            s.close()
    else:
        print("all", attempts, "attempts failed")
    return None


print("result:", try_connect(CLOSED_PORT, 3))


def first_line(data):
    try:
        line, rest = data.split(b"\n", 1)
        return line
    except ValueError:
        return data
    finally:
        print("first_line done with", data)


print(first_line(b"one\ntwo"), first_line(b"no newline"))


def steps():
    log = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            if i == 3:
                raise KeyError(i)
            log.append(f"body {i}")
        except KeyError as e:
            log.append(f"caught {e!r}")
        else:
            log.append(f"else {i}")
        finally:
            log.append(f"finally {i}")
    return log


for entry in steps():
    print(entry)


def finally_wins():
    try:
        return "from try"
    finally:
        print("finally runs before the return")


print(finally_wins())

try:
    try:
        int("not a port")
    except ValueError as e:
        print("inner:", e)
        raise RuntimeError("port must be a number") from e
except RuntimeError as e:
    print("outer:", e, "| cause:", repr(e.__cause__))

try:
    {}["missing"]
except (KeyError, IndexError) as e:
    print("one of two:", type(e).__name__, e)

try:
    raise OSError(98, "Address already in use")
except Exception as e:
    print(e.errno, e.strerror, e.args, type(e).__name__)

try:
    e
except NameError as err:
    print("after except, e is unbound:", err)

count = 0
while True:
    count += 1
    try:
        if count < 3:
            continue
        break
    finally:
        print("loop finally", count)
print("count", count)

try:
    raise ConnectionResetError(104, "Connection reset by peer")
except:
    print("bare except caught something")
