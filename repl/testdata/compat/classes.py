# Classes as CPython runs them.
import socket
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 1)

p = Point(1, 2)
p
print(p, str(p), [p])
p == Point(1, 2)
p != Point(1, 2)
p == 5
p + Point(3, 4)
len(p)
list(p)
x, y = p
x, y
p.norm1
Point.origin()
Point.unit()
Point.dims
p.dims
Point.__name__
type(p).__name__
type(p) is Point
isinstance(p, Point)
isinstance(p, object)
p.z
Point.__doc__
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "Point3(" + super().__repr__() + f", {self.z})"

q = Point3(1, 2, 3)
q
isinstance(q, Point)
issubclass(Point3, Point)
issubclass(Point, Point3)
q.norm1
Point3.unit()
class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B" + super().who()

class C(A):
    def who(self):
        return "C" + super().who()

class D(B, C):
    def who(self):
        return "D" + super().who()

D().who()
[k.__name__ for k in D.__mro__]
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1

Counter(); Counter(); Counter.count
class NoInit:
    pass

NoInit(1)
n = NoInit()
n.a = 5
n.a
getattr(n, "a"), getattr(n, "b", "default"), hasattr(n, "b")
setattr(n, "b", 7); n.b
class Err(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

e = Err(3, "boom")
e
str(e)
e.code, e.args
class Plain(Exception):
    pass

Plain("a", 1)
str(Plain("a", 1))
str(Plain())
class Box:
    def __init__(self, items):
        self.items = items
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __bool__(self):
        return len(self.items) > 0

bx = Box([1, 2])
bx[0], 2 in bx, 5 in bx, bool(bx), bool(Box([]))
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "O%d" % self.v

sorted([Ordered(3), Ordered(1), Ordered(2)])
Ordered(1) < Ordered(2)
Ordered(1) > Ordered(2)
Ordered(1) <= Ordered(2)

# class keywords go to the nearest base's __init_subclass__ (a classmethod
# without the decorator); object's takes none
class Registered:
    kinds = {}
    def __init_subclass__(cls, code=None, **kw):
        super().__init_subclass__(**kw)
        if code is not None:
            Registered.kinds[code] = cls

class Ping(Registered, code=b"P"):
    pass

class Pong(Ping, code=b"Q"):
    pass

class Plain(Ping):
    pass

sorted((k, v.__name__) for k, v in Registered.kinds.items())
type(Registered.__dict__['__init_subclass__']).__name__
class Odd(Registered, colour=3):
    pass

class Lone(flavour=1):
    pass


# vars(obj) and obj.__dict__ keep the order attributes were first set
class Conn:
    def __init__(self):
        self.sock = None
        self.addr = ("127.0.0.1", 1)
        self.buf = b""

c = Conn()
c.zeta = 1
c.alpha = 2
vars(c)
del c.addr
c.addr = 5
c.buf = b"x"
c.__dict__

# many attributes: set, deleted, set again, in the order they were first set
class Wide:
    pass

w = Wide()
for k in range(20):
    setattr(w, "a%d" % k, k)

w.a3, w.a17, len(vars(w))
del w.a0, w.a16, w.a19
w.a16 = "back"
w.a19
w.a2 = "two"
vars(w), w.a16, w.a2, w.a3, hasattr(w, "a0")
for k in range(20):
    if hasattr(w, "a%d" % k):
        delattr(w, "a%d" % k)

vars(w)
w.fresh = 1
w.__dict__

# __slots__: instances take only the named attributes and have no __dict__
class Slotted:
    __slots__ = ("a",)

class MoreSlots(Slotted):
    __slots__ = ["b"]

class Open(Slotted):
    pass

class OneSlot:
    __slots__ = "x"
    y = 5

m = MoreSlots()
m.a, m.b = 1, 2
m.a, m.b
m.c = 3
vars(m)
o = Open()
o.z = 1
o.z, vars(o)
OneSlot().y = 3
s = OneSlot()
s.x = 1
s.x
Slotted().a
MoreSlots.__slots__
class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.q = 1
w.q

# a property added to a class, or to its base, after instances exist wins
# over their own attributes; deleting it uncovers them again
class Base:
    pass

class Leaf(Base):
    def __init__(self):
        self.size = 1

leaf = Leaf()
leaf.size
Base.size = property(lambda self: 99)
leaf.size
leaf.size = 5
del Base.size
leaf.size
setattr(Leaf, "size", property(lambda self: -1, lambda self, v: None))
leaf.size = 7
leaf.size, vars(leaf)
del Leaf.size
leaf.size
Leaf.size = 3
leaf.size, Leaf.size
