# 300,000 calls of a method that updates its instance: a connection
# object counting what it received.


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k


def main():
    c = Counter()
    for i in range(300000):
        c.bump(i)
    return c.n


print(main())
