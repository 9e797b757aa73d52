# hashlib: the digests a file-transfer program checks its data with
import hashlib
hashlib.sha256(b"abc").hexdigest()
hashlib.md5(b"").hexdigest()
h = hashlib.sha1()
h.update(b"hello ")
h.update(bytearray(b"world"))
h.hexdigest()
h.digest()
h.name, h.digest_size, h.block_size
c = h.copy()
c.update(b"!")
c.hexdigest() == hashlib.sha1(b"hello world!").hexdigest(), h.hexdigest() == hashlib.sha1(b"hello world").hexdigest()
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512"]: print(name, hashlib.new(name, b"data").hexdigest(), hashlib.new(name).digest_size)

hashlib.sha512(memoryview(b"xyz")).hexdigest()[:16]
hashlib.sha256(string=b"a").hexdigest()
hashlib.sha256(b"a", usedforsecurity=False).hexdigest()
"md5" in hashlib.algorithms_guaranteed, "sha256" in hashlib.algorithms_available
hashlib.sha256("text")
hashlib.sha256(1)
hashlib.sha256(data=b"a")
hashlib.md5().update()
h.update("s")
h.hexdigest(1)
h.digest(x=1)
