import struct

class FrameError(Exception):
    pass

def read_length(data):
    try:
        return struct.unpack("!H", data)[0]
    except struct.error as e:
        raise FrameError("bad length field") from e

read_length(b"\x01")
