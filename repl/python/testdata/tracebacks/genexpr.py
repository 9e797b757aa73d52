lengths = [3, 0, 5]
print(sum(100 // n for n in lengths))
