package words

import (
	"fmt"
	"slices"
	"strings"
)

// What to say about an exception a learner meets. One row per situation,
// matched by the exception's errno or its class (and, when ops is set, by
// the call that raised it; when when is set, by what the shell knows of
// the socket), with two texts in both languages: short, the dim line the
// prompt shows after the exception, and long, what %hint says about it
// during a lesson. Rows are tried in order and the first that matches and
// has the text asked for wins, so a narrow row (a state, an op, an errno)
// comes before the broader one it refines. A short text with format verbs
// takes its arguments from args.
type hint struct {
	errnos  []int
	classes []string
	ops     []string
	when    func(*Situation) bool
	args    func(*Situation) []any
	short   [2]string
	long    [2]string
}

// Situation is what the shell knows when an exception prints: the
// exception, and, when a socket method raised it, that socket's state
// and history.
type Situation struct {
	Errno int
	Class string
	Msg   string
	Op    string // the call that raised it: "connect", "send"

	Known          bool   // the fields below are filled in: a socket method raised it
	Name           string // the socket's variable ("c"), else "fd 4"
	UDP            bool   // a datagram socket
	Listening      bool
	NeverConnected bool // no connection was ever made on it
	Dialed         bool // connect() was called on it
	ShutWrite      bool // its sending side was shut down
	Blocking       bool // the socket is in blocking mode (a BlockingIOError then came from MSG_DONTWAIT)
	Host           string
	Port           int    // the port the call named (bind's, connect's); 0 when none
	Holder         Holder // who holds Port
	HolderName     string // the variable ("s2") or the program ("python3[1234]")
}

// Holder says who holds a port, for bind's EADDRINUSE and connect's
// ECONNREFUSED.
type Holder int

const (
	HolderUnknown  Holder = iota
	HolderNobody          // nothing holds it
	HolderShell           // a socket of this shell (HolderName is its variable)
	HolderProcess         // another program (HolderName is "name[pid]")
	HolderTimeWait        // only connections in TIME_WAIT
)

func (h *hint) matches(s *Situation) bool {
	if len(h.ops) > 0 && !slices.Contains(h.ops, s.Op) {
		return false
	}
	if h.when != nil && (!s.Known || !h.when(s)) {
		return false
	}
	return s.Errno != 0 && slices.Contains(h.errnos, s.Errno) || slices.Contains(h.classes, s.Class)
}

// Hint is the line the prompt shows after an exception; "" when there is
// nothing useful to add.
func Hint(lang string, s Situation) string {
	return find(lang, &s, func(h *hint) [2]string { return h.short })
}

// Advice is what %hint says about the exception a lesson step raised; ""
// when nothing.
func Advice(lang string, errno int, class string) string {
	return find(lang, &Situation{Errno: errno, Class: class}, func(h *hint) [2]string { return h.long })
}

func find(lang string, s *Situation, text func(*hint) [2]string) string {
	for i := range hints {
		h := &hints[i]
		if t := text(h); t[0] != "" && h.matches(s) {
			out := t[0]
			if lang == "zh" {
				out = t[1]
			}
			if h.args != nil {
				out = fmt.Sprintf(out, h.args(s)...)
			}
			return out
		}
	}
	return ""
}

// Conditions and arguments the rows share.
var (
	isUDP       = func(s *Situation) bool { return s.UDP }
	isTCP       = func(s *Situation) bool { return !s.UDP }
	heldBy      = func(h Holder) func(*Situation) bool { return func(s *Situation) bool { return s.Holder == h } }
	nameArg     = func(s *Situation) []any { return []any{s.Name} }
	notListener = func(s *Situation) bool { return !s.Listening && !s.UDP }
)

