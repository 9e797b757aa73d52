# typing: the names annotated tutorials import; annotations document
import socket
import typing
from typing import Optional, List, Dict, Tuple, Union, Any, Callable
Address = Tuple[str, int]
Address
Optional[str], List[int], Dict[str, int], Union[int, str], Any
Callable[[int], str], Tuple[int, ...], List[socket.socket], Optional[Address]
Optional, List, typing.TYPE_CHECKING, typing.cast(int, "x")
Optional[int] == Union[int, None], Union[int, int], Union[int, Union[str, bytes]]
List["Peer"], Dict[str, Optional[bytes]]
T = typing.TypeVar("T")
T, List[T]
def recv_exactly(sock: socket.socket, n: int) -> bytes:
    return b"x" * n

recv_exactly(None, 3)
peers: Dict[str, Address] = {}
peers["a"] = ("127.0.0.1", 1)
peers
count: int
Optional[int, str]
List[int][str]
