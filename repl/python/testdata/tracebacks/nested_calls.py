def parse(data):
    return int(data.decode())

def handle(messages):
    total = 0
    for m in messages:
        total += parse(m)
    return total

print(handle([b"1", b"2", b"x"]))
