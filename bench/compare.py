#!/usr/bin/env python3
"""Side-by-side measurements of sockrepl against python3 and raw syscalls.

Run from the repository root:  python3 bench/compare.py [--quick]

Each measurement runs both sides alternately in one run and reports the
median of several runs, so load on the machine hits both alike. The
results go in docs/BENCHMARKS.md by hand; this script only prints them.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The interpreter running this script, not "python3" from PATH: a version
# manager's shim (pyenv) adds tens of milliseconds to every python3 start,
# which would flatter every short measurement.
PY = sys.executable
QUICK = "--quick" in sys.argv


def build(tmp):
    exe = os.path.join(tmp, "sockrepl")
    raw = os.path.join(tmp, "rawbulk")
    subprocess.run(["go", "build", "-o", exe, "."], cwd=ROOT, check=True)
    subprocess.run(["go", "build", "-o", raw, "./bench/rawbulk"], cwd=ROOT, check=True)
    return exe, raw


def timed(cmd, **kw):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0


def median_pair(a, b, runs):
    ta, tb = [], []
    for _ in range(runs):
        ta.append(a())
        tb.append(b())
    return statistics.median(ta), statistics.median(tb)


def wait_listen(port, limit=10.0):
    """Waits until something listens on the port, without connecting."""
    want = ":%04X" % port
    deadline = time.time() + limit
    while time.time() < deadline:
        with open("/proc/net/tcp") as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if fields[1].endswith(want) and fields[3] == "0A":
                    return
        time.sleep(0.02)
    raise RuntimeError("receiver never listened on %d" % port)


def bulk(recv_cmd, send_cmd):
    """Returns MB/s for 1 GiB from a sender process to a receiver process."""
    r = subprocess.Popen(recv_cmd, stdout=subprocess.PIPE, text=True)
    try:
        wait_listen(50999)
        t0 = time.perf_counter()
        subprocess.run(send_cmd, check=True)
        out, _ = r.communicate(timeout=120)
        elapsed = time.perf_counter() - t0
    finally:
        r.kill()
        r.wait()
    if out.strip() != str(1 << 30):
        raise RuntimeError("receiver counted %r bytes" % out.strip())
    return (1 << 30) / elapsed / 1e6


def rss_kb(cmd):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    kb = 0
    with open("/proc/%d/status" % p.pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                kb = int(line.split()[1])
    p.stdin.close()
    p.wait()
    return kb


def main():
    runs = 3 if QUICK else 9
    with tempfile.TemporaryDirectory() as tmp:
        exe, raw = build(tmp)
        rows = []

        s, p = median_pair(lambda: timed([exe, "-c", "pass"]),
                           lambda: timed([PY, "-c", "import socket"]), runs * 3)
        rows.append(("startup: sockrepl -c pass vs python3 -c 'import socket'",
                     "%.1f ms" % (s * 1e3), "%.1f ms" % (p * 1e3), s / p, "< 0.25"))

        def script(name, label, target, n=runs):
            path = os.path.join(ROOT, "bench", name)
            s, p = median_pair(lambda: timed([exe, path]), lambda: timed([PY, path]), n)
            rows.append(("%s (%s)" % (label, name), "%.2f s" % s, "%.2f s" % p, s / p, target))

        script("roundtrips.py", "10,000 loopback round trips", "<= 0.9", max(1, runs // 3))
        script("count_loop.py", "1,000,000 additions to a global past 2**31 at top level", "<= 1.0")
        script("try_except.py", "100,000 BlockingIOError caught by try/except", "<= 1.0")
        script("calls.py", "1,000,000 calls of a two-argument function", "report")
        script("methods.py", "300,000 calls of a method updating its instance", "report")
        script("classes.py", "100,000 objects, method calls, a custom exception in ten", "report")
        script("strings.py", "100,000 lines formatted, split and counted", "report")
        script("framing.py", "20,000 length-prefixed messages cut from a stream", "report")

        # One statement at the prompt: 20,000 typed lines, each parsed and
        # run on its own, fed to line mode and to python3 -i -q.
        lines = os.path.join(tmp, "statements.txt")
        with open(lines, "w") as f:
            f.write("import socket\na, b = socket.socketpair()\n")
            for i in range(10000):
                f.write("n = a.send(b'x')\nd = b.recv(1)\n")

        def feed(cmd):
            with open(lines) as f:
                return timed(cmd, stdin=f, stderr=subprocess.DEVNULL)
        s, p = median_pair(lambda: feed([exe]), lambda: feed([PY, "-i", "-q"]), max(1, runs // 3))
        rows.append(("20,000 statements typed one by one (line mode vs python3 -i -q)",
                     "%.1f us" % (s / 20000 * 1e6), "%.1f us" % (p / 20000 * 1e6), s / p, "<= 1.0"))

        # 1 GiB between two processes, four ways, alternating: raw Go, and
        # sockrepl and python3 with recv_into (one reused bytearray) and
        # with recv (a new bytes object per call).
        send = os.path.join(ROOT, "bench", "bulk_send.py")
        recv = os.path.join(ROOT, "bench", "bulk_recv.py")
        into = os.path.join(ROOT, "bench", "bulk_recv_into.py")
        ways = {
            "raw": ([raw, "recv"], [raw, "send"]),
            "sr into": ([exe, into], [exe, send]),
            "py into": ([PY, into], [PY, send]),
            "sr recv": ([exe, recv], [exe, send]),
            "py recv": ([PY, recv], [PY, send]),
        }
        got = {k: [] for k in ways}
        for _ in range(runs):
            for k, (r_cmd, s_cmd) in ways.items():
                got[k].append(bulk(r_cmd, s_cmd))
        m = {k: statistics.median(v) for k, v in got.items()}
        rows.append(("1 GiB bulk, recv_into loop, MB/s (sockrepl vs raw Go)",
                     "%.0f" % m["sr into"], "%.0f" % m["raw"], m["sr into"] / m["raw"], ">= 0.9"))
        rows.append(("  the same with python3 (python3 vs raw Go)",
                     "%.0f" % m["py into"], "%.0f" % m["raw"], m["py into"] / m["raw"], "report"))
        rows.append(("1 GiB bulk, recv loop, MB/s (sockrepl vs raw Go)",
                     "%.0f" % m["sr recv"], "%.0f" % m["raw"], m["sr recv"] / m["raw"], "report"))
        rows.append(("  the same with python3 (python3 vs raw Go)",
                     "%.0f" % m["py recv"], "%.0f" % m["raw"], m["py recv"] / m["raw"], "report"))

        s_rss = rss_kb([exe])
        p_rss = rss_kb([PY, "-i", "-q"])
        rows.append(("idle RSS (line mode vs python3 -i)", "%d kB" % s_rss, "%d kB" % p_rss,
                     s_rss / p_rss, "report"))

    w = max(len(r[0]) for r in rows)
    print("%-*s  %12s  %12s  %7s  %s" % (w, "measurement", "sockrepl", "reference", "ratio", "target"))
    for name, a, b, ratio, target in rows:
        print("%-*s  %12s  %12s  %7.2f  %s" % (w, name, a, b, ratio, target))


if __name__ == "__main__":
    main()
