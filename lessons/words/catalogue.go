package words

import (
	"fmt"
	"os"
	"strings"
)

// Lang returns "zh" or "en": the flag when given, else LC_ALL,
// LC_MESSAGES or LANG, as the C library would choose.
func Lang(flag string) string {
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

// Tr formats a message in lang. The English format string is the key;
// zh holds the Simplified Chinese, with the same verbs in the same order.
// Without args the format is returned as it is, so write a lone % there,
// and %% only in a message that takes arguments.
func Tr(lang, format string, args ...any) string {
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

// zh is the catalogue: the Simplified Chinese of every message, keyed by
// its English format.
var zh = map[string]string{
	// status line
	"%s() blocking on fd %d":            "%s() 阻塞在 fd %d 上",
	"%s() blocking":                     "%s() 阻塞中",
	"accept queue %d/%d":                "全连接队列 %d/%d",
	"receive buffer empty":              "接收缓冲区为空",
	"queue empty":                       "队列为空",
	"queue full":                        "队列已满",
	"thread still running":              "线程仍在运行",
	"lock held by another thread":       "锁被另一个线程持有",
	"event not set":                     "事件尚未设置",
	"semaphore at 0":                    "信号量为 0",
	"tasks not done":                    "任务尚未完成",
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
	"%s: %d connection waiting in the accept queue":                                   "%s：全连接队列里有 %d 个连接等待 accept()",
	"%s: %d connections waiting in the accept queue":                                  "%s：全连接队列里有 %d 个连接等待 accept()",
	"%s: closed, since nothing refers to that socket any more (as CPython closes it)": "%s：已关闭，因为已经没有任何东西引用这个套接字（CPython 也会这样关闭它）",
	"%s: %s arrived in the receive buffer":                                            "%s：接收缓冲区收到 %s",
	"%s: %s still waiting in the receive buffer":                                      "%s：接收缓冲区里还有 %s 在等待读取",
	"%s: peer closed its end: recv() will return b''":                                 "%s：对端已关闭：recv() 将返回 b''",
	"%s: %s → %s":                            "%s：%s → %s",
	"%s: closed":                             "%s：已关闭",
	"%s: %s still unsent in the send buffer": "%s：发送缓冲区里还有 %s 尚未发出",

	// commands
	"Type Python socket statements; every call is a real system call.":                                                          "输入 Python 的套接字语句；每次调用都是真实的系统调用。",
	"help(obj) explains a function; Ctrl-C interrupts a blocked call; Ctrl-D leaves.":                                           "help(对象) 解释一个函数；Ctrl-C 中断阻塞的调用；Ctrl-D 退出。",
	"sockrepl (%s): Python-style sockets on live system calls. %%help lists commands, %%lesson starts a lesson, Ctrl-D leaves.": "sockrepl（%s）：用 Python 的写法操作真实的套接字系统调用。%%help 列出命令，%%lesson 开始课程，Ctrl-D 退出。",
	"sockrepl: Python-style sockets on live system calls. %help lists commands, %lesson starts a lesson, Ctrl-D leaves.":        "sockrepl：用 Python 的写法操作真实的套接字系统调用。%help 列出命令，%lesson 开始课程，Ctrl-D 退出。",
	"Enter on an empty line shows what changed in the kernel since your last statement.":                                        "在空行上按回车，可以看到自上一条语句以来内核里发生的变化。",
	"list these commands": "列出这些命令",
	"this shell's sockets: state, addresses, mode, queues":                  "本 shell 的套接字：状态、地址、模式、队列",
	"every socket on the machine (other processes, TIME_WAIT), with timers": "本机所有套接字（包括其他进程和 TIME_WAIT），以及计时器",
	"print each statement's system calls, strace-style":                     "像 strace 一样打印每条语句的系统调用",
	"write this session's statements as a Python 3 script":                  "把本次会话的语句保存为 Python 3 脚本",
	"close every socket and clear variables":                                "关闭所有套接字并清空变量",
	"what you typed this session":                                           "本次会话输入过的内容",
	"list lessons, start one, load a file, restart":                         "列出课程、开始课程、加载课程文件、重新开始",
	"skip to the next lesson step":                                          "跳到课程的下一步",
	"go back one lesson step":                                               "回到课程的上一步",
	"a hint for this lesson step":                                           "本步骤的提示",
	"the code for this lesson step":                                         "本步骤的代码",
	"check this lesson step now":                                            "立即检查本步骤",
	"close every socket and leave":                                          "关闭所有套接字并退出",
	"unknown command %%%s: %%help lists them":                               "未知命令 %%%s：%%help 列出所有命令",
	"usage: %%trace on|raw|off":                                             "用法：%%trace on|raw|off",
	"tracing on: each statement's system calls as a Python program makes them (%trace raw: as this shell makes them; %trace off: stop)":                                                                                                                                                                                       "跟踪已开启：按 Python 程序发出的样子显示每条语句的系统调用（%trace raw：按本 shell 实际发出的样子显示；%trace off：停止）",
	"tracing the shell's own calls: its sockets are O_NONBLOCK in the kernel and it never sleeps inside recv(), accept() or connect() but tries without blocking and waits in poll() on the socket and its wake fd, so that Ctrl-C can end any wait; a Python program makes one blocking call instead (%trace on shows that)": "跟踪本 shell 自己的调用：它的套接字在内核里都是 O_NONBLOCK，它从不在 recv()、accept() 或 connect() 内部睡眠，而是先做一次非阻塞尝试，再在 poll() 中同时等待套接字和唤醒 fd，这样 Ctrl-C 能结束任何等待；Python 程序则只发出一次阻塞调用（%trace on 显示那种视图）",
	"the mistake check is true after the step's own code":                                                                          "这一步自己的代码运行后，mistake 检查却为真",
	"End of lesson %s, with steps not done: %s. %%back goes back to them.":                                                         "课程 %s 已到结尾，但还有步骤没有完成：%s。%%back 可以回到这些步骤。",
	"Step %d skipped: it is not marked done.":                                                                                      "已跳过第 %d 步：这一步不计为完成。",
	"this terminal is the %s (sockrepl --role %s): type %%lesson %s %s here, and play the %s in a terminal started with --role %s": "这个终端的角色是 %s（sockrepl --role %s）：在这里输入 %%lesson %s %s，并在用 --role %s 启动的终端里扮演 %s",
	"tracing off":                         "跟踪已关闭",
	"usage: %%save [-f] FILE.py":          "用法：%%save [-f] 文件名.py",
	"%s exists: %%save -f %s replaces it": "%s 已存在：%%save -f %s 会替换它",
	"not a regular file":                  "不是普通文件",
	"usage: %%ss [PORT] [STATE]":          "用法：%%ss [端口] [状态]",
	"usage: %%nstat":                      "用法：%%nstat",
	"counter":                             "计数器",
	"value":                               "值",
	"change":                              "变化",
	"the kernel's counters of dropped, refused and timed-out connections and datagrams":       "内核的计数器：被丢弃、被拒绝和超时的连接与数据报",
	"Counters for the whole machine (every process); the next %nstat shows how each changed.": "以下是整台机器（所有进程）的计数器；下一次 %nstat 会显示每个计数器的变化。",
	"Counters for the whole machine (every process), with the change since the last %nstat.":  "以下是整台机器（所有进程）的计数器，以及自上次 %nstat 以来的变化。",
	"usage: %%lesson load FILE [ROLE]":                        "用法：%%lesson load 文件 [角色]",
	"cannot write %s: %v":                                     "无法写入 %s：%v",
	"cannot read %s: %v":                                      "无法读取 %s：%v",
	"saved %d statements to %s":                               "已把 %d 条语句保存到 %s",
	"closed %d sockets and cleared every variable":            "已关闭 %d 个套接字并清空所有变量",
	"closed 1 socket and cleared every variable":              "已关闭 1 个套接字并清空所有变量",
	"no open sockets":                                         "没有打开的套接字",
	"no sockets match":                                        "没有匹配的套接字",
	"this shell: %s":                                          "本 shell：%s",
	"this shell":                                              "本 shell",
	"kernel (no process)":                                     "内核（已无进程）",
	"start one with %lesson ID [ROLE], e.g. %lesson 1 server": "用 %lesson 编号 [角色] 开始，例如 %lesson 1 server",
	"no lesson is running: %%lesson lists them":               "当前没有进行中的课程：%%lesson 列出所有课程",
	"no lesson %s: %%lesson lists them":                       "没有课程 %s：%%lesson 列出所有课程",
	"%v":                                                      "%v",

	// packets and timeline (repl/packets.go, repl/timeline.go)
	"show the packets this shell's sockets send and receive":            "显示本 shell 的套接字收发的数据包",
	"draw one connection's packets and both ends' TCP states":           "画出一条连接的数据包和两端的 TCP 状态",
	"usage: %%packets on [PORT] | off":                                  "用法：%%packets on [端口] | off",
	"packet capture is off: %packets on starts it":                      "抓包已关闭：%packets on 开启",
	"capturing packets to or from port %d":                              "正在抓取进出端口 %d 的数据包",
	"capturing the packets of this shell's sockets":                     "正在抓取本 shell 套接字的数据包",
	"capturing the packets of this shell's sockets; %packets off stops": "正在抓取本 shell 套接字的数据包；%packets off 停止",
	"capturing packets to or from port %d; %%packets off stops":         "正在抓取进出端口 %d 的数据包；%%packets off 停止",
	"packet capture off":                                                "抓包已关闭",
	"capturing packets needs CAP_NET_RAW: run sockrepl as root, give it the capability with sudo setcap cap_net_raw+ep \"$(command -v sockrepl)\", or use the lab (sockrepl --lab), where capture needs no root": "抓包需要 CAP_NET_RAW 权限：以 root 身份运行 sockrepl，用 sudo setcap cap_net_raw+ep \"$(command -v sockrepl)\" 赋予它这项权限，或者使用实验网络（sockrepl --lab），在那里抓包不需要 root",
	"packet capture failed: %s":             "抓包失败：%s",
	"  between statements:":                 "  两条语句之间：",
	"  … %d more packets":                   "  …… 另有 %d 个数据包",
	"  %d packets came too fast to capture": "  %d 个数据包来得太快，没能抓到",
	"usage: %%timeline [NAME]":              "用法：%%timeline [名字]",
	"no packets captured yet: turn capture on with %packets on, then connect": "还没有抓到数据包：先用 %packets on 开启抓包，再建立连接",
	"%s is not a socket of this shell":                                        "%s 不是本 shell 的套接字",
	"no packets of %s were captured (was %%packets on when it connected?)":    "没有抓到 %s 的数据包（它连接时 %%packets on 开着吗？）",
	"… %d packets here are not kept":                                          "……这里有 %d 个数据包没有保留",
	"2MSL: TIME_WAIT holds the ports for %d s on Linux, then CLOSED":          "2MSL：在 Linux 上 TIME_WAIT 会占住这对端口 %d 秒，然后变为 CLOSED",
	" (%d s left)": "（还剩 %d 秒）",
	"the lab's hosts (sockrepl --lab); unplug a host, add delay or loss":                                                     "实验网络的主机（sockrepl --lab）；拔掉某台主机的网线，或加上延迟和丢包",
	"this shell is not in a lab: start one with sockrepl --lab, and join it as another host with sockrepl --lab --host beta": "这个 shell 不在实验网络里：用 sockrepl --lab 启动一个，再用 sockrepl --lab --host beta 以另一台主机的身份加入",
	"usage: %%lab [down HOST | up HOST | delay HOST MS | loss HOST PERCENT | clear HOST]":                                    "用法：%%lab [down 主机 | up 主机 | delay 主机 毫秒 | loss 主机 百分比 | clear 主机]",
	"done: %s": "完成：%s",
	"%s is the lab's only network: nothing is routed out":                       "%s 是实验网络里唯一的网络：没有任何路由通向外面",
	"the lab has no host %s: its hosts are alpha, beta and gamma":               "实验网络里没有主机 %s：只有 alpha、beta 和 gamma",
	"this kernel has no netem (sch_netem), so the lab cannot add delay or loss": "这个内核没有 netem（sch_netem），所以实验网络无法加上延迟或丢包",
	"the lab's keeper is gone":                                                  "实验网络的管理进程已经不在了",
	// lessons
	"Step %d/%d":      "第 %d/%d 步",
	"Step %d/%d (%s)": "第 %d/%d 步（%s）",
	"First wait for the %s terminal to finish step %d.": "先等 %s 终端完成第 %d 步。",
	"✓ step %d done": "✓ 第 %d 步完成",
	"Lesson progress in %s was damaged and is kept aside as %s; progress starts afresh.":                                         "%s 中的课程进度已损坏，已另存为 %s；进度从头开始记录。",
	"The check of step %d was stopped (%s), so it no longer runs after every statement: %%check runs it, %%next skips the step.": "第 %d 步的检查被中止了（%s），之后不再在每条语句后自动运行：%%check 可以手动运行它，%%next 跳过这一步。",
	"it took too long":                       "耗时太长",
	"it used too much memory":                "占用内存太多",
	"it took too many steps":                 "执行步数太多",
	"you pressed Ctrl-C":                     "你按了 Ctrl-C",
	"Lesson progress is not being saved: %s": "课程进度无法保存：%s",
	"Not yet: step %d is not done. %%hint gives a hint, %%show the code.":      "还没有：第 %d 步尚未完成。%%hint 给出提示，%%show 显示代码。",
	"This is already the first step.":                                          "已经是第一步了。",
	"There are no more steps.":                                                 "后面没有步骤了。",
	"Lesson %s: %s":                                                            "课程 %s：%s",
	"You are the %s. Each other role runs in a terminal of its own:":           "你扮演 %s。其他每个角色各用一个终端：",
	"sockrepl --role %s    then    %%lesson %s %s":                             "sockrepl --role %s    然后    %%lesson %s %s",
	"Some steps need root; as another user they show what happens instead.":    "部分步骤需要 root 权限；用普通用户运行时，会改为演示此时的结果。",
	"Resuming at step %d (%%lesson reset starts over).":                        "从第 %d 步继续（%%lesson reset 可以从头开始）。",
	"You have been through this lesson before; %lesson reset starts it again.": "你之前已经学完了这一课；%lesson reset 可以从头再来。",
	"Lesson %s finished: that was the last of this terminal's %d steps.":       "课程 %s 完成：本终端的 %d 个步骤已经全部走完。",
	"The other terminal may still have steps to finish.":                       "另一个终端可能还有步骤没做完。",
	"%lesson lists the other lessons.":                                         "%lesson 列出其他课程。",
	"Note: %d sockets from before are still open (%s). Checks look at every socket, so close them first, or start a fresh sockrepl.": "注意：之前的 %d 个套接字仍然开着（%s）。检查会查看所有套接字，请先关闭它们，或者重新启动一个 sockrepl。",
	"Note: 1 socket from before is still open (%s). Checks look at every socket, so close it first, or start a fresh sockrepl.":      "注意：之前的 1 个套接字仍然开着（%s）。检查会查看所有套接字，请先关闭它，或者重新启动一个 sockrepl。",
	"Note: variables from before are still set (%s), and checks look at them too: %%reset clears them (and closes every socket).":    "注意：之前的变量仍然存在（%s），检查也会查看它们：%%reset 可以清除它们（并关闭所有套接字）。",
	"Progress cleared; back to step 1.":                                         "进度已清除，回到第 1 步。",
	"Lesson %s has the roles %s: pick one, e.g. %%lesson %s %s.":                "课程 %s 的角色有 %s：请选一个，例如 %%lesson %s %s。",
	"Lesson %s has no role %q; its roles are %s.":                               "课程 %s 没有角色 %q；它的角色是 %s。",
	"Type the code shown (%show), or your own line that reaches the same goal.": "输入显示的代码（%show），或者用你自己的写法达到同样的目标。",
	"%d steps":                               "%d 步",
	"done":                                   "已完成",
	"ok   %s  %d steps":                      "ok   %s  %d 步",
	"FAIL %s: %s":                            "FAIL %s：%s",
	"FAIL %s step %d (%s): %s":               "FAIL %s 第 %d 步（%s）：%s",
	"check already true before the code ran": "代码运行之前检查就已经为真",
	"check false after code":                 "代码运行之后检查仍为假",
	"the code raised %s":                     "代码抛出了 %s",

	"cannot start a session for role %s: %v":                                                          "无法为角色 %s 启动会话：%v",
	"the code was still blocked after %s and was interrupted":                                         "代码阻塞超过 %s，已被中断",
	"the session failed: %v":                                                                          "会话出错：%v",
	", %d other solutions and %d wrong answers tried":                                                 "，另试了 %d 个其他解法和 %d 个错误答案",
	"; %d steps need root and were skipped":                                                           "；%d 步需要 root 权限，已跳过",
	"; %d steps need packet capture and were skipped":                                                 "；%d 步需要抓包，已跳过",
	"the lesson leaves sockets open in the %s terminal: %s":                                           "课程结束时 %s 终端里还有套接字开着：%s",
	"the lesson leaves the socket file %s on disk":                                                    "课程结束时套接字文件 %s 还留在磁盘上",
	"the wrong answer was still blocked after %s and was interrupted":                                 "错误答案阻塞超过 %s，已被中断",
	"the check accepts the wrong answer %s":                                                           "检查接受了错误答案 %s",
	"check false after the other solution %s":                                                         "运行其他解法 %s 之后检查仍为假",
	" (in the replay of alt and wrong solutions)":                                                     "（在重放其他解法和错误答案时）",
	"%d of this terminal's steps need root: they are skipped here (run sockrepl as root to do them).": "本终端有 %d 个步骤需要 root 权限，这里会跳过它们（以 root 身份运行 sockrepl 才能做）。",
	"Step %d needs root: skipped. (%s)":                                                               "第 %d 步需要 root 权限，已跳过。（%s）",
	"%d of this terminal's steps need packet capture: they are skipped here (run sockrepl as root, or in sockrepl --lab, to do them).": "本终端有 %d 个步骤需要抓包，这里会跳过它们（以 root 身份运行 sockrepl，或在 sockrepl --lab 里运行，才能做）。",
	"Step %d needs packet capture: skipped. (%s)": "第 %d 步需要抓包，已跳过。（%s）",
}
