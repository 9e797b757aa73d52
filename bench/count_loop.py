# A top-level loop that keeps a byte total in a global: 1,000,000 additions
# of 4096, so the total passes 2**31 (4,096,000,000 at the end).
# Runs unchanged under python3 and sockrepl, so both can be timed on it.
total = 0
for i in range(1000000):
    total += 4096
print(total)
