package python

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// helpDoc is the help for one function or method: a signature line and
// a sentence or two.
type helpDoc struct{ sig, text string }

var socketMethodDocs = map[string]helpDoc{
	"accept":        {"s.accept() -> (conn, address)", "Take the next connection from a listening socket's accept queue, waiting while the queue is empty. conn is a new socket for that one peer; s keeps listening."},
	"bind":          {"s.bind(address)", "Give the socket its local address: (host, port) for AF_INET, a path for AF_UNIX. Port 0 lets the kernel pick a free port; '' or '0.0.0.0' means every interface."},
	"close":         {"s.close()", "Release the file descriptor. A connected TCP socket sends FIN, so the peer's recv() returns b''. Closing twice is harmless."},
	"connect":       {"s.connect(address)", "Open a connection to a listening address (TCP handshake), or fix the default peer of a UDP socket. Waits for the handshake in blocking mode."},
	"connect_ex":    {"s.connect_ex(address) -> errno", "Like connect() but returns an error number instead of raising: 0 on success, 111 (ECONNREFUSED) when nothing listens, 115 (EINPROGRESS) in non-blocking mode."},
	"fileno":        {"s.fileno() -> int", "The kernel file descriptor number, or -1 once the socket is closed."},
	"getpeername":   {"s.getpeername() -> address", "The address of the other end of a connected socket."},
	"getsockname":   {"s.getsockname() -> address", "The socket's own local address; after connect() it shows the port the kernel chose."},
	"getsockopt":    {"s.getsockopt(level, option[, buflen]) -> int | bytes", "Read a socket option, e.g. s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) for the receive buffer size."},
	"setsockopt":    {"s.setsockopt(level, option, value)", "Set a socket option; value is an int or bytes. s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) lets a server rebind a port still in TIME_WAIT."},
	"getblocking":   {"s.getblocking() -> bool", "True unless the socket is in non-blocking mode (a timeout still counts as blocking)."},
	"setblocking":   {"s.setblocking(flag)", "True: calls wait as long as needed. False: calls that would wait raise BlockingIOError at once. Same as settimeout(None) and settimeout(0.0)."},
	"gettimeout":    {"s.gettimeout() -> float | None", "The timeout in seconds, None in blocking mode, 0.0 in non-blocking mode."},
	"settimeout":    {"s.settimeout(seconds | None)", "Calls that wait give up after this many seconds with TimeoutError. None means block forever, 0 means never wait."},
	"listen":        {"s.listen([backlog])", "Turn a bound TCP socket into a listening one. The kernel completes handshakes on its own and queues up to backlog connections for accept()."},
	"recv":          {"s.recv(bufsize[, flags]) -> bytes", "Return up to bufsize bytes that have arrived, waiting if none have. It may return fewer than asked; b'' means the peer closed its end."},
	"recvfrom":      {"s.recvfrom(bufsize[, flags]) -> (bytes, address)", "Like recv(), and also says who sent the data: the usual way to read from a UDP socket."},
	"recv_into":     {"s.recv_into(buffer[, nbytes[, flags]]) -> int", "Like recv(), but the bytes are written into a bytearray you made once (buf = bytearray(65536)) and the count is returned: no new object per call, the fast way to read a lot of data."},
	"recvfrom_into": {"s.recvfrom_into(buffer[, nbytes[, flags]]) -> (int, address)", "recv_into() that also says who sent the data."},
	"send":          {"s.send(data[, flags]) -> int", "Copy as much of data into the send buffer as fits and return how many bytes that was; the rest is yours to send again."},
	"sendall":       {"s.sendall(data[, flags])", "Send every byte of data, waiting for buffer space as often as needed. Returns None on success."},
	"sendto":        {"s.sendto(data[, flags], address) -> int", "Send one datagram to address (UDP), without connecting first."},
	"makefile":      {"s.makefile(mode='r', buffering=None, *, encoding=None, errors=None, newline=None)", "A file object over the socket: readline() and for-loops for line protocols, write() kept in a buffer until flush(). 'rb'/'wb' give bytes. The socket stays open until both it and the file are closed."},
	"sendfile":      {"s.sendfile(file, offset=0, count=None) -> int", "Send what a binary file object's read() gives until it is exhausted (or count bytes); returns how many bytes were sent."},
	"dup":           {"s.dup() -> socket", "A second socket object on a duplicate descriptor for the same kernel socket: closing one leaves the other working."},
	"detach":        {"s.detach() -> int", "Close the socket object without closing its descriptor, and return the descriptor: socket.socket(fileno=fd) takes it back."},
	"sendmsg":       {"s.sendmsg(buffers[, ancdata[, flags[, address]]]) -> int", "Send the buffers as one message, with control messages: (level, type, data) tuples. (socket.SOL_SOCKET, socket.SCM_RIGHTS, fds packed as C ints) hands open descriptors to the process at the other end of a Unix socket."},
	"recvmsg":       {"s.recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)", "Like recvfrom(), with the control messages that fit in ancbufsize bytes and the message's flags: MSG_TRUNC says a datagram was longer than bufsize, MSG_CTRUNC that control messages were cut."},
	"shutdown":      {"s.shutdown(how)", "End one or both directions: SHUT_WR sends FIN but keeps reading, SHUT_RD stops reading, SHUT_RDWR both. The descriptor stays open until close()."},
	"__enter__":     {"with s: ...", "A socket is a context manager: with socket.socket() as s: hands s to the block."},
	"__exit__":      {"with s: ...", "Leaving a with block closes the socket, even when the block raised an exception."},
	"family":        {"s.family", "The address family, e.g. AF_INET (IPv4), AF_INET6, AF_UNIX."},
	"type":          {"s.type", "The socket type: SOCK_STREAM (TCP), SOCK_DGRAM (UDP) or SOCK_RAW."},
	"proto":         {"s.proto", "The protocol number, usually 0 (the default for the family and type)."},
	"timeout":       {"s.timeout", "The same value gettimeout() returns."},
}

