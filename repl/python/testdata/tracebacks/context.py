def close_all(conns):
    for c in conns:
        try:
            c.close()
        except AttributeError:
            raise RuntimeError("not a socket: %r" % (c,))

close_all([None])
