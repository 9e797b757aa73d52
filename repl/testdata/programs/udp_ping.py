# program: a UDP ping client with its arguments parsed by hand from sys.argv, settimeout and socket.timeout for lost replies, and a summary from the statistics module
# peer: none
# args: -c 7 --timeout 0.4 -s 24
import socket
import statistics
import sys
import threading
import time


def usage(message):
    print(f"{sys.argv[0]}: {message}", file=sys.stderr)
    print("usage: udp_ping.py [-c COUNT] [--timeout SECONDS] [-s SIZE]", file=sys.stderr)
    sys.exit(2)


def parse(argv):
    opts = {"count": 4, "timeout": 1.0, "size": 16}
    names = {"-c": "count", "--count": "count", "--timeout": "timeout", "-s": "size"}
    it = iter(argv)
    for arg in it:
        key = names.get(arg)
        if key is None:
            usage(f"unknown option {arg!r}")
        try:
            value = next(it)
        except StopIteration:
            usage(f"{arg} needs a value")
        try:
            opts[key] = float(value) if key == "timeout" else int(value)
        except ValueError as e:
            usage(str(e))
    return opts


opts = parse(sys.argv[1:])
print("options:", opts)

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))


def echo():
    """Answer each ping in capitals, but drop every third."""
    n = 0
    while True:
        data, peer = server.recvfrom(2048)
        if data == b"stop":
            return
        n += 1
        if n % 3:
            server.sendto(data.upper(), peer)


worker = threading.Thread(target=echo)
worker.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(opts["timeout"])
rtts, sizes, lost = [], [], []
for seq in range(1, opts["count"] + 1):
    payload = f"ping {seq:03d} ".encode().ljust(opts["size"] + seq % 4, b".")
    start = time.perf_counter()
    client.sendto(payload, server.getsockname())
    try:
        reply, addr = client.recvfrom(2048)
    except socket.timeout as e:
        lost.append(seq)
        print(f"seq={seq:<3} lost ({e}; {type(e).__name__}, an OSError: {isinstance(e, OSError)})")
        continue
    rtts.append((time.perf_counter() - start) * 1000)
    sizes.append(len(reply))
    print(f"seq={seq:<3} {len(reply):>3} bytes from {addr[0]}: {reply[:8]!r}")

client.sendto(b"stop", server.getsockname())
worker.join()
client.close()
server.close()

count = opts["count"]
print(f"--- {count} sent, {len(rtts)} received, {len(lost) / count:.1%} loss, lost {lost}")
print("sizes: mean", statistics.mean(sizes), "median", statistics.median(sizes),
      "mode", statistics.mode(sizes), "stdev", round(statistics.stdev(sizes), 3))
print("sizes: pstdev", round(statistics.pstdev(sizes), 4), "variance", statistics.variance(sizes),
      "fmean", statistics.fmean(sizes), "low/high", statistics.median_low(sizes), statistics.median_high(sizes))
print("rtt: all positive", min(rtts) > 0, "mean below timeout", statistics.mean(rtts) < opts["timeout"] * 1000,
      "type", type(statistics.mean(rtts)).__name__)
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("no data:", e, isinstance(e, ValueError))
