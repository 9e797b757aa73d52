package sockets

import "time"

// This file is the contract the repl and lessons packages compile against.
// Bodies marked "contract stub" are to be replaced by the implementation;
// keep the signatures.

// Tuple is a Python tuple.
type Tuple []any

// Error is a Python exception raised by a socket operation.
type Error struct {
	Class string // Python class as CPython prints it: "ConnectionRefusedError", "socket.gaierror", "TimeoutError", "OverflowError", "KeyboardInterrupt"
	Errno int    // 0 when the exception carries no errno
	Msg   string // str(exc) as CPython prints it: "[Errno 111] Connection refused", "timed out"
	Op    string // the system call or function that failed: "connect", "bind", "recv"
	Err   error  // the unix.Errno underneath, or nil
}

// Error returns the last line Python prints for the exception: "Class: msg".
func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Class
	}
	return e.Class + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Ancillary is one control message of sendmsg/recvmsg: CPython's
// (cmsg_level, cmsg_type, cmsg_data).
type Ancillary struct {
	Level, Type int
	Data        []byte
}

// Why says what a blocked call is waiting for, in kernel terms.
type Why int

const (
	WaitNone        Why = iota
	WaitAcceptQueue     // listener's accept queue empty: QueueLen/Backlog
	WaitRecvBuffer      // receive buffer empty
	WaitSendBuffer      // send buffer full: SendQ bytes queued of SndBuf
	WaitHandshake       // connect: TCP handshake in progress
	WaitSelect          // select(): none of the fds ready
	WaitSleep           // time.sleep
	WaitOther           // the embedding program's own wait (WaitChan): Detail says what
)

// Progress is what the wait helper reports about every 100 ms while a call
// blocks, and once more with Finished set when it returns.
type Progress struct {
	Op       string // "accept", "connect", "recv", "recvfrom", "send", "sendall", "sendto", "select", "sleep"
	FD       int    // -1 for select and sleep
	Local    string // "127.0.0.1:65432" or a unix path; "" when unbound
	Elapsed  time.Duration
	Why      Why
	QueueLen int    // accept queue length now
	Backlog  int    // listen backlog
	SendQ    int    // bytes in the send queue (SIOCOUTQ)
	SndBuf   int    // SO_SNDBUF
	Done     int64  // sendall: bytes sent so far
	Total    int64  // sendall: bytes to send; 0 when not applicable
	Detail   string // WaitOther: what the call waits for, in English ("queue empty")
	Finished bool
	Err      error // set on the Finished report when the call failed
}

// Trace is one system call, reported when tracing is on (%trace).
type Trace struct {
	Call   string // "connect(3, {AF_INET, 127.0.0.1:65432})"
	Result string // "0", "-1 ECONNREFUSED (Connection refused)", "12"
	Took   time.Duration
	View   TraceView
}

// TraceView says which view of a statement's system calls a Trace
// belongs to. The program view is what strace shows of CPython running
// the same statement (one blocking recvfrom); the raw view is what this
// package really issued (a non-blocking attempt, a poll that also watches
// the wake fd, so that Ctrl-C can end any wait). Most calls are the same
// in both.
type TraceView uint8

const (
	ViewBoth    TraceView = iota // the call CPython makes too, made as it makes it
	ViewRaw                      // the package's own mechanics: raw view only
	ViewProgram                  // CPython's call, standing for raw ones: program view only
)

// State is the kernel's view of one socket of this process. Everything is
// read without root (TCP_INFO, SIOCINQ/SIOCOUTQ, getsockopt).
type State struct {
	FD        int
	Closed    bool
	Family    int
	Type      int      // without SOCK_NONBLOCK/SOCK_CLOEXEC bits
	Kind      Kind     // KindTCP4, KindUnixStream, ...
	TCPState  TCPState // TCPListen, TCPEstablished, ...; TCPNone when not TCP
	Laddr     any      // Python value as getsockname() returns it; nil when unbound
	Raddr     any      // Python value as getpeername() returns it; nil when not connected
	Mode      Mode     // ModeBlocking, ModeTimeout, ModeNonBlocking
	Timeout   *float64
	RecvQ     int // bytes waiting to be read (SIOCINQ); for a listener, the accept queue length
	SendQ     int // bytes not yet acknowledged (SIOCOUTQ)
	Listening bool
	AcceptQ   int // connections waiting in the accept queue (listener)
	Backlog   int // listen backlog (listener)
	RcvBuf    int
	SndBuf    int
	ReuseAddr bool // SO_REUSEADDR is set
	// What this process did with it, which the kernel does not keep:
	Received  int64 // bytes its receives have returned so far
	EOFSeen   bool  // a receive on this stream returned b'' (the peer's FIN was read)
	ReusePort bool  // SO_REUSEPORT is set
	KeepAlive bool  // SO_KEEPALIVE is set
	// Drops counts what the kernel threw away for this socket (SO_MEMINFO's
	// SK_MEMINFO_DROPS): datagrams that found the receive buffer full, or,
	// on a listener, connection attempts dropped because the accept queue
	// was full.
	Drops     int
	V6Only    bool   // AF_INET6: IPV6_V6ONLY is set
	IPOptions []byte // AF_INET: the IP options its packets carry (IP_OPTIONS)

	// TCP only (zero otherwise).
	NoDelay     bool // TCP_NODELAY: Nagle's algorithm is off
	KeepIdle    int  // TCP_KEEPIDLE, seconds
	KeepIntvl   int  // TCP_KEEPINTVL, seconds
	KeepCnt     int  // TCP_KEEPCNT
	UserTimeout int  // TCP_USER_TIMEOUT, milliseconds; 0 is the default
	SynCnt      int  // TCP_SYNCNT: SYN retransmissions before connect() gives up
	DeferAccept int  // TCP_DEFER_ACCEPT: seconds a listener holds a connection back until data comes
	// Sent is the data this socket's send calls handed to the kernel.
	Sent int64
}

