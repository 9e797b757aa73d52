class Buffer:
    def __init__(self):
        self.data = b""

    def take(self, n):
        if n > len(self.data):
            raise ValueError(f"want {n} bytes, have {len(self.data)}")
        return self.data[:n]

class Reader:
    def __init__(self):
        self.buf = Buffer()

    def header(self):
        return self.buf.take(4)

Reader().header()