var moduleFuncDocs = map[string]map[string]helpDoc{
	"socket": {
		"socket":             {"socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)", "Make a new socket. AF_INET + SOCK_STREAM is TCP over IPv4, SOCK_DGRAM is UDP, AF_UNIX talks to this machine only. fileno= wraps a descriptor that detach() or recv_fds() gave out."},
		"socketpair":         {"socket.socketpair(family=AF_UNIX, type=SOCK_STREAM) -> (a, b)", "Two sockets already connected to each other: handy for trying send and recv in one shell."},
		"create_connection":  {"socket.create_connection(address, timeout=None, source_address=None)", "Resolve address, make a TCP socket and connect it, trying each address the name resolves to."},
		"send_fds":           {"socket.send_fds(sock, buffers, fds[, flags[, address]]) -> int", "Send the buffers over a Unix socket together with open file descriptors (SCM_RIGHTS): the receiver gets descriptors of its own for the same open files or sockets."},
		"recv_fds":           {"socket.recv_fds(sock, bufsize, maxfds[, flags]) -> (data, fds, msg_flags, address)", "Receive data and up to maxfds descriptors sent with send_fds(); socket.socket(fileno=fd) makes a socket of one."},
		"CMSG_LEN":           {"socket.CMSG_LEN(n) -> int", "The length of a control message carrying n bytes of data (recv_fds asks for CMSG_LEN(4 * maxfds))."},
		"CMSG_SPACE":         {"socket.CMSG_SPACE(n) -> int", "The room a control message with n bytes of data takes, padding included: the ancbufsize to give recvmsg()."},
		"gethostname":        {"socket.gethostname() -> str", "This machine's host name."},
		"gethostbyname":      {"socket.gethostbyname(host) -> str", "Resolve a host name to one IPv4 address string."},
		"getaddrinfo":        {"socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)", "Resolve host and port into a list of (family, type, proto, canonname, address) tuples, one per way to reach it."},
		"getdefaulttimeout":  {"socket.getdefaulttimeout() -> float | None", "The timeout new sockets start with: None (blocking) unless setdefaulttimeout() changed it."},
		"setdefaulttimeout":  {"socket.setdefaulttimeout(seconds | None)", "Give every socket made from now on this timeout (accepted ones too); None makes them blocking again."},
		"create_server":      {"socket.create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False)", "A listening TCP socket in one call: SO_REUSEADDR set, bound to address, listen() called."},
		"has_dualstack_ipv6": {"socket.has_dualstack_ipv6() -> bool", "Whether one AF_INET6 listener can accept IPv4 clients too (create_server(..., dualstack_ipv6=True)); True on Linux."},
		"fromfd":             {"socket.fromfd(fd, family, type, proto=0)", "A new socket object on a duplicate of descriptor fd (the original stays open)."},
		"getservbyname":      {"socket.getservbyname(name[, proto]) -> int", "The port a service uses, from /etc/services: getservbyname('http', 'tcp') is 80."},
		"getservbyport":      {"socket.getservbyport(port[, proto]) -> str", "The service name of a port, from /etc/services: getservbyport(22) is 'ssh'."},
		"getprotobyname":     {"socket.getprotobyname(name) -> int", "A protocol's number, from /etc/protocols: getprotobyname('tcp') is 6."},
		"htons":              {"socket.htons(x) -> int", "Host to network byte order for a 16-bit number (a port). On this little-endian machine it swaps the two bytes."},
		"ntohs":              {"socket.ntohs(x) -> int", "Network to host byte order for a 16-bit number."},
		"htonl":              {"socket.htonl(x) -> int", "Host to network byte order for a 32-bit number (an IPv4 address)."},
		"ntohl":              {"socket.ntohl(x) -> int", "Network to host byte order for a 32-bit number."},
		"inet_aton":          {"socket.inet_aton(ip) -> bytes", "'127.0.0.1' -> b'\\x7f\\x00\\x00\\x01': an IPv4 address as the 4 bytes sent on the wire."},
		"inet_ntoa":          {"socket.inet_ntoa(packed) -> str", "4 bytes -> dotted IPv4 text, the reverse of inet_aton()."},
		"inet_pton":          {"socket.inet_pton(family, ip) -> bytes", "Text address to packed bytes, for AF_INET (4 bytes) or AF_INET6 (16 bytes)."},
		"inet_ntop":          {"socket.inet_ntop(family, packed) -> str", "Packed bytes back to the text form of an address."},
	},
	"select": {
		"select": {"select.select(rlist, wlist, xlist[, timeout]) -> (r, w, x)", "Wait until some of the sockets are ready: readable (data or a connection waiting, or the peer closed), writable (buffer space) or exceptional. Returns the ready ones; timeout 0 just polls."},
		"poll":   {"select.poll() -> poll object", "A set of descriptors for poll(2): p.register(sock, select.POLLIN), then p.poll(timeout_ms) returns [(fd, events), ...] for the ready ones."},
		"epoll":  {"select.epoll() -> epoll object", "A kernel epoll instance: ep.register(sock, select.EPOLLIN), then ep.poll(timeout_s) returns [(fd, events), ...]. Linux's scalable way to watch many sockets; close it when done."},
	},
	"os": {
		"unlink":   {"os.unlink(path)", "Delete a file, such as the socket file an AF_UNIX server left behind."},
		"remove":   {"os.remove(path)", "The same as os.unlink."},
		"getpid":   {"os.getpid() -> int", "This shell's process id, the one %ss shows beside its sockets."},
		"fork":     {"os.fork()", "Not available: this shell is one process; run the second program in a second terminal."},
		"system":   {"os.system(command)", "Not available: run the command in a second terminal."},
		"strerror": {"os.strerror(code) -> str", "The message for an error number: os.strerror(errno.ECONNREFUSED) is 'Connection refused'."},
	},
}

