def lines(chunks):
    for c in chunks:
        yield c.decode("ascii")

for line in lines([b"ok", b"\xff"]):
    print(line)
