header = {"length": 4}
print(header["length"], header["type"])
