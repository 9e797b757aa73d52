package repl

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"sockrepl/repl/python"
	"strings"
	"testing"
	"time"
)

// badInput is one hostile statement for a fresh Session. want is the
// exception line the learner sees ("" when it must succeed). why is
// empty when python3 prints the same line for the same statement
// (TestBadInputsMatchPython checks that), and otherwise says why this
// shell deliberately answers differently (or, for three entries, why
// python3 is not asked).
type badInput struct {
	name, setup, src, want, why string
}

// Setups: each line is one statement that must succeed.
const (
	tcp      = "s = socket.socket()"
	tcp6     = "v = socket.socket(socket.AF_INET6)"
	udp      = "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)"
	listener = "l = socket.socket()\nl.bind(('127.0.0.1', 0))\nl.listen()"
	pair     = "a, b = socket.socketpair()"
	unixSock = "x = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)"
	closed   = "c = socket.socket()\nc.close()"
)

// badInputs covers wrong types and arities for the socket methods and
// module functions, bad addresses and ports, closed and wrong-kind
// sockets, sizes no machine has, long lines, NUL and invalid UTF-8,
// deep nesting, runaway recursion, unfinished input, Python syntax the
// shell refuses, and % commands with bad arguments.
var badInputs = []badInput{
	{"socket family str", "", "socket.socket('inet')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"socket family float", "", "socket.socket(2.0)", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"socket unknown family", "", "socket.socket(12345)", "OSError: [Errno 97] Address family not supported by protocol", ""},
	{"socket unknown type", "", "socket.socket(socket.AF_INET, 999)", "OSError: [Errno 22] Invalid argument", ""},
	{"socket five args", "", "socket.socket(2, 1, 0, None, 5)", "TypeError: socket.__init__() takes from 1 to 5 positional arguments but 6 were given", ""},
	{"socket misspelt keyword", "", "socket.socket(famly=2)", "TypeError: socket.__init__() got an unexpected keyword argument 'famly'", ""},
	{"socket negative fileno", "", "socket.socket(fileno=-5)", "ValueError: negative file descriptor", ""},
	{"socket fileno of another socket", pair, "socket.socket(fileno=a.fileno())", "ValueError: socket(fileno=...) takes only a descriptor that detach() or recv_fds() gave out: for another socket's descriptor use s.dup() or socket.fromfd(fd, family, type)", "two socket objects on one descriptor would close it twice: the shell adopts only what detach() handed out"},
	{"socket foreign fileno", "", "socket.socket(fileno=0)", "ValueError: socket(fileno=...) takes only a descriptor that detach() or recv_fds() gave out: for another socket's descriptor use s.dup() or socket.fromfd(fd, family, type)", "a descriptor the shell did not get from detach() or recv_fds() is one it does not own"},
	{"socket wrong proto", "", "socket.socket(socket.AF_INET, socket.SOCK_STREAM, 99)", "OSError: [Errno 93] Protocol not supported", ""},
	{"bind no args", tcp, "s.bind()", "TypeError: socket.bind() takes exactly one argument (0 given)", ""},
	{"bind two args", tcp, "s.bind('127.0.0.1', 80)", "TypeError: socket.bind() takes exactly one argument (2 given)", ""},
	{"bind str", tcp, "s.bind('127.0.0.1')", "TypeError: bind(): AF_INET address must be tuple, not str", ""},
	{"bind None", tcp, "s.bind(None)", "TypeError: bind(): AF_INET address must be tuple, not NoneType", ""},
	{"bind int", tcp, "s.bind(80)", "TypeError: bind(): AF_INET address must be tuple, not int", ""},
	{"bind list", tcp, "s.bind(['127.0.0.1', 0])", "TypeError: bind(): AF_INET address must be tuple, not list", ""},
	{"bind 1-tuple", tcp, "s.bind(('127.0.0.1',))", "TypeError: AF_INET address must be a pair (host, port)", ""},
	{"bind 3-tuple", tcp, "s.bind(('127.0.0.1', 0, 0))", "TypeError: AF_INET address must be a pair (host, port)", ""},
	{"bind port -1", tcp, "s.bind(('127.0.0.1', -1))", "OverflowError: bind(): port must be 0-65535.", ""},
	{"bind port 65536", tcp, "s.bind(('127.0.0.1', 65536))", "OverflowError: bind(): port must be 0-65535.", ""},
	{"bind port 10**30", tcp, "s.bind(('127.0.0.1', 10**30))", "OverflowError: bind(): port must be 0-65535.", ""},
	{"bind port str", tcp, "s.bind(('127.0.0.1', '80'))", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"bind port float", tcp, "s.bind(('127.0.0.1', 80.0))", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"bind port None", tcp, "s.bind(('127.0.0.1', None))", "TypeError: 'NoneType' object cannot be interpreted as an integer", ""},
	{"bind host int", tcp, "s.bind((127, 0))", "TypeError: str, bytes or bytearray expected, not int", ""},
	{"bind host None", tcp, "s.bind((None, 0))", "TypeError: str, bytes or bytearray expected, not NoneType", ""},
	{"bind unknown host", tcp, "s.bind(('no.such.host.invalid', 0))", "socket.gaierror: [Errno -2] Name or service not known", ""},
	{"bind host 256.1.1.1", tcp, "s.bind(('256.1.1.1', 0))", "socket.gaierror: [Errno -2] Name or service not known", ""},
	{"bind host bytes", tcp, "s.bind((b'127.0.0.1', 0))", "", ""},
	{"bind IPv6 on AF_INET", tcp, "s.bind(('::1', 0))", "socket.gaierror: [Errno -9] Address family for hostname not supported", ""},
	{"bind address not local", tcp, "s.bind(('192.0.2.1', 0))", "OSError: [Errno 99] Cannot assign requested address", ""},
	{"bind twice", tcp + "\n" + "s.bind(('127.0.0.1', 0))", "s.bind(('127.0.0.1', 0))", "OSError: [Errno 22] Invalid argument", ""},
	{"bind keyword", tcp, "s.bind(address=('127.0.0.1', 0))", "TypeError: socket.bind() takes no keyword arguments", ""},
	{"bind AF_UNIX tuple", unixSock, "x.bind(('127.0.0.1', 0))", "TypeError: a bytes-like object is required, not 'tuple'", ""},
	{"bind AF_UNIX int", unixSock, "x.bind(5)", "TypeError: a bytes-like object is required, not 'int'", ""},
	{"bind AF_INET6 5-tuple", tcp6, "v.bind(('::1', 0, 0, 0, 0))", "TypeError: AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])", ""},
	{"bind AF_INET6 negative flowinfo", tcp6, "v.bind(('::1', 0, -1))", "OverflowError: bind(): flowinfo must be 0-1048575.", ""},
	{"bind closed", closed, "c.bind(('127.0.0.1', 0))", "OSError: [Errno 9] Bad file descriptor", ""},
	{"connect no args", tcp, "s.connect()", "TypeError: socket.connect() takes exactly one argument (0 given)", ""},
	{"connect str", tcp, "s.connect('localhost:80')", "TypeError: connect(): AF_INET address must be tuple, not str", ""},
	{"connect port 0", tcp, "s.connect(('127.0.0.1', 0))", "ConnectionRefusedError: [Errno 111] Connection refused", ""},
	{"connect port -5", tcp, "s.connect(('127.0.0.1', -5))", "OverflowError: connect(): port must be 0-65535.", ""},
	{"connect port 70000", tcp, "s.connect(('127.0.0.1', 70000))", "OverflowError: connect(): port must be 0-65535.", ""},
	{"connect refused", tcp + "\n" + "z = socket.socket()\nz.bind(('127.0.0.1', 0))\nport = z.getsockname()[1]\nz.close()", "s.connect(('127.0.0.1', port))", "ConnectionRefusedError: [Errno 111] Connection refused", ""},
	{"connect_ex int", tcp, "s.connect_ex(5)", "TypeError: connect_ex(): AF_INET address must be tuple, not int", ""},
	{"connect on listener", listener, "l.connect(('127.0.0.1', 1))", "OSError: [Errno 106] Transport endpoint is already connected", ""},
	{"connect UDP 1-tuple", udp, "u.connect(('127.0.0.1',))", "TypeError: AF_INET address must be a pair (host, port)", ""},
	{"connect closed", closed, "c.connect(('127.0.0.1', 1))", "OSError: [Errno 9] Bad file descriptor", ""},
	{"listen str", tcp, "s.listen('5')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"listen float", tcp, "s.listen(1.5)", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"listen two args", tcp, "s.listen(1, 2)", "TypeError: listen() takes at most 1 argument (2 given)", ""},
	{"listen backlog 10**20", tcp, "s.listen(10**20)", "OverflowError: Python int too large to convert to C long", ""},
	{"listen on UDP", udp, "u.listen()", "OSError: [Errno 95] Operation not supported", ""},
	{"listen closed", closed, "c.listen()", "OSError: [Errno 9] Bad file descriptor", ""},
	{"accept with arg", tcp, "s.accept(1)", "TypeError: socket.accept() takes 1 positional argument but 2 were given", ""},
	{"accept unbound", tcp, "s.accept()", "OSError: [Errno 22] Invalid argument", ""},
	{"accept on UDP", udp, "u.accept()", "OSError: [Errno 95] Operation not supported", ""},
	{"accept closed", closed, "c.accept()", "OSError: [Errno 9] Bad file descriptor", ""},
	{"accept on connected", pair, "a.accept()", "OSError: [Errno 22] Invalid argument", ""},
	{"recv no args", tcp, "s.recv()", "TypeError: recv() takes at least 1 argument (0 given)", ""},
	{"recv str", tcp, "s.recv('10')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"recv float", tcp, "s.recv(1.5)", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"recv negative", tcp, "s.recv(-1)", "ValueError: negative buffersize in recv", ""},
	{"recv None", pair, "a.recv(None)", "TypeError: 'NoneType' object cannot be interpreted as an integer", ""},
	{"recv flags str", pair, "a.recv(10, 'x')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"recv three args", pair, "a.recv(1, 0, 0)", "TypeError: recv() takes at most 2 arguments (3 given)", ""},
	{"recv 10**30", pair, "a.recv(10**30)", "OverflowError: Python int too large to convert to C ssize_t", ""},
	{"recv 10**12 with data queued", pair + "\n" + "b.sendall(b'hi')", "assert a.recv(10**12) == b'hi'", "", "CPython allocates the whole buffer first (MemoryError); the buffer here is sized from the receive queue, so a huge bufsize costs nothing"},
	{"recv 10**12 non-blocking", pair + "\n" + "a.setblocking(False)", "a.recv(10**12)", "BlockingIOError: [Errno 11] Resource temporarily unavailable", "CPython allocates the whole buffer first (MemoryError); here the call goes ahead and finds nothing queued"},
	{"recv unconnected", tcp, "s.recv(10)", "OSError: [Errno 107] Transport endpoint is not connected", ""},
	{"recv closed", closed, "c.recv(10)", "OSError: [Errno 9] Bad file descriptor", ""},
	{"recv on listener", listener, "l.recv(10)", "OSError: [Errno 107] Transport endpoint is not connected", ""},
	{"recvfrom on listener", listener, "l.recvfrom(10)", "OSError: [Errno 107] Transport endpoint is not connected", ""},
	{"recvfrom negative", udp, "u.recvfrom(-3)", "ValueError: negative buffersize in recvfrom", ""},
	{"recvfrom no args", udp, "u.recvfrom()", "TypeError: recvfrom() takes at least 1 argument (0 given)", ""},
	{"recvfrom 10**12 non-blocking", udp + "\n" + "u.setblocking(False)", "u.recvfrom(10**12)", "BlockingIOError: [Errno 11] Resource temporarily unavailable", "CPython allocates the whole buffer first (MemoryError); here the call goes ahead and finds nothing queued"},
	{"send str", pair, "a.send('hello')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"send int", pair, "a.send(5)", "TypeError: a bytes-like object is required, not 'int'", ""},
	{"send None", pair, "a.send(None)", "TypeError: a bytes-like object is required, not 'NoneType'", ""},
	{"send no args", pair, "a.send()", "TypeError: send() takes at least 1 argument (0 given)", ""},
	{"send flags str", pair, "a.send(b'x', 'f')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"sendall str", pair, "a.sendall('hello')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"sendall list", pair, "a.sendall([1, 2])", "TypeError: a bytes-like object is required, not 'list'", ""},
	{"send unconnected", tcp, "s.send(b'x')", "BrokenPipeError: [Errno 32] Broken pipe", ""},
	{"sendall closed", closed, "c.sendall(b'x')", "OSError: [Errno 9] Bad file descriptor", ""},
	{"send on listener", listener, "l.send(b'x')", "BrokenPipeError: [Errno 32] Broken pipe", ""},
	{"sendall after peer closed", pair + "\n" + "b.close()", "a.sendall(b'x' * 100000)", "BrokenPipeError: [Errno 32] Broken pipe", ""},
	{"sendto no address", udp, "u.sendto(b'x')", "TypeError: sendto() takes 2 or 3 arguments (1 given)", ""},
	{"sendto str data", udp, "u.sendto('x', ('127.0.0.1', 9))", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"sendto str address", udp, "u.sendto(b'x', 'nowhere')", "TypeError: sendto(): AF_INET address must be tuple, not str", ""},
	{"sendto port 65536", udp, "u.sendto(b'x', ('127.0.0.1', 65536))", "OverflowError: sendto(): port must be 0-65535.", ""},
	{"sendto four args", udp, "u.sendto(b'x', 0, ('127.0.0.1', 9), 1)", "TypeError: sendto() takes 2 or 3 arguments (4 given)", ""},
	{"sendto on connected TCP", pair, "a.sendto(b'x', ('127.0.0.1', 9))", "TypeError: a bytes-like object is required, not 'tuple'", ""},
	{"shutdown no args", pair, "a.shutdown()", "TypeError: socket.shutdown() takes exactly one argument (0 given)", ""},
	{"shutdown how 7", pair, "a.shutdown(7)", "OSError: [Errno 22] Invalid argument", ""},
	{"shutdown str", pair, "a.shutdown('rd')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"shutdown unconnected", tcp, "s.shutdown(socket.SHUT_RDWR)", "OSError: [Errno 107] Transport endpoint is not connected", ""},
	{"shutdown closed", closed, "c.shutdown(socket.SHUT_RDWR)", "OSError: [Errno 9] Bad file descriptor", ""},
	{"setsockopt two args", tcp, "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)", "TypeError: setsockopt() takes exactly 3 arguments (2 given)", ""},
	{"setsockopt str value", tcp, "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 'yes')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"setsockopt unknown level", tcp, "s.setsockopt(99999, 1, 1)", "OSError: [Errno 92] Protocol not available", ""},
	{"setsockopt unknown option", tcp, "s.setsockopt(socket.SOL_SOCKET, 99999, 1)", "OSError: [Errno 92] Protocol not available", ""},
	{"setsockopt None", tcp, "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None)", "TypeError: a bytes-like object is required, not 'NoneType'", ""},
	{"getsockopt one arg", tcp, "s.getsockopt(socket.SOL_SOCKET)", "TypeError: getsockopt() takes at least 2 arguments (1 given)", ""},
	{"getsockopt buflen -1", tcp, "s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, -1)", "OSError: getsockopt buflen out of range", ""},
	{"getsockopt buflen 10**12", tcp, "s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 10**12)", "OverflowError: signed integer is greater than maximum", ""},
	{"getsockopt closed", closed, "c.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)", "OSError: [Errno 9] Bad file descriptor", ""},
	{"settimeout negative", tcp, "s.settimeout(-1)", "ValueError: Timeout value out of range", ""},
	{"settimeout str", tcp, "s.settimeout('1')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"settimeout 1e300", tcp, "s.settimeout(1e300)", "OverflowError: timestamp out of range for platform time_t", ""},
	{"settimeout nan", tcp, "s.settimeout(float('nan'))", "ValueError: Invalid value NaN (not a number)", ""},
	{"setblocking str", tcp, "s.setblocking('no')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"setblocking no args", tcp, "s.setblocking()", "TypeError: socket.setblocking() takes exactly one argument (0 given)", ""},
	{"setblocking closed", closed, "c.setblocking(False)", "OSError: [Errno 9] Bad file descriptor", ""},
	{"fileno with arg", tcp, "s.fileno(1)", "TypeError: socket.fileno() takes no arguments (1 given)", ""},
	{"fileno closed", closed, "c.fileno()", "", ""},
	{"getpeername unconnected", tcp, "s.getpeername()", "OSError: [Errno 107] Transport endpoint is not connected", ""},
	{"getsockname closed", closed, "c.getsockname()", "OSError: [Errno 9] Bad file descriptor", ""},
	{"gettimeout with arg", tcp, "s.gettimeout(1)", "TypeError: socket.gettimeout() takes no arguments (1 given)", ""},
	{"close with arg", tcp, "s.close(1)", "TypeError: socket.close() takes 1 positional argument but 2 were given", ""},
	{"no such method", tcp, "s.frobnicate()", "AttributeError: 'socket' object has no attribute 'frobnicate'", ""},
	{"assign family", tcp, "s.family = 3", "AttributeError: property 'family' of 'socket' object has no setter", ""},
	{"assign a method", tcp, "s.recv = 3", "AttributeError: 'socket' object attribute 'recv' is read-only", ""},
	{"socketpair AF_INET6", "", "socket.socketpair(socket.AF_INET6)", "OSError: [Errno 95] Operation not supported", ""},
	{"socketpair str", "", "socket.socketpair('x')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"create_connection no args", "", "socket.create_connection()", "TypeError: create_connection() missing 1 required positional argument: 'address'", ""},
	{"create_connection str", "", "socket.create_connection('localhost')", "ValueError: too many values to unpack (expected 2)", ""},
	{"create_connection port str", "", "socket.create_connection(('127.0.0.1', 'nosuchservice'))", "socket.gaierror: [Errno -8] Servname not supported for ai_socktype", ""},
	{"gethostbyname no args", "", "socket.gethostbyname()", "TypeError: gethostbyname() takes exactly 1 argument (0 given)", ""},
	{"gethostbyname int", "", "socket.gethostbyname(5)", "TypeError: gethostbyname() argument 1 must be str, bytes or bytearray, not int", ""},
	{"gethostbyname unknown", "", "socket.gethostbyname('no.such.host.invalid')", "socket.gaierror: [Errno -2] Name or service not known", ""},
	{"gethostname with arg", "", "socket.gethostname(1)", "TypeError: _socket.gethostname() takes no arguments (1 given)", ""},
	{"getaddrinfo no args", "", "socket.getaddrinfo()", "TypeError: getaddrinfo() missing 2 required positional arguments: 'host' and 'port'", ""},
	{"getaddrinfo unknown service", "", "socket.getaddrinfo('localhost', 'nosuchservice')", "socket.gaierror: [Errno -8] Servname not supported for ai_socktype", ""},
	{"getaddrinfo port list", "", "socket.getaddrinfo('localhost', [80])", "OSError: Int or String expected", ""},
	{"getaddrinfo unknown family", "", "socket.getaddrinfo('localhost', 80, 12345)", "socket.gaierror: [Errno -6] ai_family not supported", ""},
	{"getdefaulttimeout with arg", "", "socket.getdefaulttimeout(1)", "TypeError: _socket.getdefaulttimeout() takes no arguments (1 given)", ""},
	{"htons negative", "", "socket.htons(-1)", "OverflowError: htons: can't convert negative Python int to C 16-bit unsigned integer", ""},
	{"htons 70000", "", "socket.htons(70000)", "OverflowError: htons: Python int too large to convert to C 16-bit unsigned integer", ""},
	{"htons str", "", "socket.htons('1')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"htonl 2**32", "", "socket.htonl(2**32)", "OverflowError: int larger than 32 bits", ""},
	{"ntohl negative", "", "socket.ntohl(-1)", "OverflowError: can't convert negative value to unsigned int", ""},
	{"ntohs float", "", "socket.ntohs(1.0)", "TypeError: 'float' object cannot be interpreted as an integer", ""},
	{"inet_aton five parts", "", "socket.inet_aton('1.2.3.4.5')", "OSError: illegal IP address string passed to inet_aton", ""},
	{"inet_aton bytes", "", "socket.inet_aton(b'1.2.3.4')", "TypeError: inet_aton() argument 1 must be str, not bytes", ""},
	{"inet_ntoa short", "", "socket.inet_ntoa(b'\\x01\\x02')", "OSError: packed IP wrong length for inet_ntoa", ""},
	{"inet_ntoa str", "", "socket.inet_ntoa('1234')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"inet_pton unknown family", "", "socket.inet_pton(99, '1.2.3.4')", "OSError: [Errno 97] Address family not supported by protocol", ""},
	{"inet_pton bad IPv6", "", "socket.inet_pton(socket.AF_INET6, 'zz::1')", "OSError: illegal IP address string passed to inet_pton", ""},
	{"inet_ntop short", "", "socket.inet_ntop(socket.AF_INET, b'\\x01')", "ValueError: invalid length of packed IP address string", ""},
	{"inet_ntop unknown family", "", "socket.inet_ntop(99, b'\\x01\\x02\\x03\\x04')", "ValueError: unknown address family 99", ""},
	{"select str list", "", "select.select('a', [], [], 0)", "TypeError: argument must be an int, or have a fileno() method.", ""},
	{"select int", "", "select.select(1, [], [])", "TypeError: arguments 1-3 must be sequences", ""},
	{"select two args", "", "select.select([], [])", "TypeError: select expected at least 3 arguments, got 2", ""},
	{"select negative timeout", "", "select.select([], [], [], -1)", "ValueError: timeout must be non-negative", ""},
	{"select str timeout", "", "select.select([], [], [], 'x')", "TypeError: timeout must be a float or None", ""},
	{"select 10**30 timeout", tcp, "select.select([s], [], [], 10**30)", "OverflowError: timestamp too large to convert to C _PyTime_t", ""},
	{"select closed socket", closed, "select.select([c], [], [], 0)", "ValueError: file descriptor cannot be a negative integer (-1)", ""},
	{"select None item", "", "select.select([None], [], [], 0)", "TypeError: argument must be an int, or have a fileno() method.", ""},
	{"select negative fd", "", "select.select([-1], [], [], 0)", "ValueError: file descriptor cannot be a negative integer (-1)", ""},
	{"select huge range", "", "select.select(range(10**12), [], [], 0)", "MemoryError", ""},
	{"argparse option twice", "import argparse\np = argparse.ArgumentParser(prog='x')\np.add_argument('--port')", "p.add_argument('--port')", "argparse.ArgumentError: argument --port: conflicting option string: --port", ""},
	{"argparse required positional", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('host', required=True)", "TypeError: 'required' is an invalid argument for positionals", ""},
	{"argparse type not callable", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--port', type='int')", "ValueError: 'int' is not callable", ""},
	{"argparse unknown action", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--v', action='counter')", "ValueError: unknown action \"counter\"", ""},
	{"argparse nargs 0", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--v', nargs=0)", "ValueError: nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate", ""},
	{"argparse nargs str", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--v', nargs='x')", "ValueError: invalid nargs value", ""},
	{"argparse store_true with type", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--v', action='store_true', type=int)", "TypeError: _StoreTrueAction.__init__() got an unexpected keyword argument 'type'", ""},
	{"argparse option without dash", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('a', 'b')", "ValueError: invalid option string 'a': must start with a character '-'", ""},
	{"argparse misspelt keyword", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_argument('--port', defualt=1)", "TypeError: _StoreAction.__init__() got an unexpected keyword argument 'defualt'", ""},
	{"argparse parser keyword", "import argparse", "argparse.ArgumentParser(name='x')", "TypeError: ArgumentParser.__init__() got an unexpected keyword argument 'name'", ""},
	{"argparse Namespace positional", "import argparse", "argparse.Namespace(1)", "TypeError: Namespace.__init__() takes 1 positional argument but 2 were given", ""},
	{"argparse subparsers", "import argparse\np = argparse.ArgumentParser(prog='x')", "p.add_subparsers()", "NotImplementedError: add_subparsers() is not available in this shell: use a positional argument with choices=['server', 'client'] and dispatch on it", "subcommands are not offered; the message says how to write the same thing"},
	{"argparse FileType", "import argparse", "argparse.FileType('r')", "NotImplementedError: argparse.FileType is not available in this shell: files are not available; take the name as a str argument", "no files in this shell"},
	{"makefile bad mode", pair, "a.makefile('rt')", "ValueError: invalid mode 'rt' (only r, w, b allowed)", ""},
	{"makefile unbuffered text", pair, "a.makefile('r', 0)", "ValueError: unbuffered streams must be binary", ""},
	{"makefile unknown encoding", pair, "a.makefile('r', encoding='klingon')", "LookupError: unknown encoding: klingon", ""},
	{"makefile bad newline", pair, "a.makefile('r', newline='x')", "ValueError: illegal newline value: x", ""},
	{"makefile four positional", pair, "a.makefile('r', -1, 'utf-8')", "TypeError: socket.makefile() takes from 1 to 3 positional arguments but 4 were given", ""},
	{"makefile write bytes to text", pair + "\nf = a.makefile('w')", "f.write(b'x')", "TypeError: write() argument must be str, not bytes", ""},
	{"makefile write str to binary", pair + "\nf = a.makefile('wb')", "f.write('x')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"makefile read from writer", pair + "\nf = a.makefile('w')", "f.read()", "io.UnsupportedOperation: not readable", ""},
	{"makefile write to reader", pair + "\nf = a.makefile('rb')", "f.write(b'x')", "io.UnsupportedOperation: write", ""},
	{"makefile read closed", pair + "\nf = a.makefile('rb')\nf.close()", "f.read()", "ValueError: read of closed file", ""},
	{"makefile write closed", pair + "\nf = a.makefile('w')\nf.close()", "f.write('x')", "ValueError: I/O operation on closed file.", ""},
	{"makefile tell", pair + "\nf = a.makefile('r')", "f.tell()", "io.UnsupportedOperation: underlying stream is not seekable", ""},
	{"sendfile text file", pair + "\nf = b.makefile('r')", "a.sendfile(f)", "ValueError: file should be opened in binary mode", ""},
	{"sendfile count 0", pair + "\nf = b.makefile('rb')", "a.sendfile(f, count=0)", "ValueError: count must be a positive integer (got 0)", ""},
	{"sendfile UDP", udp + "\n" + pair + "\nf = b.makefile('rb')", "u.sendfile(f)", "ValueError: only SOCK_STREAM type sockets are supported", ""},
	{"create_server two positional", "", "socket.create_server(('127.0.0.1', 0), 5)", "TypeError: create_server() takes 1 positional argument but 2 were given", ""},
	{"create_server unknown host", "", "socket.create_server(('no.such.host.invalid', 0))", "OSError: [Errno -2] Name or service not known (while attempting to bind on address ('no.such.host.invalid', 0))", ""},
	{"create_server address not local", "", "socket.create_server(('192.0.2.1', 0))", "OSError: [Errno 99] Cannot assign requested address (while attempting to bind on address ('192.0.2.1', 0))", ""},
	{"create_server dualstack on IPv4", "", "socket.create_server(('', 0), dualstack_ipv6=True)", "ValueError: dualstack_ipv6 requires AF_INET6 family", ""},
	{"setdefaulttimeout negative", "", "socket.setdefaulttimeout(-1)", "ValueError: Timeout value out of range", ""},
	{"setdefaulttimeout str", "", "socket.setdefaulttimeout('1')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"fromfd bad descriptor", "", "socket.fromfd(-1, socket.AF_INET, socket.SOCK_STREAM)", "OSError: [Errno 9] Bad file descriptor", ""},
	{"fromfd missing type", "", "socket.fromfd(0, socket.AF_INET)", "TypeError: fromfd() missing 1 required positional argument: 'type'", ""},
	{"dup closed", closed, "c.dup()", "OSError: [Errno 9] Bad file descriptor", ""},
	{"getservbyname unknown", "", "socket.getservbyname('no-such-service')", "OSError: service/proto not found", ""},
	{"getservbyname bytes", "", "socket.getservbyname(b'http')", "TypeError: getservbyname() argument 1 must be str, not bytes", ""},
	{"getservbyport out of range", "", "socket.getservbyport(65536)", "OverflowError: getservbyport: port must be 0-65535.", ""},
	{"getservbyport unknown", "", "socket.getservbyport(80, 'udp')", "OSError: port/proto not found", ""},
	{"getprotobyname unknown", "", "socket.getprotobyname('nope')", "OSError: protocol not found", ""},
	{"poll register str", "p = select.poll()", "p.register('x')", "TypeError: argument must be an int, or have a fileno() method.", ""},
	{"poll register closed socket", "p = select.poll()\n" + closed, "p.register(c)", "ValueError: file descriptor cannot be a negative integer (-1)", ""},
	{"poll register mask too big", "p = select.poll()\n" + pair, "p.register(a, 1 << 20)", "OverflowError: Python int too large for C unsigned short", ""},
	{"poll unregister unknown", "p = select.poll()", "p.unregister(99)", "KeyError: 99", ""},
	{"poll modify unknown", "p = select.poll()\n" + pair, "p.modify(a, select.POLLIN)", "FileNotFoundError: [Errno 2] No such file or directory", ""},
	{"poll timeout str", "p = select.poll()", "p.poll('1')", "TypeError: timeout must be an integer or None", ""},
	{"poll timeout too large", "p = select.poll()", "p.poll(2**31)", "OverflowError: timeout is too large", ""},
	{"poll timeout keyword", "p = select.poll()", "p.poll(timeout=0)", "TypeError: poll.poll() takes no keyword arguments", ""},
	{"epoll closed", "e = select.epoll()\ne.close()", "e.poll(0)", "ValueError: I/O operation on closed epoll object", ""},
	{"epoll register twice", "e = select.epoll()\n" + pair + "\ne.register(a)", "e.register(a)", "FileExistsError: [Errno 17] File exists", ""},
	{"epoll register closed socket", "e = select.epoll()\n" + closed, "e.register(c)", "ValueError: file descriptor cannot be a negative integer (-1)", ""},
	{"epoll unregister unknown", "e = select.epoll()\n" + pair, "e.unregister(a)", "FileNotFoundError: [Errno 2] No such file or directory", ""},
	{"epoll maxevents 0", "e = select.epoll()", "e.poll(0, 0)", "ValueError: maxevents must be greater than 0, got 0", ""},
	{"epoll timeout NaN", "e = select.epoll()", "e.poll(float('nan'))", "ValueError: Invalid value NaN (not a number)", ""},
	{"epoll sizehint 0", "", "select.epoll(0)", "ValueError: negative sizehint", ""},
	{"selector register str", "import selectors\nsel = selectors.DefaultSelector()", "sel.register('sock', selectors.EVENT_READ)", "ValueError: Invalid file object: 'sock'", ""},
	{"selector register no events", "import selectors\nsel = selectors.DefaultSelector()\n" + pair, "sel.register(a, 0)", "ValueError: Invalid events: 0", ""},
	{"selector register POLLOUT", "import selectors\nsel = selectors.DefaultSelector()\n" + pair, "sel.register(a, select.POLLOUT)", "ValueError: Invalid events: 4", ""},
	{"selector register events str", "import selectors\nsel = selectors.DefaultSelector()\n" + pair, "sel.register(a, 'r')", "TypeError: unsupported operand type(s) for &: 'str' and 'int'", ""},
	{"selector register closed socket", "import selectors\nsel = selectors.DefaultSelector()\n" + closed, "sel.register(c, selectors.EVENT_READ)", "ValueError: Invalid file descriptor: -1", ""},
	{"selector register without events", "import selectors\nsel = selectors.DefaultSelector()\n" + pair, "sel.register(a)", "TypeError: _PollLikeSelector.register() missing 1 required positional argument: 'events'", ""},
	{"selector unregister unknown", "import selectors\nsel = selectors.SelectSelector()", "sel.unregister(5)", "KeyError: '5 is not registered'", ""},
	{"selector get_key after close", "import selectors\nsel = selectors.DefaultSelector()\nsel.close()", "sel.get_key(5)", "RuntimeError: Selector is closed", ""},
	{"selector select after close", "import selectors\nsel = selectors.DefaultSelector()\nsel.close()", "sel.select(0)", "ValueError: I/O operation on closed epoll object", ""},
	{"selector select timeout str", "import selectors\nsel = selectors.PollSelector()", "sel.select('1')", "TypeError: '<=' not supported between instances of 'str' and 'int'", ""},
	{"selector select timeout NaN", "import selectors\nsel = selectors.DefaultSelector()", "sel.select(float('nan'))", "ValueError: cannot convert float NaN to integer", ""},
	{"abstract BaseSelector", "import selectors", "selectors.BaseSelector()", "TypeError: Can't instantiate abstract class BaseSelector with abstract methods get_map, register, select, unregister", ""},
	{"epoll fromfd", "e = select.epoll()", "select.epoll.fromfd(e.fileno())", "ValueError: epoll.fromfd() is not available in this shell: make a new select.epoll() instead", "two epoll objects on one descriptor would close it twice; the shell owns every descriptor it hands out"},
	{"sleep negative", "", "time.sleep(-1)", "ValueError: sleep length must be non-negative", ""},
	{"sleep str", "", "time.sleep('1')", "TypeError: 'str' object cannot be interpreted as an integer", ""},
	{"sleep no args", "", "time.sleep()", "TypeError: time.sleep() takes exactly one argument (0 given)", ""},
	{"sleep 1e300", "", "time.sleep(1e300)", "OverflowError: timestamp out of range for platform time_t", ""},
	{"sleep 10**30", "", "time.sleep(10**30)", "OverflowError: timestamp too large to convert to C _PyTime_t", ""},
	{"sleep nan", "", "time.sleep(float('nan'))", "ValueError: Invalid value NaN (not a number)", ""},
	{"time with arg", "", "time.time(1)", "TypeError: time.time() takes no arguments (1 given)", ""},
	{"pack no args", "", "struct.pack()", "TypeError: missing format argument", ""},
	{"pack bad char", "", "struct.pack('z', 1)", "struct.error: bad char in struct format", ""},
	{"pack too few", "", "struct.pack('!HH', 1)", "struct.error: pack expected 2 items for packing (got 1)", ""},
	{"pack too many", "", "struct.pack('!H', 1, 2)", "struct.error: pack expected 1 items for packing (got 2)", ""},
	{"pack H 70000", "", "struct.pack('!H', 70000)", "struct.error: 'H' format requires 0 <= number <= 65535", ""},
	{"pack I -1", "", "struct.pack('!I', -1)", "struct.error: argument out of range", ""},
	{"pack str for int", "", "struct.pack('!H', 'a')", "struct.error: required argument is not an integer", ""},
	{"pack str for s", "", "struct.pack('4s', 'abcd')", "struct.error: argument for 's' must be a bytes object", ""},
	{"pack float for int", "", "struct.pack('i', 1.5)", "struct.error: required argument is not an integer", ""},
	{"pack 10**9 s", "", "struct.pack('1000000000s', b'')", "MemoryError", "CPython builds the 1 GB; builtins here build at most 256 MiB at once (maxValueBytes)"},
	{"pack 10**12 x", "", "struct.pack('1000000000000x')", "MemoryError", ""},
	{"pack count overflow", "", "struct.pack('99999999999999999999s', b'')", "struct.error: total struct size too long", ""},
	{"pack 10**9 items", "", "struct.pack('1000000000i')", "struct.error: pack expected 1000000000 items for packing (got 0)", ""},
	{"calcsize 10**12 x", "", "assert struct.calcsize('1000000000000x') == 10**12", "", ""},
	{"calcsize overflow", "", "struct.calcsize('99999999999999999999B')", "struct.error: total struct size too long", ""},
	{"calcsize sum overflow", "", "struct.calcsize('9223372036854775807x9223372036854775807x')", "struct.error: total struct size too long", ""},
	{"calcsize trailing order", "", "struct.calcsize('!Q!')", "struct.error: bad char in struct format", ""},
	{"calcsize int", "", "struct.calcsize(5)", "TypeError: Struct() argument 1 must be a str or bytes object, not int", ""},
	{"unpack short buffer", "", "struct.unpack('!I', b'\\x00')", "struct.error: unpack requires a buffer of 4 bytes", ""},
	{"unpack str buffer", "", "struct.unpack('!I', 'abcd')", "TypeError: a bytes-like object is required, not 'str'", ""},
	{"unpack 10**12 x", "", "struct.unpack('1000000000000x', b'')", "struct.error: unpack requires a buffer of 1000000000000 bytes", ""},
	{"unpack_from past end", "", "struct.unpack_from('!I', b'abcd', 2)", "struct.error: unpack_from requires a buffer of at least 6 bytes for unpacking 4 bytes at offset 2 (actual buffer size is 4)", ""},
	{"unpack_from offset -10", "", "struct.unpack_from('!I', b'abcd', -10)", "struct.error: offset -10 out of range for 4-byte buffer", ""},
	{"unpack_from offset -2**63", "", "struct.unpack_from('!I', b'abcd', -2**63)", "struct.error: offset -9223372036854775808 out of range for 4-byte buffer", ""},
	{"bytes times 10**12", "", "b'x' * 10**12", "MemoryError", ""},
	{"str times 10**12", "", "'a' * 10**12", "MemoryError", ""},
	{"list times 10**12", "", "[0] * 10**12", "MemoryError", ""},
	{"tuple times 10**12", "", "(0,) * 10**12", "MemoryError", ""},
	{"bytes times 10**30", "", "b'x' * 10**30", "OverflowError: cannot fit 'int' into an index-sized integer", ""},
	{"bytes(10**12)", "", "bytes(10**12)", "MemoryError", ""},
	{"bytes(-1)", "", "bytes(-1)", "ValueError: negative count", ""},
	{"bytes of huge range", "", "bytes(range(10**12))", "MemoryError", ""},
	{"bytearray(10**12)", "", "bytearray(10**12)", "MemoryError", ""},
	{"bytearray times 10**12", "", "bytearray(b'x') * 10**12", "MemoryError", ""},
	{"bytearray times 10**30", "", "bytearray(b'x') * 10**30", "OverflowError: cannot fit 'int' into an index-sized integer", ""},
	{"bytearray extend huge range", "", "bytearray().extend(range(10**12))", "MemoryError", "CPython appends until the machine's memory runs out; here a range too big for one value is refused first"},
	{"bytearray index str", "", "bytearray(3)['a']", "TypeError: bytearray indices must be integers or slices, not str", ""},
	{"bytearray store 256", "", "x = bytearray(3); x[0] = 256", "ValueError: byte must be in range(0, 256)", ""},
	{"bytearray hashed", "", "{bytearray(): 1}", "TypeError: unhashable type: 'bytearray'", ""},
	{"recv_into bytes", pair, "a.recv_into(b'abc')", "TypeError: recv_into() argument 1 must be read-write bytes-like object, not bytes", ""},
	{"recv_into no buffer", pair, "a.recv_into()", "TypeError: recv_into() missing required argument 'buffer' (pos 1)", ""},
	{"recv_into negative", pair, "a.recv_into(bytearray(4), -1)", "ValueError: negative buffersize in recv_into", ""},
	{"recv_into past the buffer", pair, "a.recv_into(bytearray(4), 8)", "ValueError: buffer too small for requested bytes", ""},
	{"recv_into 10**30", pair, "a.recv_into(bytearray(4), 10**30)", "OverflowError: Python int too large to convert to C ssize_t", ""},
	{"recvfrom_into past the buffer", pair, "a.recvfrom_into(bytearray(4), 8)", "ValueError: nbytes is greater than the length of the buffer", ""},
	{"recv_into closed", closed, "c.recv_into(bytearray(4))", "OSError: [Errno 9] Bad file descriptor", ""},
	{"list of huge range", "", "list(range(10**12))", "MemoryError", ""},
	{"tuple of huge range", "", "tuple(range(10**12))", "MemoryError", ""},
	{"sorted huge range", "", "sorted(range(10**12))", "MemoryError", ""},
	{"set of huge range", "", "set(range(10**12))", "MemoryError", "CPython reaches the same MemoryError only after filling its memory for seconds, so python3 is not asked (test time)"},
	{"enumerate huge range", "", "enumerate(range(10**12))", "MemoryError", "CPython's enumerate is lazy; Starlark's builds a list, so a range too long to hold is refused"},
	{"map over huge range", "", "list(map(abs, range(10**12)))", "MemoryError", "CPython reaches the same MemoryError only after filling its memory for seconds, so python3 is not asked (test time)"},
	{"ljust 10**12", "", "'a'.ljust(10**12)", "MemoryError: field width too large for this shell", "padding stops at 1 MiB here (maxWidth); CPython fails only when malloc does"},
	{"zfill 10**12", "", "'1'.zfill(10**12)", "MemoryError: field width too large for this shell", "padding stops at 1 MiB here (maxWidth); CPython fails only when malloc does"},
	{"format width 10**12", "", "'%1000000000000d' % 1", "MemoryError: field width too large for this shell", "padding stops at 1 MiB here (maxWidth); CPython fails only when malloc does"},
	{"int.to_bytes 10**12", "", "int.to_bytes(1, 10**12, 'big')", "MemoryError", ""},
	{"join a terabyte", "", "b''.join([b'x' * 1000000] * 10**6)", "MemoryError", ""},
	{"str join a terabyte", "", "''.join(['x' * 1000000] * 10**6)", "MemoryError", ""},
	{"replace to a terabyte", "", "('a' * 1000000).replace('a', 'a' * 1000000)", "MemoryError", ""},
	{"round to 10**9 places", "", "assert round(1.5, 10**9) == 1.5", "", ""},
	{"round to -10**9 places", "", "assert round(1.5, -10**9) == 0.0", "", ""},
	{"round an int to hundreds", "", "assert round(1250, -2) == 1200 and round(1350, -2) == 1400", "", ""},
	{"int of 5000 digits", "", "int('1' * 5000)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit", ""},
	{"int of 5000 letters", "", "int('x' * 5000)", "ValueError: invalid literal for int() with base 10: '" + strings.Repeat("x", 199) + "", ""},
	{"shift by 600", "", "1 << 600", "OverflowError: shift count too large for this shell: shifts stop at 511 bits", "Starlark shifts by at most 511 bits; CPython computes the number"},
	{"list of a 128 Mi-character str", "x = 'a' * (1 << 27)", "list(x)", "MemoryError", "CPython makes the list if memory allows; lists built here from a str or range stop at 64 Mi items"},
	{"bytes replace to a terabyte", "", "(b'a' * 1000000).replace(b'a', b'a' * 1000000)", "MemoryError", ""},
	{"power 2**10**12", "", "2 ** (10**12)", "MemoryError", "CPython reaches the same MemoryError only after filling its memory for seconds, so python3 is not asked (test time)"},
	{"1 MB string literal", "", "x = '" + strings.Repeat("a", 1<<20) + "'", "", ""},
	{"1 MB of ?", "", strings.Repeat("?", 1<<20), "SyntaxError: invalid syntax", ""},
	{"1 MB identifier", "", strings.Repeat("a", 1<<20), "NameError: name '" + strings.Repeat("a", 200) + "' is not defined", ""},
	{"1 MB list literal", "", "x = [" + strings.Repeat("1,", 1<<19) + "]", "", ""},
	{"1 MB comment", "", "#" + strings.Repeat("c", 1<<20), "", ""},
	{"1 MB sum", "", "x = " + strings.Repeat("1+", 1<<19) + "1", "RecursionError: maximum recursion depth exceeded during compilation", ""},
	{"100k-digit literal", "", "x = " + strings.Repeat("9", 100000), "", "CPython 3.11 refuses int/str conversions past 4300 digits; Starlark has no such limit"},
	{"NUL after statement", "", "x = 1\x00", "SyntaxError: source code string cannot contain null bytes", ""},
	{"NUL in string", "", "'a\x00b'", "SyntaxError: source code string cannot contain null bytes", ""},
	{"invalid UTF-8 in string", "", "x = '\xff\xfe'", "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte", "python3 is given the cases as JSON, which cannot carry invalid UTF-8; python3 -i prints the same (unicode error) line"},
	{"invalid UTF-8 identifier", "", "\xff = 1", "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "python3 is given the cases as JSON, which cannot carry invalid UTF-8; python3 -i prints the same (unicode error) line"},
	{"10,000 parentheses", "", strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000), "SyntaxError: too many nested parentheses", ""},
	{"10,000 brackets", "", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), "SyntaxError: too many nested parentheses", ""},
	{"5,000 dicts", "", strings.Repeat("{'a':", 5000) + "1" + strings.Repeat("}", 5000), "SyntaxError: too many nested parentheses", ""},
	{"100,000 unary minus", "", strings.Repeat("-", 100000) + "1", "RecursionError: maximum recursion depth exceeded during compilation", "CPython's parser runs out of stack (MemoryError); the nesting is refused here before parsing"},
	{"50,000 not", "", strings.Repeat("not ", 50000) + "1", "RecursionError: maximum recursion depth exceeded during compilation", "CPython's parser runs out of stack (MemoryError); the nesting is refused here before parsing"},
	{"100,000 [0]", "", "x" + strings.Repeat("[0]", 100000), "RecursionError: maximum recursion depth exceeded during compilation", ""},
	{"100,000 **", "", "x = " + strings.Repeat("1**", 100000) + "1", "RecursionError: maximum recursion depth exceeded during compilation", "CPython's parser runs out of stack (MemoryError); the nesting is refused here before parsing"},
	{"100,000 lambdas", "", strings.Repeat("lambda: ", 100000) + "1", "RecursionError: maximum recursion depth exceeded during compilation", "CPython's parser runs out of stack (MemoryError); the nesting is refused here before parsing"},
	{"infinite recursion", "", "def f(n):\n    return f(n + 1)\n\nf(0)", "RecursionError: maximum recursion depth exceeded", ""},
	{"lambda recursion", "", "f = lambda: f()\nf()", "RecursionError: maximum recursion depth exceeded", ""},
	{"repr of a list nested 100,000 deep", "x = []\nfor i in range(100000): x = [x]", "assert len(repr(x)) == 2003", "", "CPython raises RecursionError; the repr here stops at 1000 levels with ..."},
	{"equality of tuples nested 100,000 deep", "t = ()\nfor i in range(100000): t = (t,)", "assert t == t", "", ""},
	{"equality of two tuples nested 100,000 deep", "t = ()\nfor i in range(100000): t = (t,)\nu = ()\nfor i in range(100000): u = (u,)", "t == u", "RecursionError: maximum recursion depth exceeded in comparison", ""},
	{"recursive list repr", "x = [1]\nx.append(x)", "assert repr(x) == '[1, [...]]'", "", ""},
	{"unterminated string", "", "'abc", "SyntaxError: unterminated string literal (detected at line 1)", ""},
	{"unterminated triple string", "", "'''abc", "SyntaxError: unterminated triple-quoted string literal (detected at line 1)", ""},
	{"unterminated bytes", "", "b'abc", "SyntaxError: unterminated string literal (detected at line 1)", ""},
	{"unclosed paren", "", "(1, 2", "SyntaxError: '(' was never closed", ""},
	{"empty if block", "", "if True:", "IndentationError: expected an indented block after 'if' statement on line 1", ""},
	{"empty def block", "", "def f():", "IndentationError: expected an indented block after function definition on line 1", ""},
	{"unexpected indent", "", "  x = 1", "IndentationError: unexpected indent", ""},
	{"unmatched close", "", ")", "SyntaxError: unmatched ')'", ""},
	{"mismatched close", "", "(1]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", ""},
	{"try without except", "", "try:\n    pass", "SyntaxError: expected 'except' or 'finally' block", ""},
	{"except a non-class", "", "try:\n    1/0\nexcept 5:\n    pass", "TypeError: catching classes that do not inherit from BaseException is not allowed", ""},
	{"extended slice size", "", "x = [1, 2, 3]; x[::2] = [9]", "ValueError: attempt to assign sequence of size 1 to extended slice of size 2", ""},
	{"with a non-manager", "", "with 5:\n    pass", "TypeError: 'int' object does not support the context manager protocol", ""},
	{"class without init given args", "class A: pass", "A(1)", "TypeError: A() takes no arguments", ""},
	{"f-string bad conversion", "", "f'{1!x}'", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'", ""},
	{"walrus rebinding comprehension variable", "", "[i := 0 for i in range(3)]", "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'", ""},
	{"raise a non-exception", "", "raise 5", "TypeError: exceptions must derive from BaseException", ""},
	{"async def", "", "async def f():\n    pass", "SyntaxError: async functions are not available in this shell: write an ordinary def, and wait on several sockets with select or selectors", "CPython runs async code; this shell says what to use instead"},
	{"yield outside function", "", "yield 1", "SyntaxError: 'yield' outside function", ""},
	{"parameter and global", "", "def f(x):\n    global x", "SyntaxError: name 'x' is parameter and global", ""},
	{"decorator not callable", "", "@5\ndef f():\n    pass", "TypeError: 'int' object is not callable", ""},
	{"bare raise outside handler", "", "raise", "RuntimeError: No active exception to reraise", ""},
	{"import asyncio", "", "import asyncio", "ModuleNotFoundError: No module named 'asyncio' in this shell: help('modules') lists the modules it has", "this shell has fewer modules than CPython; the message points to the list"},
	{"from asyncio import", "", "from asyncio import run", "ModuleNotFoundError: No module named 'asyncio' in this shell: help('modules') lists the modules it has", "this shell has fewer modules than CPython; the message points to the list"},
	{"import ssl", "", "import ssl", "ModuleNotFoundError: No module named 'ssl' in this shell: help('modules') lists the modules it has", "this shell shows plain sockets; a module of CPython's it lacks is named as such"},
	{"import hmac", "", "import hmac", "ModuleNotFoundError: No module named 'hmac' in this shell: help('modules') lists the modules it has", "any name of CPython's standard library gets the sentence, not only the common ones"},
	{"concurrent.futures", "", "from concurrent.futures import ThreadPoolExecutor", "ModuleNotFoundError: No module named 'concurrent' in this shell: help('modules') lists the modules it has", "the Python Cookbook's thread pool; the package is missing as a whole"},
	{"multiprocessing.connection", "", "from multiprocessing.connection import Listener", "ModuleNotFoundError: No module named 'multiprocessing.connection' in this shell: help('modules') lists the modules it has", "multiprocessing is here (refusing processes), its submodules are not; CPython has them"},
	{"urllib.request", "", "import urllib.request", "ModuleNotFoundError: No module named 'urllib.request' in this shell: help('modules') lists the modules it has", "urllib.parse is here, urllib.request is not"},
	{"a package's missing submodule", "", "import urllib.nothing", "ModuleNotFoundError: No module named 'urllib.nothing'", ""},
	{"a module is not a package", "", "import socket.nothing", "ModuleNotFoundError: No module named 'socket.nothing'; 'socket' is not a package", ""},
	{"a module nobody has", "", "import numpy_not_installed", "ModuleNotFoundError: No module named 'numpy_not_installed'", ""},
	{"logging to a file", "import logging", "logging.FileHandler('/tmp/sockrepl-test.log')", "NotImplementedError: files are not available in this shell: log to sys.stderr or sys.stdout with StreamHandler", "no files in this shell; logging's StreamHandler is there"},
	{"input() at the end of input", "", "input()", "EOFError: EOF when reading a line", "the catalogue's sessions have no standard input; python3's harness reads its cases from stdin"},
	{"open()", "", "open('/etc/passwd')", "NotImplementedError: files are not available in this shell: keep the data in a bytes variable", "no files in this shell; the message says what to do instead"},
	{"name error", "", "undefined_name", "NameError: name 'undefined_name' is not defined", ""},
	{"division by zero", "", "1 / 0", "ZeroDivisionError: division by zero", ""},
	{"str plus int", "", "'a' + 1", "TypeError: can only concatenate str (not \"int\") to str", ""},
	{"bytes plus str", "", "b'a' + 'b'", "TypeError: can't concat str to bytes", ""},
	{"call an int", "", "5()", "TypeError: 'int' object is not callable", ""},
	{"index past end", "", "[1][5]", "IndexError: list index out of range", ""},
	{"missing key", "", "{}['k']", "KeyError: 'k'", ""},
	{"unpack too many", "", "a, b = 1, 2, 3", "ValueError: too many values to unpack (expected 2)", ""},
	{"exit with two args", "", "exit('x', 1)", "TypeError: exit() takes at most 1 argument (2 given)", "CPython's message names its Quitter class"},
	{"%nosuch", "", "%nosuch", "UsageError: unknown command %nosuch: %help lists them", "a shell command, not Python"},
	{"%trace maybe", "", "%trace maybe", "UsageError: usage: %trace on|raw|off", "a shell command, not Python"},
	{"%trace alone", "", "%trace", "UsageError: usage: %trace on|raw|off", "a shell command, not Python"},
	{"%save alone", "", "%save", "UsageError: usage: %save [-f] FILE.py", "a shell command, not Python"},
	{"%save to a directory", "", "%save /", "UsageError: cannot write /: [Errno 21] Is a directory", "a shell command, not Python"},
	{"%save to a missing directory", "", "%save /nonexistent/dir/x.py", "UsageError: cannot write /nonexistent/dir/x.py: [Errno 2] No such file or directory", "a shell command, not Python"},
	{"%ss not a port", "", "%ss notaport", "UsageError: usage: %ss [PORT] [STATE]", "a shell command, not Python"},
	{"%ss huge port", "", "%ss 99999999999999999999", "UsageError: usage: %ss [PORT] [STATE]", "a shell command, not Python"},
	{"%lesson 9999", "", "%lesson 9999", "UsageError: no lesson 9999: %lesson lists them", "a shell command, not Python"},
	{"%lesson load missing file", "", "%lesson load /nonexistent.lesson", "UsageError: cannot read /nonexistent.lesson: [Errno 2] No such file or directory", "a shell command, not Python"},
	{"%lesson load a directory", "", "%lesson load /", "UsageError: cannot read /: [Errno 21] Is a directory", "a shell command, not Python"},
	{"%lesson load alone", "", "%lesson load", "UsageError: usage: %lesson load FILE [ROLE]", "a shell command, not Python"},
	{"%demo alone", "", "%demo", "UsageError: usage: %demo FILE.py [ROLE] | skip | back | stop", "a shell command, not Python"},
	{"%demo skip with no demo", "", "%demo skip", "UsageError: no demo is running: %demo FILE.py starts one", "a shell command, not Python"},
	{"%demo stop twice", "", "%demo stop now", "UsageError: usage: %demo FILE.py [ROLE] | skip | back | stop", "a shell command, not Python"},
	{"%demo missing file", "", "%demo /nonexistent.py", "UsageError: cannot read /nonexistent.py: [Errno 2] No such file or directory", "a shell command, not Python"},
	{"%demo a directory", "", "%demo /", "UsageError: cannot read /: [Errno 21] Is a directory", "a shell command, not Python"},
	{"%demo /dev/zero", "", "%demo /dev/zero", "UsageError: cannot read /dev/zero: not a regular file", "a shell command, not Python"},
	{"%next without a lesson", "", "%next", "", "a shell command, not Python"},
	{"%back without a lesson", "", "%back", "", "a shell command, not Python"},
	{"%hint without a lesson", "", "%hint", "", "a shell command, not Python"},
	{"%check without a lesson", "", "%check", "", "a shell command, not Python"},
	{"%%", "", "%%", "UsageError: unknown command %%: %help lists them", "a shell command, not Python"},
	{"%packets maybe", "", "%packets maybe", "UsageError: usage: %packets on [PORT] | off", "a shell command, not Python"},
	{"%packets on a word", "", "%packets on http", "UsageError: usage: %packets on [PORT] | off", "a shell command, not Python"},
	{"%packets on port 0", "", "%packets on 0", "UsageError: usage: %packets on [PORT] | off", "a shell command, not Python"},
	{"%packets on a huge port", "", "%packets on 99999999999999999999", "UsageError: usage: %packets on [PORT] | off", "a shell command, not Python"},
	{"%packets off twice over", "", "%packets off off", "UsageError: usage: %packets on [PORT] | off", "a shell command, not Python"},
	{"%timeline of two", "", "%timeline a b", "UsageError: usage: %timeline [NAME]", "a shell command, not Python"},
	{"%timeline before capture", "", "%timeline c", "", "a shell command, not Python"},
	{"%lab outside a lab", "", "%lab down beta", "", "a shell command, not Python"},
}

// leakWords are signs of the implementation showing through: Go or
// Starlark wording, type names, panics.
var leakWords = regexp.MustCompile(`(?i)starlark|panic|goroutine|runtime error|Error in |\bgot \w+, want|\bwant \w+|\.go:\d|<nil>|%!\w?\(|\*sockets|\*repl|\[\]byte|\bint64\b|\bfloat64\b|map\[|interface \{|internal error`)

// TestBadInputs feeds each bad input to a fresh Session: the exception
// must be the expected line, nothing may leak Go or Starlark, the
// session must still evaluate and make sockets afterwards, and once
// every session is closed the fds and goroutines are back to baseline.
func TestBadInputs(t *testing.T) {
	if len(badInputs) < 100 {
		t.Fatalf("the catalogue has %d inputs; it should keep at least 100", len(badInputs))
	}
	dir := t.TempDir() // lesson progress, never the user's
	fds, goroutines := leakcheck.FDs(t), runtime.NumGoroutine()
	t.Run("each", func(t *testing.T) {
		for _, c := range badInputs {
			c := c
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				runBadInput(t, c, dir)
			})
		}
	})
	if n := leakcheck.FDs(t); n != fds {
		t.Errorf("open fds: %d before the catalogue, %d after every session closed", fds, n)
	}
	if n := leakcheck.Goroutines(goroutines); n > goroutines {
		t.Errorf("goroutines: %d before the catalogue, %d after every session closed", goroutines, n)
	}
}

func runBadInput(t *testing.T, c badInput, dir string) {
	var out, errOut bytes.Buffer
	s, err := NewSession(Options{Out: &out, Err: &errOut, StateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, line := range strings.Split(c.setup, "\n") {
		if line != "" {
			if err := s.Exec(line); err != nil {
				t.Fatalf("setup %q: %v", line, err)
			}
		}
	}
	got := ""
	if err := s.Exec(c.src); err != nil {
		if _, ok := err.(*python.PyError); !ok {
			t.Fatalf("%T %v: not a Python exception", err, err)
		}
		got = err.Error()
	}
	if got != c.want {
		t.Errorf("exception\n got: %.300s\nwant: %.300s", got, c.want)
	}
	printed := out.String() + errOut.String()
	if m := leakWords.FindString(printed); m != "" {
		t.Errorf("output shows %q:\n%.500s", m, printed)
	}
	if c.want != "" && !strings.Contains(errOut.String(), c.want) {
		t.Errorf("the exception was not printed; stderr:\n%.300s", errOut.String())
	}
	// The session carries on: a statement, and a socket that works.
	out.Reset()
	for _, line := range []string{"zz = 6 * 7", "zz", "zp, zq = socket.socketpair()", "zp.sendall(b'ok')", "zq.recv(2)"} {
		if err := s.Exec(line); err != nil {
			t.Fatalf("afterwards, %s: %v", line, err)
		}
	}
	if out.String() != "42\nb'ok'\n" {
		t.Errorf("afterwards the session printed %q", out.String())
	}
}

// pyHarness runs each (setup, statement) pair in a fresh namespace of
// python3 and prints the last line of each exception, as the prompt
// would show it, as one JSON list. Address space is capped so that an
// allocation CPython cannot make fails at once.
const pyHarness = `
import io, json, resource, socket, select, struct, sys, time, traceback
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
cases = json.load(sys.stdin)
real = sys.stdout
sys.displayhook = lambda v: None
out = []
for setup, src in cases:
    g = {'socket': socket, 'struct': struct, 'select': select, 'time': time, '__name__': '__main__'}
    line = ''
    sys.stdout = io.StringIO()
    try:
        if setup:
            exec(compile(setup, '<stdin>', 'exec'), g)
        try:
            code = compile(src + '\n', '<stdin>', 'single')
        except SyntaxError:
            code = compile(src + '\n', '<stdin>', 'exec')
        exec(code, g)
    except BaseException as e:
        line = traceback.format_exception_only(type(e), e)[-1].rstrip('\n')
    sys.stdout = real
    for v in list(g.values()):
        for s in (v if isinstance(v, tuple) else (v,)):
            if isinstance(s, socket.socket):
                s.close()
    out.append(line)
json.dump(out, real)
`

// TestBadInputsMatchPython runs every catalogue entry without a why
// through python3 and checks that it prints the line the table expects.
func TestBadInputsMatchPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: it is the reference for the catalogue's messages")
	}
	var same []badInput
	var pairs [][2]string
	for _, c := range badInputs {
		if c.why == "" {
			same = append(same, c)
			pairs = append(pairs, [2]string{c.setup, c.src})
		}
	}
	in, err := json.Marshal(pairs)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "-X", "utf8", "-c", pyHarness)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var lines []string
	if err := json.Unmarshal(raw, &lines); err != nil || len(lines) != len(same) {
		t.Fatalf("python3 answered %d lines for %d cases: %v", len(lines), len(same), err)
	}
	for i, c := range same {
		if lines[i] != c.want {
			t.Errorf("%s: python3 prints\n  %.300s\nthe table expects\n  %.300s", c.name, lines[i], c.want)
		}
	}
}
