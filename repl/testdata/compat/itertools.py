# itertools: message ids, round-robin peers, slices of a stream
import itertools
ids = itertools.count(1)
next(ids), next(ids), ids
c = itertools.count(10, 5)
[next(c) for _ in range(3)], c, itertools.count(0.5, 0.25)
peers = itertools.cycle(["a", "b", "c"])
[next(peers) for _ in range(7)]
list(itertools.repeat("x", 3)), itertools.repeat(1, 2), list(itertools.repeat(0, -1)), itertools.repeat(None)
list(itertools.islice(itertools.count(), 5)), list(itertools.islice("abcdefg", 2, None, 2)), list(itertools.islice(range(10), 1, 8, 3))
def lines():
    for i in range(5):
        yield f"line {i}"

g = lines()
list(itertools.islice(g, 2)), next(g), list(g)
list(itertools.chain([1, 2], (3,), "ab", range(2))), list(itertools.chain.from_iterable([[1], [2, 3], []]))
list(itertools.zip_longest("ab", [1, 2, 3])), list(itertools.zip_longest("a", "bcd", fillvalue="-")), list(itertools.zip_longest())
list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 2], max)), list(itertools.accumulate([1, 2], initial=100)), list(itertools.accumulate([]))
list(zip(itertools.count(1), "xyz")), dict(zip("ab", itertools.count()))
it = itertools.chain([1], [2])
iter(it) is it, next(it), next(it), next(it, "end")
items = [1, 2, 3]
s = itertools.islice(items, 2)
items.append(4)
list(s), items
list(itertools.islice([1, 2], -1))
list(itertools.islice([1, 2], 0, 5, 0))
itertools.count("a")
list(itertools.accumulate([1, "a"]))
next(itertools.chain(5))
