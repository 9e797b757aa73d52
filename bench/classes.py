# 100,000 turns that make a message object, call its method, and catch a
# custom exception one turn in ten: a protocol parser's shape.
class FramingError(Exception):
    pass


class Message:
    def __init__(self, kind, payload):
        self.kind = kind
        self.payload = payload

    def size(self):
        return len(self.payload) + 1


def parse(i):
    if i % 10 == 0:
        raise FramingError("bad frame %d" % i)
    return Message(i % 3, b"x" * (i % 50))


total = 0
bad = 0
for i in range(100000):
    try:
        m = parse(i)
        total += m.size()
    except FramingError as e:
        bad += 1
print(total, bad)
