# A million calls of a small function from a loop: what a framing helper
# or a checksum costs when a program calls it per message.


def add(a, b):
    return a + b


def main():
    t = 0
    for i in range(1000000):
        t = add(t, i)
    return t


print(main())
