package repl

import (
	"fmt"
	"os"
	"strings"
)

// tr formats a shell message in the session's language. The English
// format string is the key; zh holds the Simplified Chinese versions.
// Python's own exception text stays in English, as Python prints it.
func tr(lang, format string, args ...any) string {
	if lang == "zh" {
		if z, ok := zh[format]; ok {
			format = z
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// pickLang returns "zh" or "en": the flag when given, else LC_ALL,
// LC_MESSAGES or LANG, as the C library would choose.
func pickLang(flag string) string {
	if flag != "" {
		if strings.HasPrefix(flag, "zh") {
			return "zh"
		}
		return "en"
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val := os.Getenv(v); val != "" {
			if strings.HasPrefix(val, "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

var zh = map[string]string{
	// status line
	"%s() blocking on fd %d":            "%s() 阻塞中，fd %d",
	"%s() blocking":                     "%s() 阻塞中",
	"accept queue %d/%d":                "全连接队列 %d/%d",
	"receive buffer empty":              "接收缓冲区为空",
	"send buffer full: %s queued of %s": "发送缓冲区已满：已排队 %s，上限 %s",
	"TCP handshake in progress":         "TCP 三次握手进行中",
	"no descriptor ready yet":           "还没有就绪的描述符",
	"sleeping":                          "休眠中",
	"%s of %s sent":                     "已发送 %s / %s",
	"Ctrl-C interrupts":                 "Ctrl-C 可中断",
	"%s() interrupted after %s":         "%s() 在 %s 后被中断",
	"%s() failed after %s":              "%s() 在 %s 后失败",
	"%s() returned after %s":            "%s() 在 %s 后返回",

	// notices
	"%s: %d connection waiting in the accept queue":   "%s：全连接队列里有 %d 个连接等待 accept()",
	"%s: %d connections waiting in the accept queue":  "%s：全连接队列里有 %d 个连接等待 accept()",
	"%s: %s arrived in the receive buffer":            "%s：接收缓冲区收到 %s",
	"%s: peer closed its end: recv() will return b''": "%s：对端已关闭：recv() 将返回 b''",
	"%s: %s → %s":                            "%s：%s → %s",
	"%s: closed":                             "%s：已关闭",
	"%s: %s still unsent in the send buffer": "%s：发送缓冲区里还有 %s 未被确认",

	// hints
	"hint: nothing is listening at that address. Is the server's listen() done? %ss PORT shows who holds the port.":                                                              "提示：那个地址上没有进程在监听。服务器端执行 listen() 了吗？%ss 端口号 可以查看谁占着这个端口。",
	"hint: another socket holds this address, perhaps a connection in TIME_WAIT. %ss PORT shows it; setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) before bind() lets a server rebind.": "提示：这个地址被另一个套接字占用，可能是处于 TIME_WAIT 的旧连接。%ss 端口号 可以看到它；在 bind() 之前 setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) 可以让服务器重新绑定。",
	"hint: the socket is non-blocking and the call would have to wait. %ls shows its mode and queues.":                                                                           "提示：这个套接字是非阻塞的，而这次调用需要等待。%ls 可以查看它的模式和队列。",
	"hint: a non-blocking connect() has started; select() on the socket for writing tells you when it finishes.":                                                                 "提示：非阻塞的 connect() 已经开始；用 select() 等它可写，就知道连接何时完成。",
	"hint: the peer has closed the connection; sending more is an error. %ls shows the state.":                                                                                   "提示：对端已经关闭连接，继续发送会出错。%ls 可以查看状态。",
	"hint: the peer reset the connection: it closed with unread data, or its process died.":                                                                                      "提示：对端重置了连接：它在还有未读数据时关闭了，或者进程已经退出。",
	"hint: this socket is not connected: connect() it first, or use the socket accept() returned.":                                                                               "提示：这个套接字还没有连接：先 connect()，或者使用 accept() 返回的套接字。",
	"hint: the socket is already bound or connected; %ls shows its laddr. Make a new socket to bind again.":                                                                      "提示：这个套接字已经绑定或连接过了；%ls 可以看到它的 laddr。要重新绑定，请创建新的套接字。",
	"hint: the socket is already connected.": "提示：这个套接字已经连接上了。",
	"hint: the timeout ran out before the call could finish; gettimeout() shows it, settimeout(None) waits for ever.": "提示：调用完成之前超时了；gettimeout() 可以查看超时时间，settimeout(None) 表示一直等待。",
	"hint: this socket was closed; its fd is -1. Make a new one with socket.socket().":                                "提示：这个套接字已经关闭，fd 为 -1。请用 socket.socket() 新建一个。",
	"hint: ports below 1024 are privileged: only root may bind them. Pick a port above 1024.":                         "提示：1024 以下的端口是特权端口，只有 root 能绑定。请选一个大于 1024 的端口。",
	"hint: the call was interrupted; the socket keeps its state (%ls).":                                               "提示：调用被中断了；套接字保持原来的状态（%ls）。",
	"hint: that name did not resolve. Use an IP address, 'localhost' or ''.":                                          "提示：这个主机名无法解析。请使用 IP 地址、'localhost' 或 ''。",
	"hint: a listening socket only accepts connections: send and recv on the socket accept() returns.":                "提示：监听套接字只负责接受连接：请在 accept() 返回的套接字上收发数据。",
	// commands
	"Type Python socket statements; every call is a real system call.":                                                   "输入 Python 风格的套接字语句；每次调用都是真实的系统调用。",
	"help(obj) explains a function; Ctrl-C interrupts a blocked call; Ctrl-D leaves.":                                    "help(对象) 解释一个函数；Ctrl-C 中断阻塞的调用；Ctrl-D 退出。",
	"sockrepl: Python-style sockets on live system calls. %help lists commands, %lesson starts a lesson, Ctrl-D leaves.": "sockrepl：用 Python 的写法操作真实的套接字系统调用。%help 列出命令，%lesson 开始课程，Ctrl-D 退出。",
	"Enter on an empty line shows what changed in the kernel since your last statement.":                                 "在空行上按回车，可以看到自上一条语句以来内核里发生的变化。",
	"list these commands": "列出这些命令",
	"this shell's sockets: state, addresses, mode, queues":     "本 shell 的套接字：状态、地址、模式、队列",
	"every socket on the machine (other processes, TIME_WAIT)": "本机所有套接字（包括其他进程和 TIME_WAIT）",
	"print each statement's system calls, strace-style":        "像 strace 一样打印每条语句的系统调用",
	"write this session's statements as a Python 3 script":     "把本次会话的语句保存为 Python 3 脚本",
	"close every socket and clear variables":                   "关闭所有套接字并清空变量",
	"what you typed this session":                              "本次会话输入过的内容",
	"list lessons, start one, load a file, restart":            "列出课程、开始课程、加载课程文件、重新开始",
	"skip to the next lesson step":                             "跳到课程的下一步",
	"go back one lesson step":                                  "回到课程的上一步",
	"a hint for this lesson step":                              "本步骤的提示",
	"the code for this lesson step":                            "本步骤的代码",
	"check this lesson step now":                               "立即检查本步骤",
	"close every socket and leave":                             "关闭所有套接字并退出",
	"unknown command %%%s: %%help lists them":                  "未知命令 %%%s：%%help 列出所有命令",
	"usage: %%trace on|off":                                    "用法：%%trace on|off",
	"usage: %%save FILE.py":                                    "用法：%%save 文件名.py",
	"usage: %%ss [PORT]":                                       "用法：%%ss [端口]",
	"usage: %%lesson load FILE [ROLE]":                         "用法：%%lesson load 文件 [角色]",
	"cannot write %s: %v":                                      "无法写入 %s：%v",
	"cannot read %s: %v":                                       "无法读取 %s：%v",
	"saved %d statements to %s":                                "已把 %d 条语句保存到 %s",
	"closed %d sockets and cleared every variable":             "已关闭 %d 个套接字并清空所有变量",
	"no open sockets":                                          "没有打开的套接字",
	"no sockets match":                                         "没有匹配的套接字",
	"this shell: %s":                                           "本 shell：%s",
	"this shell":                                               "本 shell",
	"kernel (no process)":                                      "内核（已无进程）",
	"start one with %lesson ID [ROLE], e.g. %lesson 1 server":  "用 %lesson 编号 [角色] 开始，例如 %lesson 1 server",
	"no lesson is running: %%lesson lists them":                "当前没有进行中的课程：%%lesson 列出所有课程",
	"no lesson %s: %%lesson lists them":                        "没有课程 %s：%%lesson 列出所有课程",
	"%v":                                                       "%v",
}
