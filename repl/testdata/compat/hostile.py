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
