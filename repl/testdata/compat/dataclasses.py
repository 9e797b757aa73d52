# dataclasses: a message type the way "modern" tutorials declare one
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
import dataclasses
@dataclass
class Message:
    kind: str
    seq: int = 0
    tags: list = field(default_factory=list)

m = Message("ping")
m, Message("a", 2) == Message("a", 2), Message("a") == Message("b"), Message("a") != Message("b")
asdict(m), astuple(m), [f.name for f in fields(Message)], fields(m)[1].default, is_dataclass(m), is_dataclass(5)
m.tags.append("x")
m, Message("q").tags, replace(m, seq=9), vars(m)
Message.__annotations__
Message()
Message("a", 2, [], 4)
Message("a", z=3)
Message("a", kind="b")
hash(m)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

Version(1) < Version(1, 2), sorted([Version(2), Version(1, 5)]), hash(Version(1)) == hash(Version(1)), Version(3) == Version(3)
v = Version(1)
v.major = 2
del v.minor
try:
    v.major = 5
except AttributeError as e:
    print(type(e).__name__, e, isinstance(e, dataclasses.FrozenInstanceError))

@dataclass
class Peer(Message):
    addr: tuple = ("127.0.0.1", 0)
    def __post_init__(self):
        self.label = f"{self.kind}@{self.addr[0]}"

p = Peer("hello", 1, addr=("10.0.0.1", 80))
p, p.label, vars(p), asdict(p)
@dataclass(repr=False, eq=False)
class Plain:
    a: int

Plain(1) == Plain(1), repr(Plain(1))[:14]
@dataclass
class Nested:
    inner: Message
    items: list = field(default_factory=lambda: [1, 2])

asdict(Nested(Message("n"))), Nested(Message("n"))
@dataclass()
class Empty:
    pass

Empty(), Empty() == Empty()
