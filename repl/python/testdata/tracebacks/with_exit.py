class Managed:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit saw", exc[0].__name__)

with Managed():
    [][0]
