package words

import "slices"

// What to say about an exception a learner meets. One row per situation,
// matched by the exception's errno or its class (and, when ops is set, by
// the call that raised it), with two texts in both languages: short, the
// dim line the prompt shows after the exception, and long, what %hint
// says about it during a lesson. Rows are tried in order and the first
// that matches and has the text asked for wins, so a narrow row (an op,
// an errno) comes before the broader one it refines.
type hint struct {
	errnos  []int
	classes []string
	ops     []string
	short   [2]string
	long    [2]string
}

func (h *hint) matches(errno int, class, op string) bool {
	if len(h.ops) > 0 && !slices.Contains(h.ops, op) {
		return false
	}
	return errno != 0 && slices.Contains(h.errnos, errno) || slices.Contains(h.classes, class)
}

// Hint is the line the prompt shows after an exception; "" when there is
// nothing useful to add.
func Hint(lang string, errno int, class, op string) string {
	return find(lang, errno, class, op, func(h *hint) [2]string { return h.short })
}

// Advice is what %hint says about the exception a lesson step raised; ""
// when nothing.
func Advice(lang string, errno int, class string) string {
	return find(lang, errno, class, "", func(h *hint) [2]string { return h.long })
}

func find(lang string, errno int, class, op string, text func(*hint) [2]string) string {
	for i := range hints {
		h := &hints[i]
		if t := text(h); t[0] != "" && h.matches(errno, class, op) {
			if lang == "zh" {
				return t[1]
			}
			return t[0]
		}
	}
	return ""
}

var hints = []hint{
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
		short: [2]string{"hint: ports below 1024 are privileged: only root may bind them. Pick a port above 1024.",
			"提示：1024 以下的端口是特权端口，只有 root 能绑定。请选一个大于 1024 的端口。"},
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
	{errnos: []int{107}, ops: []string{"recv", "send", "sendall"},
		short: [2]string{"hint: a listening socket only accepts connections: send and recv on the socket accept() returns.",
			"提示：监听套接字只负责接受连接：请在 accept() 返回的套接字上收发数据。"},
	},
	// ENOTCONN
	{errnos: []int{107},
		short: [2]string{"hint: this socket is not connected: connect() it first, or use the socket accept() returned.",
			"提示：这个套接字还没有连接：先 connect()，或者使用 accept() 返回的套接字。"},
		long: [2]string{"This socket is not connected. On the client, connect() first; on the server, send and receive on the socket accept() returned, not the listener.",
			"这个套接字没有连接。客户端要先 connect()；服务器端要在 accept() 返回的新套接字上收发数据，而不是在监听套接字上。"},
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
	// EAGAIN
	{errnos: []int{11}, classes: []string{"BlockingIOError"},
		short: [2]string{"hint: the socket is non-blocking and the call would have to wait. %ls shows its mode and queues.",
			"提示：这个套接字是非阻塞的，而这次调用需要等待。%ls 可以查看它的模式和队列。"},
		long: [2]string{"The socket is non-blocking and the call had nothing to do right now: no data to read, no connection to accept, or no room in the send buffer. Try again later, or go back to blocking mode with setblocking(True).",
			"套接字处于非阻塞模式，而这个调用此刻无事可做：没有数据可读、没有连接可接受，或者发送缓冲区已满。稍后再试，或者用 setblocking(True) 回到阻塞模式。"},
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