// TCPState is a TCP socket's state. The values are the kernel's numbers
// (include/net/tcp_states.h), so TCP_INFO's tcpi_state and /proc/net/tcp
// convert directly; String gives the name the shell shows.
type TCPState uint8

const (
	TCPNone        TCPState = iota // not a TCP socket; String gives ""
	TCPEstablished                 // ESTABLISHED
	TCPSynSent                     // SYN_SENT
	TCPSynRecv                     // SYN_RECV
	TCPFinWait1                    // FIN_WAIT1
	TCPFinWait2                    // FIN_WAIT2
	TCPTimeWait                    // TIME_WAIT
	TCPClosed                      // CLOSED: neither connected nor listening (RFC 793's name)
	TCPCloseWait                   // CLOSE_WAIT
	TCPLastAck                     // LAST_ACK
	TCPListen                      // LISTEN
	TCPClosing                     // CLOSING
	TCPNewSynRecv                  // NEW_SYN_RECV
)

var tcpStateNames = [...]string{
	TCPNone: "", TCPEstablished: "ESTABLISHED", TCPSynSent: "SYN_SENT", TCPSynRecv: "SYN_RECV",
	TCPFinWait1: "FIN_WAIT1", TCPFinWait2: "FIN_WAIT2", TCPTimeWait: "TIME_WAIT",
	TCPClosed: "CLOSED", TCPCloseWait: "CLOSE_WAIT", TCPLastAck: "LAST_ACK",
	TCPListen: "LISTEN", TCPClosing: "CLOSING", TCPNewSynRecv: "NEW_SYN_RECV",
}

// String is the state's name as ss and netstat print it; "" for TCPNone
// and for numbers the kernel may add later.
func (t TCPState) String() string {
	if int(t) < len(tcpStateNames) {
		return tcpStateNames[t]
	}
	return ""
}

// Mode is which of CPython's three socket modes a socket is in. The fd is
// O_NONBLOCK in the last two.
type Mode uint8

const (
	ModeBlocking    Mode = iota // settimeout(None): calls wait as long as it takes
	ModeTimeout                 // settimeout(t > 0): calls wait up to t, then TimeoutError
	ModeNonBlocking             // settimeout(0): calls that would wait raise BlockingIOError
)

// String is the mode as the shell shows it: "blocking", "timeout",
// "non-blocking".
func (m Mode) String() string {
	switch m {
	case ModeBlocking:
		return "blocking"
	case ModeTimeout:
		return "timeout"
	case ModeNonBlocking:
		return "non-blocking"
	}
	return ""
}

// Kind is the short name of a socket's family and type, as the shell
// shows it. The constants are the kinds learners make; other families and
// types get a name made of both, such as "AF_NETLINK-raw".
type Kind string

const (
	KindTCP4          Kind = "tcp4"
	KindTCP6          Kind = "tcp6"
	KindUDP4          Kind = "udp4"
	KindUDP6          Kind = "udp6"
	KindRaw4          Kind = "raw4"
	KindRaw6          Kind = "raw6"
	KindUnixStream    Kind = "unix-stream"
	KindUnixDgram     Kind = "unix-dgram"
	KindUnixSeqpacket Kind = "unix-seqpacket"
)

// KernelSocket is one row of the system-wide listing (/proc/net or
// sock_diag): sockets of every process, including TIME_WAIT leftovers.
type KernelSocket struct {
	Proto      string // "tcp", "tcp6", "udp", "udp6", "unix"
	State      string // TCP: a TCPState's name; UDP: "UNCONN" or "ESTAB"; unix: "LISTEN", "ESTAB", "CONNECTING", "UNCONN"
	LocalHost  string
	LocalPort  int
	RemoteHost string
	RemotePort int
	Path       string // unix sockets
	RecvQ      int    // bytes queued; listener: accept queue length
	SendQ      int    // bytes queued; TCP listener: backlog (from sock_diag)
	Inode      uint64
	PID        int           // 0 when not visible
	Process    string        // command name when visible
	Timer      time.Duration // time left on the socket's timer (TimerKind)
	// TimerKind names the timer running, as ss -o does: "on" (retransmit),
	// "keepalive", "timewait", "persist" (zero-window probe), or "".
	TimerKind   string
	Retransmits int // TCP: unanswered retransmissions or probes so far
	Drops       int // UDP: datagrams dropped for this socket
}

// PollFD is one entry of a poll set (Runtime.Poll): a descriptor and the
// events asked for; Poll fills in Revents.
type PollFD struct {
	FD      int
	Events  int
	Revents int
}

// EpollEvent is one result of Epoll.Wait: a descriptor and what happened.
type EpollEvent struct {
	FD     int
	Events uint32
}
