# program: PyMOTW-style binary packing with struct.Struct and binascii.hexlify, sent over a socketpair
# peer: none
import binascii
import socket
import struct

values = (1, b"ab", 2.7)
packer = struct.Struct("I 2s f")
packed = packer.pack(*values)
print("Original values:", values)
print("Format string  :", packer.format)
print("Uses           :", packer.size, "bytes")
print("Packed value   :", binascii.hexlify(packed))
print("Unpacked       :", packer.unpack(packed))

for code in ["<", ">", "!", "@"]:
    s = struct.Struct(code + "HI")
    print(code, s.size, binascii.hexlify(s.pack(1, 2)), binascii.hexlify(s.pack(1, 2), "-"))

header = struct.Struct("!BBH")
buf = bytearray(header.size * 3)
for i in range(3):
    header.pack_into(buf, i * header.size, i, 255 - i, 1000 * i)
print(binascii.hexlify(buf, " ", 4))

a, b = socket.socketpair()
a.sendall(bytes(buf))
raw = b.recv(1024)
for offset in range(0, len(raw), header.size):
    print(header.unpack_from(raw, offset))
print(list(struct.iter_unpack("!BBH", raw)))
print(binascii.unhexlify("00ff03e8"), binascii.crc32(raw))
print(struct.unpack("!d", struct.pack("!d", 0.1)), struct.pack("<q", -2))

try:
    struct.pack("!H", 70000)
except struct.error as e:
    print("struct.error:", e)
a.close()
b.close()