var builtinDocs = map[string]helpDoc{
	"print":      {"print(*values, sep=' ', end='\\n')", "Write the values' str() forms separated by sep and followed by end."},
	"repr":       {"repr(x) -> str", "The text Python shows for x at the prompt: 'hi' with quotes, b'\\x00' with escapes."},
	"str":        {"str(x) / str(data, 'utf-8')", "Text form of x; with an encoding it decodes bytes, like data.decode()."},
	"bytes":      {"bytes(n) / bytes('text', 'utf-8') / bytes([1, 2])", "Make bytes: n zero bytes, encoded text, or from a list of numbers 0-255. Sockets send and receive bytes, never str."},
	"bytearray":  {"bytearray(n) / bytearray(b'data')", "Bytes you can change in place: b[0] = 65, b.append(10), b.extend(more). recv_into() fills one; bytes(b[:n]) takes a fixed copy."},
	"help":       {"help(x)", "Show what x does: a socket method, a module or a module function."},
	"exit":       {"exit([code])", "Close every socket and leave the shell (so do quit() and Ctrl-D)."},
	"quit":       {"quit([code])", "Close every socket and leave the shell."},
	"hex":        {"hex(n) -> str", "The number in hexadecimal: hex(255) is '0xff'."},
	"int":        {"int(x) / int('ff', 16) / int.from_bytes(b, 'big')", "Make an int from text (in any base), a float, or bytes."},
	"len":        {"len(x) -> int", "Number of items: bytes in a bytes value, characters in a str."},
	"ord":        {"ord(c) -> int", "The number of a one-character str or one-byte bytes."},
	"chr":        {"chr(n) -> str", "The character with that number."},
	"isinstance": {"isinstance(x, type) -> bool", "Whether x is of the type (or one of a tuple of types)."},
}