var hints = []hint{
	// send("text")
	{classes: []string{"TypeError"}, ops: []string{"send", "sendall", "sendto"},
		when: func(s *Situation) bool { return strings.HasSuffix(s.Msg, "not 'str'") },
		short: [2]string{"hint: sockets carry bytes, not str: send b'hello', or encode the text first: 'hello'.encode().",
			"提示：套接字传输的是 bytes 而不是 str：发送 b'hello'，或者先把文本编码：'hello'.encode()。"},
	},
	// accept() before listen()
	{errnos: []int{22}, ops: []string{"accept"}, when: notListener, args: nameArg,
		short: [2]string{"hint: accept() needs a listening socket: call %s.listen() first.",
			"提示：accept() 需要一个正在监听的套接字：先调用 %s.listen()。"},
	},
	// listen() or accept() on UDP
	{errnos: []int{95}, ops: []string{"accept", "listen"}, when: isUDP,
		short: [2]string{"hint: UDP has no connections, so nothing to listen() for or accept(): recvfrom() returns each datagram with its sender.",
			"提示：UDP 没有连接，所以不需要 listen() 也不需要 accept()：recvfrom() 会返回每个数据报及其发送方。"},
	},
	// Ctrl-C
	{classes: []string{"KeyboardInterrupt"},
		short: [2]string{"hint: the call was interrupted; the socket keeps its state (%ls).",
			"提示：调用被中断了；套接字保持原来的状态（%ls）。"},
		long: [2]string{"You interrupted the call with Ctrl-C. The socket is as it was, so you can try again once the other side is ready.",
			"你用 Ctrl-C 中断了这个调用。套接字保持原样，等对方准备好后可以再试一次。"},
	},
	// ETIMEDOUT: the kernel gave up, not a timeout set by the learner
	{errnos: []int{110},
		short: [2]string{"hint: the other end never answered: the kernel gave up after retrying. Is the address right? A firewall may be dropping the packets.",
			"提示：对端一直没有应答，内核重试多次后放弃了。地址对吗？也可能有防火墙在丢弃数据包。"},
		long: [2]string{"The other end never answered, so the kernel gave up after retrying for a while. Check the address and port; a firewall that drops packets silently looks like this too.",
			"对端一直没有应答，内核重试了一阵之后放弃了。检查一下地址和端口；防火墙悄悄丢弃数据包时也是这个样子。"},
	},
	// a timeout set with settimeout()
	{classes: []string{"TimeoutError"},
		short: [2]string{"hint: the timeout ran out before the call could finish; gettimeout() shows it, settimeout(None) waits for ever.",
			"提示：调用完成之前超时了；gettimeout() 可以查看超时时间，settimeout(None) 表示一直等待。"},
		long: [2]string{"The timeout set with settimeout() ran out before the call could finish. settimeout(None) waits without limit; %ls shows what it waited for.",
			"在调用完成之前，settimeout() 设置的超时时间就用完了。settimeout(None) 会一直等待；%ls 可以看到它在等什么。"},
	},
	// EBADF
	{errnos: []int{9},
		short: [2]string{"hint: this socket was closed; its fd is -1. Make a new one with socket.socket().",
			"提示：这个套接字已经关闭，fd 为 -1。请用 socket.socket() 新建一个。"},
		long: [2]string{"That socket is closed (bad file descriptor). Make a new one with socket.socket().",
			"这个套接字已经关闭了（文件描述符无效）。用 socket.socket() 重新创建一个。"},
	},
	// EACCES
	{errnos: []int{13}, ops: []string{"bind"},
		short: [2]string{"hint: ports below 1024 are privileged: only root may bind them. Pick a port of 1024 or above.",
			"提示：1024 以下的端口是特权端口，只有 root 能绑定。请选一个不小于 1024 的端口。"},
	},
	{errnos: []int{13},
		long: [2]string{"Permission denied: ports below 1024 and raw sockets need root (or the CAP_NET_BIND_SERVICE / CAP_NET_RAW capability). Pick a port above 1023.",
			"权限不足：1024 以下的端口和原始套接字需要 root（或 CAP_NET_BIND_SERVICE / CAP_NET_RAW 能力）。换一个大于 1023 的端口。"},
	},
	// EINVAL
	{errnos: []int{22}, ops: []string{"bind"},
		short: [2]string{"hint: the socket is already bound or connected; %ls shows its laddr. Make a new socket to bind again.",
			"提示：这个套接字已经绑定或连接过了；%ls 可以看到它的 laddr。要重新绑定，请创建新的套接字。"},
	},
	{errnos: []int{22},
		long: [2]string{"Invalid argument: the socket is not in the state this call needs. A socket binds only once, and accept() needs listen() first. %ls shows each socket's state.",
			"参数无效：套接字不处于这个调用所要求的状态。一个套接字只能 bind 一次，accept() 之前要先 listen()。%ls 可以查看每个套接字的状态。"},
	},
	// EADDRINUSE, by who holds the port
	{errnos: []int{98}, ops: []string{"bind"}, when: heldBy(HolderShell),
		args: func(s *Situation) []any { return []any{s.HolderName, s.Port, s.HolderName} },
		short: [2]string{"hint: %s in this shell already holds port %d: close it (%s.close()) or bind another port.",
			"提示：本 shell 里的 %s 已经占用了端口 %d：先关闭它（%s.close()），或者绑定另一个端口。"},
	},
	{errnos: []int{98}, ops: []string{"bind"}, when: heldBy(HolderProcess),
		args: func(s *Situation) []any { return []any{s.Port, s.HolderName, s.Port} },
		short: [2]string{"hint: another program holds port %d: %s. Stop it or pick another port; %%ss %d shows it.",
			"提示：另一个程序占用了端口 %d：%s。停止它或者换一个端口；%%ss %d 可以看到它。"},
	},
	{errnos: []int{98}, ops: []string{"bind"}, when: heldBy(HolderTimeWait),
		args: func(s *Situation) []any { return []any{s.Port, s.Port} },
		short: [2]string{"hint: a connection closed a moment ago keeps port %d in TIME_WAIT for up to a minute; setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) before bind() lets a server rebind (%%ss %d shows it).",
			"提示：刚关闭的连接会让端口 %d 在 TIME_WAIT 状态下保留最多一分钟；在 bind() 之前 setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) 可以让服务器重新绑定（%%ss %d 可以看到它）。"},
	},
	// EADDRINUSE
	{errnos: []int{98},
		short: [2]string{"hint: another socket holds this address, perhaps a connection in TIME_WAIT. %ss PORT shows it; setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) before bind() lets a server rebind.",
			"提示：这个地址被另一个套接字占用，可能是处于 TIME_WAIT 的旧连接。%ss 端口号 可以看到它；在 bind() 之前 setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) 可以让服务器重新绑定。"},
		long: [2]string{"Address already in use: another socket holds this address and port. %ss shows who. A connection closed a moment ago can keep its port in TIME_WAIT for a minute: wait, choose another port, or set SO_REUSEADDR before bind().",
			"地址已被占用：另一个套接字占着这个地址和端口，%ss 可以看到是谁。刚关闭的连接会在 TIME_WAIT 状态下占用端口约一分钟：等一会儿、换个端口，或者在 bind() 之前设置 SO_REUSEADDR。"},
	},
	// EADDRNOTAVAIL
	{errnos: []int{99},
		long: [2]string{"Cannot assign that address: it does not belong to this machine. Use '127.0.0.1', '' or an address that %ss or `ip addr` shows.",
			"无法使用这个地址：它不属于本机。请用 '127.0.0.1'、''，或者 %ss 或 `ip addr` 显示的本机地址。"},
	},
	// EISCONN
	{errnos: []int{106},
		short: [2]string{"hint: the socket is already connected.",
			"提示：这个套接字已经连接上了。"},
		long: [2]string{"This socket is already connected. A socket connects once; make a new one for another connection.",
			"这个套接字已经连接上了。一个套接字只能连接一次；要建立新连接，请新建一个套接字。"},
	},
	// ENOTCONN: data calls on a listener
	{errnos: []int{107}, ops: []string{"recv", "recvfrom", "recv_into", "send", "sendall"}, when: func(s *Situation) bool { return s.Listening },
		short: [2]string{"hint: a listening socket only accepts connections: send and recv on the socket accept() returns.",
			"提示：监听套接字只负责接受连接：请在 accept() 返回的套接字上收发数据。"},
	},
	{errnos: []int{107}, when: func(s *Situation) bool { return s.NeverConnected && s.Dialed }, args: nameArg,
		short: [2]string{"hint: %s is not connected: its connect() failed. connect() again once the server is listening.",
			"提示：%s 没有连接：它的 connect() 失败了。等服务器开始监听后再 connect() 一次。"},
	},
	// ENOTCONN
	{errnos: []int{107},
		short: [2]string{"hint: this socket is not connected: connect() it first, or use the socket accept() returned.",
			"提示：这个套接字还没有连接：先 connect()，或者使用 accept() 返回的套接字。"},
		long: [2]string{"This socket is not connected. On the client, connect() first; on the server, send and receive on the socket accept() returned, not the listener.",
			"这个套接字没有连接。客户端要先 connect()；服务器端要在 accept() 返回的新套接字上收发数据，而不是在监听套接字上。"},
	},
	// ECONNREFUSED: on UDP, an earlier datagram's ICMP "port unreachable"
	{errnos: []int{111}, when: isUDP,
		short: [2]string{"hint: a datagram sent earlier came back as 'port unreachable': nothing is bound to that UDP port on the other side. Start the receiver first, or check the port.",
			"提示：之前发出的一个数据报收到了“端口不可达”的回应：对端的那个 UDP 端口上没有绑定任何套接字。先启动接收方，或者核对端口号。"},
	},
	{errnos: []int{111}, ops: []string{"connect", "connect_ex"}, when: func(s *Situation) bool { return !s.UDP && s.Holder == HolderShell },
		args: func(s *Situation) []any { return []any{s.HolderName, s.Port, s.HolderName} },
		short: [2]string{"hint: %s in this shell is bound to port %d but not listening: call %s.listen() first.",
			"提示：本 shell 里的 %s 绑定了端口 %d，但还没有监听：先调用 %s.listen()。"},
	},
	{errnos: []int{111}, ops: []string{"connect", "connect_ex"}, when: func(s *Situation) bool { return !s.UDP && s.Port > 0 },
		args: func(s *Situation) []any { return []any{s.Host, s.Port, s.Port} },
		short: [2]string{"hint: nothing is listening on %s port %d: start the server (bind, then listen) first; %%ss %d shows who holds the port.",
			"提示：%s 的端口 %d 上没有进程在监听：先启动服务器（bind，然后 listen）；%%ss %d 可以查看谁占着这个端口。"},
	},
	// ECONNREFUSED
	{errnos: []int{111},
		short: [2]string{"hint: nothing is listening at that address. Is the server's listen() done? %ss PORT shows who holds the port.",
			"提示：那个地址上没有进程在监听。服务器端执行 listen() 了吗？%ss 端口号 可以查看谁占着这个端口。"},
		long: [2]string{"Connection refused: nothing is listening at that address and port yet. Has the server terminal done its listen() step? %ss lists listening sockets; check the port number too.",
			"连接被拒绝：这个地址和端口上还没有人在监听。服务器终端完成 listen() 那一步了吗？%ss 会列出正在监听的套接字；也核对一下端口号。"},
	},
	// EINPROGRESS, EALREADY: a non-blocking connect
	{errnos: []int{115, 114},
		short: [2]string{"hint: a non-blocking connect() has started; select() on the socket for writing tells you when it finishes.",
			"提示：非阻塞的 connect() 已经开始；用 select() 等它可写，就知道连接何时完成。"},
		long: [2]string{"The socket is non-blocking, so connect() only started the handshake and returned at once; it completes in the background. %ls shows the state (SYN_SENT, then ESTABLISHED).",
			"套接字是非阻塞的，所以 connect() 只是发起了三次握手就立刻返回了，握手在后台完成。%ls 可以看到状态（先是 SYN_SENT，然后是 ESTABLISHED）。"},
	},
	// EAGAIN on a blocking socket: the call's own MSG_DONTWAIT
	{errnos: []int{11}, classes: []string{"BlockingIOError"}, when: func(s *Situation) bool { return s.Blocking },
		short: [2]string{"hint: the socket is blocking, but MSG_DONTWAIT asked this one call not to wait, and it would have had to. %ls shows its queues.",
			"提示：这个套接字是阻塞的，但 MSG_DONTWAIT 让这一次调用不要等待，而它本来需要等待。%ls 可以查看它的队列。"},
	},
	// EAGAIN
	{errnos: []int{11}, classes: []string{"BlockingIOError"},
		short: [2]string{"hint: the socket is non-blocking and the call would have to wait. %ls shows its mode and queues.",
			"提示：这个套接字是非阻塞的，而这次调用需要等待。%ls 可以查看它的模式和队列。"},
		long: [2]string{"The socket is non-blocking and the call had nothing to do right now: no data to read, no connection to accept, or no room in the send buffer. Try again later, or go back to blocking mode with setblocking(True).",
			"套接字处于非阻塞模式，而这个调用此刻无事可做：没有数据可读、没有连接可接受，或者发送缓冲区已满。稍后再试，或者用 setblocking(True) 回到阻塞模式。"},
	},
	// EPIPE, by what the socket went through
	{errnos: []int{32}, when: func(s *Situation) bool { return s.ShutWrite }, args: nameArg,
		short: [2]string{"hint: you shut down the sending side of %s with shutdown(): nothing more can be sent on it.",
			"提示：你已经用 shutdown() 关闭了 %s 的发送方向：它不能再发送任何数据了。"},
	},
	{errnos: []int{32}, when: func(s *Situation) bool { return s.NeverConnected && s.Dialed }, args: nameArg,
		short: [2]string{"hint: %s never connected (its connect() failed), so there is no peer to send to: connect() again once the server is listening.",
			"提示：%s 从未连接成功（它的 connect() 失败了），所以没有可以发送的对象：等服务器开始监听后再 connect() 一次。"},
	},
	{errnos: []int{32}, when: func(s *Situation) bool { return s.NeverConnected && isTCP(s) }, args: nameArg,
		short: [2]string{"hint: %s is not connected: connect() it first (a server sends on the socket accept() returned).",
			"提示：%s 还没有连接：先 connect()（服务器端要在 accept() 返回的套接字上发送）。"},
	},
	// EDESTADDRREQ: send() on an unconnected UDP socket
	{errnos: []int{89}, when: isUDP,
		short: [2]string{"hint: this UDP socket has no destination: use sendto(data, (host, port)), or connect() it first.",
			"提示：这个 UDP 套接字没有目的地址：用 sendto(data, (host, port))，或者先 connect()。"},
	},
	// EPIPE
	{errnos: []int{32}, classes: []string{"BrokenPipeError"},
		short: [2]string{"hint: the peer has closed the connection; sending more is an error. %ls shows the state.",
			"提示：对端已经关闭连接，继续发送会出错。%ls 可以查看状态。"},
		long: [2]string{"Broken pipe: the other end has closed, so nothing more can be sent on this connection. Close this socket too.",
			"管道已断开：对端已经关闭，这个连接上不能再发送数据了。把这个套接字也关掉吧。"},
	},
	// ECONNRESET
	{errnos: []int{104}, classes: []string{"ConnectionResetError"},
		short: [2]string{"hint: the peer reset the connection: it closed with unread data, or its process died.",
			"提示：对端重置了连接：它在还有未读数据时关闭了，或者进程已经退出。"},
		long: [2]string{"The peer reset the connection: it closed with unread data or its process went away. This connection is finished; close the socket.",
			"连接被对端重置：对端在还有未读数据时关闭了，或者它的进程已经退出。这个连接已经结束，关掉套接字吧。"},
	},
	// EAI_NONAME, EAI_AGAIN, EAI_NODATA: a name that did not resolve
	{errnos: []int{-2, -3, -5},
		short: [2]string{"hint: that name did not resolve. Use an IP address, 'localhost' or ''.",
			"提示：这个主机名无法解析。请使用 IP 地址、'localhost' 或 ''。"},
	},
	{classes: []string{"socket.gaierror"},
		long: [2]string{"That host name could not be resolved. Check its spelling; an address such as '127.0.0.1' needs no lookup.",
			"无法解析这个主机名。检查一下拼写；像 '127.0.0.1' 这样的地址不需要解析。"},
	},
	// a port out of range
	{classes: []string{"OverflowError"},
		long: [2]string{"A port number must be between 0 and 65535; 0 lets the system choose a free port.",
			"端口号必须在 0 到 65535 之间；用 0 则由系统挑选一个空闲端口。"},
	},
	{classes: []string{"NameError"},
		long: [2]string{"A name is not defined yet: maybe an earlier step was skipped. %back goes back a step.",
			"有个名字还没有定义：也许跳过了前面的某一步。%back 可以回到上一步。"},
	},
	{classes: []string{"AttributeError", "TypeError", "ValueError", "SyntaxError"},
		long: [2]string{"Compare your line with the step's code (%show).",
			"把你输入的这一行和本步的代码对照一下（%show）。"},
	},
}
