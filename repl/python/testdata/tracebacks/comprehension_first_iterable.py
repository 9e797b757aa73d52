# The first iterable of a comprehension is read before the comprehension's
# frame exists: a failing call there has no <listcomp> frame around it,
# while one in the element has.
def frames(n):
    if n > 2:
        raise ValueError("too many frames: %d" % n)
    return range(n)


def passthrough(x):
    return x


print([k for k in passthrough(frames(2))])
print(sorted({k for k in frames(1)}))
try:
    [k for k in passthrough(frames(3))]
except ValueError as e:
    print("caught", e)
print([k for k in passthrough(frames(4))])