const helpOverview = `This is sockrepl: Python-style statements where every socket call is a
real system call. Built in, no import needed: socket, select, struct, time, os.

  s = socket.socket()              make a TCP socket
  s.bind(('127.0.0.1', 0))         give it an address (port 0: any free port)
  s.listen(); c, a = s.accept()    serve; c.recv(1024), c.sendall(b'hi')
  c = socket.create_connection(('127.0.0.1', port))   connect as a client

help(s) lists a socket's methods, help(s.recv) explains one, help(socket),
help(select), help(struct) and help(time) list a module.

It speaks Python 3: try/except, with, class, f-strings and generators work
as in CPython 3.11. An uncaught error prints and the shell carries on.
`

// builtinHelp is help(): a short overview, or the doc of one object.
func builtinHelp(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	if err := starlark.UnpackPositionalArgs("help", args, kwargs, 0, &obj); err != nil {
		return nil, err
	}
	printText(thread, helpText(obj))
	return starlark.None, nil
}

func formatDoc(d helpDoc) string { return d.sig + "\n    " + d.text + "\n" }

// helpText finds the help for obj; the result ends with a newline.
func helpText(obj starlark.Value) string {
	switch x := obj.(type) {
	case nil:
		return helpOverview
	case *socketValue:
		return socketHelp()
	case pyModule:
		if text, ok := tableDocs.moduleText(x.Name); ok {
			return text
		}
		return moduleHelp(x.Name)
	case *pyType:
		if x.name == "socket.socket" {
			return formatDoc(moduleFuncDocs["socket"]["socket"]) + "\n" + socketHelp()
		}
		if d, ok := builtinDocs[x.name]; ok {
			return formatDoc(d) + typeMethodHelp(x.name)
		}
		if text, ok := typeHelp(x.name); ok {
			return text
		}
		return x.Repr() + "\n" + typeMethodHelp(x.name)
	case *exitBuiltin:
		return formatDoc(builtinDocs[x.name])
	case *starlark.Builtin:
		if d, ok := tableDocs.function(x); ok {
			return formatDoc(d)
		}
		if d, ok := goMethodDoc(x); ok {
			return formatDoc(d)
		}
		name := x.Name()
		if _, ok := x.Receiver().(*socketValue); ok {
			if d, ok := socketMethodDocs[name]; ok {
				return formatDoc(d)
			}
		}
		if recv := x.Receiver(); recv != nil {
			if d, ok := methodDoc(recv, name); ok {
				return formatDoc(d)
			}
			return "The " + name + "() method of " + pyTypeName(recv) + " values.\n"
		}
		for _, mod := range []string{"socket", "select", "struct", "time", "os"} {
			if d, ok := moduleFuncDocs[mod][name]; ok {
				return formatDoc(d)
			}
		}
		if d, ok := builtinDocs[name]; ok {
			return formatDoc(d)
		}
		if d, ok := socketMethodDocs[name]; ok && unboundMethods[name] == x {
			return formatDoc(d)
		}
		return name + "(...): a built-in function.\n"
	case starlark.String:
		return helpByName(string(x))
	case constValue:
		return Repr(x) + ": a constant of the socket module; it acts as the int " + x.String() + ".\n"
	case starlark.Bytes:
		return typeMethodHelp("bytes")
	case *starlark.Function:
		return "function " + x.Name() + ": defined in this session.\n"
	case goValue:
		return x.goType().help()
	}
	return typeMethodHelp(pyTypeName(obj))
}

