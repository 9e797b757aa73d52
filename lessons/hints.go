package lessons

// Reactions to the exception a statement just raised, for %hint. Keyed by
// errno first (the more precise), then by exception class.
var byErrno = map[int][2]string{
	9: {"That socket is closed (bad file descriptor). Make a new one with socket.socket().",
		"这个套接字已经关闭了（文件描述符无效）。用 socket.socket() 重新创建一个。"},
	13: {"Permission denied: ports below 1024 and raw sockets need root (or the " +
		"CAP_NET_BIND_SERVICE / CAP_NET_RAW capability). Pick a port above 1023.",
		"权限不足：1024 以下的端口和原始套接字需要 root（或 CAP_NET_BIND_SERVICE / " +
			"CAP_NET_RAW 能力）。换一个大于 1023 的端口。"},
	22: {"Invalid argument: the socket is not in the state this call needs. A socket " +
		"binds only once, and accept() needs listen() first. %ls shows each socket's state.",
		"参数无效：套接字不处于这个调用所要求的状态。一个套接字只能 bind 一次，" +
			"accept() 之前要先 listen()。%ls 可以查看每个套接字的状态。"},
	98: {"Address already in use: another socket holds this address and port. %ss " +
		"shows who. A connection closed a moment ago can keep its port in TIME_WAIT " +
		"for a minute: wait, choose another port, or set SO_REUSEADDR before bind().",
		"地址已被占用：另一个套接字占着这个地址和端口，%ss 可以看到是谁。刚关闭的连接" +
			"会在 TIME_WAIT 状态下占用端口约一分钟：等一会儿、换个端口，或者在 bind() 之前" +
			"设置 SO_REUSEADDR。"},
	99: {"Cannot assign that address: it does not belong to this machine. Use " +
		"'127.0.0.1', '' or an address that %ss or `ip addr` shows.",
		"无法使用这个地址：它不属于本机。请用 '127.0.0.1'、'' 或者本机网卡上的地址。"},
	106: {"This socket is already connected. A socket connects once; make a new one " +
		"for another connection.",
		"这个套接字已经连接上了。一个套接字只能连接一次；要建立新连接，请新建一个套接字。"},
	107: {"This socket is not connected. On the client, connect() first; on the " +
		"server, send and receive on the socket accept() returned, not the listener.",
		"这个套接字没有连接。客户端要先 connect()；服务器端要在 accept() 返回的新套接字上" +
			"收发数据，而不是在监听套接字上。"},
	111: {"Connection refused: nothing is listening at that address and port yet. Has " +
		"the server terminal done its listen() step? %ss lists listening sockets; check " +
		"the port number too.",
		"连接被拒绝：这个地址和端口上还没有人在监听。服务器终端完成 listen() 那一步了吗？" +
			"%ss 会列出正在监听的套接字；也核对一下端口号。"},
	115: {"The socket is non-blocking, so connect() only started the handshake and " +
		"returned at once; it completes in the background. %ls shows the state " +
		"(SYN_SENT, then ESTABLISHED).",
		"套接字是非阻塞的，所以 connect() 只是发起了三次握手就立刻返回了，握手在后台完成。" +
			"%ls 可以看到状态（先是 SYN_SENT，然后是 ESTABLISHED）。"},
}

var byClass = map[string][2]string{
	"BlockingIOError": {"The socket is non-blocking and the call had nothing to do " +
		"right now: no data to read, no connection to accept, or no room in the send " +
		"buffer. Try again later, or go back to blocking mode with setblocking(True).",
		"套接字处于非阻塞模式，而这个调用此刻无事可做：没有数据可读、没有连接可接受，" +
			"或者发送缓冲区已满。稍后再试，或者用 setblocking(True) 回到阻塞模式。"},
	"TimeoutError": {"The timeout set with settimeout() ran out before the call could " +
		"finish. settimeout(None) waits without limit; %ls shows what it waited for.",
		"在调用完成之前，settimeout() 设置的超时时间就用完了。settimeout(None) 会一直等待；" +
			"%ls 可以看到它在等什么。"},
	"BrokenPipeError": {"Broken pipe: the other end has closed, so nothing more can " +
		"be sent on this connection. Close this socket too.",
		"管道已断开：对端已经关闭，这个连接上不能再发送数据了。把这个套接字也关掉吧。"},
	"ConnectionResetError": {"The peer reset the connection: it closed with unread " +
		"data or its process went away. This connection is finished; close the socket.",
		"连接被对端重置：对端在还有未读数据时关闭了，或者它的进程已经退出。这个连接已经" +
			"结束，关掉套接字吧。"},
	"OverflowError": {"A port number must be between 0 and 65535; 0 lets the " +
		"system choose a free port.",
		"端口号必须在 0 到 65535 之间；用 0 则由系统挑选一个空闲端口。"},
	"socket.gaierror": {"That host name could not be resolved. Check its spelling; " +
		"an address such as '127.0.0.1' needs no lookup.",
		"无法解析这个主机名。检查一下拼写；像 '127.0.0.1' 这样的地址不需要解析。"},
	"KeyboardInterrupt": {"You interrupted the call with Ctrl-C. The socket is as " +
		"it was, so you can try again once the other side is ready.",
		"你用 Ctrl-C 中断了这个调用。套接字保持原样，等对方准备好后可以再试一次。"},
	"NameError": {"A name is not defined yet: maybe an earlier step was skipped. " +
		"%back goes back a step.",
		"有个名字还没有定义：也许跳过了前面的某一步。%back 可以回到上一步。"},
	"AttributeError": {"Compare your line with the step's code (%show).", "把你输入的这一行和本步的代码对照一下（%show）。"},
	"TypeError":      {"Compare your line with the step's code (%show).", "把你输入的这一行和本步的代码对照一下（%show）。"},
	"ValueError":     {"Compare your line with the step's code (%show).", "把你输入的这一行和本步的代码对照一下（%show）。"},
	"SyntaxError":    {"Compare your line with the step's code (%show).", "把你输入的这一行和本步的代码对照一下（%show）。"},
}

// reaction is what to say about the exception in last, or "".
func reaction(last Last, lang string) string {
	if last.OK || last.Error == "" {
		return ""
	}
	m, ok := byErrno[last.Errno]
	if !ok {
		m, ok = byClass[last.Error]
	}
	if !ok {
		return ""
	}
	if lang == "zh" {
		return m[1]
	}
	return m[0]
}
