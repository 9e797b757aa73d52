# Functions read globals when they run, as in Python: later reassignment
# is seen, and a function may call one defined after it.
x = 1
def f():
    return x

x = 2
f()
def g():
    return h()

def h():
    return 5

g()
for i in range(2):
    x = i
    f()

conn = None
def handle():
    return conn

conn = 'accepted'
handle()
count = 0
def bump():
    return count + 1

count = bump()
count = bump()
count
z = lambda a, b=x: a + b
z(1)
[y * 2 for y in range(3)]
y
def k(*args, **kw):
    return (args, kw)

k(1, q=x)

# a builtin read in a function, shadowed by a global, then uncovered by del
def count(xs):
    return len(xs) + sum(1 for _ in range(2))

count([1, 2]), 'len' in globals(), 'len' in dir()
len = lambda xs: 40
count([1, 2]), 'len' in globals()
del len
count([1, 2]), 'len' in globals()
del len
print = 5
print
del print
print("builtin again")
