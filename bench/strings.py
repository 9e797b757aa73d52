# 100,000 request lines built with an f-string, split, tested and
# counted in a dict: a log or header parser's shape.
lines = []
for i in range(100000):
    line = f"{i:05d} GET /index.html HTTP/1.1"
    parts = line.split()
    if parts[1] == "GET" and parts[2].startswith("/"):
        lines.append(parts[2].upper())
d = {}
for l in lines:
    d[l] = d.get(l, 0) + 1
print(len(lines), len(d))
