def rates(sizes, times):
    return [s / t for s, t in zip(sizes, times)]

print(rates([10, 20], [2, 0]))