// helpByName is help('recv'), help('socket.bind') and the like.
func helpByName(name string) string {
	if name == "modules" {
		return "The modules this shell has (import any of them):\n  " + strings.Join(moduleNames(), " ") + "\n"
	}
	if mod, fn, ok := strings.Cut(name, "."); ok {
		if d, ok := moduleFuncDocs[mod][fn]; ok {
			return formatDoc(d)
		}
		if d, ok := tableDocs.lookup(mod, fn); ok {
			return formatDoc(d)
		}
		if mod == "socket" || mod == "s" {
			if d, ok := socketMethodDocs[fn]; ok {
				return formatDoc(d)
			}
		}
	}
	if _, ok := moduleFuncDocs[name]; ok {
		return moduleHelp(name)
	}
	if d, ok := socketMethodDocs[name]; ok {
		return formatDoc(d)
	}
	if d, ok := builtinDocs[name]; ok {
		return formatDoc(d)
	}
	for _, mod := range []string{"socket", "select", "struct", "time", "os"} {
		if d, ok := moduleFuncDocs[mod][name]; ok {
			return formatDoc(d)
		}
	}
	return "No help for '" + name + "'. Try help(), help(socket) or help(s.recv).\n"
}

func socketHelp() string {
	var b strings.Builder
	b.WriteString("A socket: one end of a conversation, backed by a kernel file descriptor.\n\n")
	for _, n := range docKeys(socketMethodDocs) {
		d := socketMethodDocs[n]
		b.WriteString("  " + d.sig + "\n")
	}
	b.WriteString("\nhelp(s.NAME) explains one of them.\n")
	return b.String()
}

func moduleHelp(mod string) string {
	var b strings.Builder
	b.WriteString("module " + mod + "\n\n")
	for _, n := range docKeys(moduleFuncDocs[mod]) {
		d := moduleFuncDocs[mod][n]
		b.WriteString("  " + d.sig + "\n      " + d.text + "\n")
	}
	if mod == "socket" {
		b.WriteString("\nConstants: AF_INET AF_INET6 AF_UNIX, SOCK_STREAM SOCK_DGRAM SOCK_RAW,\n" +
			"SOL_SOCKET SO_REUSEADDR SO_RCVBUF SO_SNDBUF SO_KEEPALIVE, IPPROTO_TCP TCP_NODELAY,\n" +
			"SHUT_RD SHUT_WR SHUT_RDWR, MSG_PEEK MSG_DONTWAIT MSG_WAITALL, and more (dir(socket)).\n")
	}
	return b.String()
}

// typeMethodHelp lists the methods of a built-in type.
func typeMethodHelp(t string) string {
	var v starlark.Value
	switch t {
	case "str":
		v = starlark.String("")
	case "bytes":
		v = starlark.Bytes("")
	case "list":
		v = starlark.NewList(nil)
	case "dict":
		v = starlark.NewDict(0)
	case "bytearray":
		v = &byteArray{}
	default:
		return "A value of type " + t + ".\n"
	}
	names := v.(starlark.HasAttrs).AttrNames()
	sort.Strings(names)
	note := ""
	if t == "bytes" {
		note = "data[i] is an int (0-255) and data[i:j] is bytes; data.decode() gives str.\n"
	}
	if t == "bytearray" {
		note = "buf[i] = 65 changes one byte; sock.recv_into(buf) fills it; bytes(buf[:n]) copies the first n.\n"
	}
	if t == "str" {
		note = "s.encode() gives bytes, which is what sockets send.\n"
	}
	return note + "Methods: " + strings.Join(names, ", ") + "\n"
}

func docKeys(m map[string]helpDoc) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
