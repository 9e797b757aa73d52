# A hostile learner's special methods, generators and odd values, as CPython answers them.
class R:
    def __repr__(self): raise ValueError("no repr")

5
R()
_
[R()]
print(R())
class S:
    def __str__(self): return 5

print(S())
f'{S()}'
class E(Exception):
    def __str__(self): return 1 / 0

raise E()
x = 10**5000
x
x + 1 > x
def r():
    yield next(z)

z = r()
next(z)
def h():
    try:
        yield 1
    finally:
        yield 2

y = h()
next(y)
y.close()
import argparse
p = argparse.ArgumentParser()
p.add_argument('--x', type=int)
p.parse_args(['--x', 'abc'])
import sys
sys.exit(None)

# a __repr__ that catches the failure of another __repr__ it formats
class Bad:
    __repr__ = lambda self: 1 / 0

class Outer:
    def __repr__(self):
        try:
            return f"{Bad()!r}"
        except ZeroDivisionError:
            return "outer caught it"

repr(Outer()), f"{Outer()!r}", '%r' % (Outer(),), str([Outer(), 1])
f"{[Outer(), Bad()]}"
'%s|%r' % (Outer(), Bad())
