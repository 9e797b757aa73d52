package sockets

// Contract stubs: the implementation replaces each of these, keeping the
// signature and the documented behaviour. Delete this file when done.

// Runtime owns the wake fd that interrupts waits, the observer and tracer,
// and the set of sockets it created.
type Runtime struct{}

// Socket is one OS socket with CPython's semantics.
type Socket struct{}

// NewRuntime makes a Runtime with its wake fd (eventfd).
func NewRuntime() (*Runtime, error) { panic("contract stub") }

// Close closes every socket the Runtime still holds open, then the wake fd.
func (rt *Runtime) Close() error { panic("contract stub") }

// Interrupt makes every current and future wait of this Runtime return a
// KeyboardInterrupt *Error until ClearInterrupt. Safe from a signal
// handler goroutine.
func (rt *Runtime) Interrupt() { panic("contract stub") }

// ClearInterrupt drains the wake fd; the repl calls it before each statement.
func (rt *Runtime) ClearInterrupt() { panic("contract stub") }

// SetObserver installs the callback that receives Progress reports
// (every ~100 ms while blocked, plus a Finished report). nil removes it.
// Called on the goroutine that waits.
func (rt *Runtime) SetObserver(func(Progress)) { panic("contract stub") }

// SetTracer installs the callback that receives one Trace per system call
// made through this Runtime. nil turns tracing off.
func (rt *Runtime) SetTracer(func(Trace)) { panic("contract stub") }

// Sockets returns the open sockets this Runtime created, in creation order.
func (rt *Runtime) Sockets() []*Socket { panic("contract stub") }

// Socket is socket.socket(family, type, proto). family -1 / type -1 mean
// the defaults (AF_INET, SOCK_STREAM). type may carry SOCK_NONBLOCK and
// SOCK_CLOEXEC.
func (rt *Runtime) Socket(family, typ, proto int) (*Socket, error) { panic("contract stub") }

// Socketpair is socket.socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0);
// -1 means the default.
func (rt *Runtime) Socketpair(family, typ, proto int) (*Socket, *Socket, error) {
	panic("contract stub")
}

// CreateConnection is socket.create_connection(address, timeout, source_address).
// timeout nil means the default (blocking); source nil means none.
func (rt *Runtime) CreateConnection(address any, timeout *float64, source any) (*Socket, error) {
	panic("contract stub")
}

// Select is select.select on fds; timeout nil blocks until ready.
// Interruptible and observed like every other wait.
func (rt *Runtime) Select(r, w, x []int, timeout *float64) (rr, wr, xr []int, err error) {
	panic("contract stub")
}

// Sleep is time.sleep(seconds): interruptible, observed (WaitSleep).
func (rt *Runtime) Sleep(seconds float64) error { panic("contract stub") }

func (s *Socket) Bind(address any) error { panic("contract stub") }

// Listen is listen(backlog); with no argument the backlog is CPython's
// default, min(SOMAXCONN, 128).
func (s *Socket) Listen(backlog ...int) error { panic("contract stub") }

// Accept returns the new socket (created through the same Runtime) and the
// peer address as a Python value.
func (s *Socket) Accept() (*Socket, any, error)            { panic("contract stub") }
func (s *Socket) Connect(address any) error                { panic("contract stub") }
func (s *Socket) ConnectEx(address any) (int, error)       { panic("contract stub") }
func (s *Socket) Send(data []byte, flags int) (int, error) { panic("contract stub") }
func (s *Socket) Sendall(data []byte, flags int) error     { panic("contract stub") }
func (s *Socket) Sendto(data []byte, flags int, address any) (int, error) {
	panic("contract stub")
}

// Recv allocates only what can arrive: recv(10**12) must not allocate a
// terabyte. bufsize < 0 gives ValueError "negative buffersize in recv".
func (s *Socket) Recv(bufsize, flags int) ([]byte, error)          { panic("contract stub") }
func (s *Socket) Recvfrom(bufsize, flags int) ([]byte, any, error) { panic("contract stub") }
func (s *Socket) Shutdown(how int) error                           { panic("contract stub") }
func (s *Socket) Close() error                                     { panic("contract stub") }
func (s *Socket) Fileno() int                                      { panic("contract stub") }
func (s *Socket) Getsockname() (any, error)                        { panic("contract stub") }
func (s *Socket) Getpeername() (any, error)                        { panic("contract stub") }

// Setsockopt takes an int or []byte value.
func (s *Socket) Setsockopt(level, opt int, value any) error { panic("contract stub") }

// Getsockopt returns an int when buflen is 0, else []byte of at most buflen.
func (s *Socket) Getsockopt(level, opt, buflen int) (any, error) { panic("contract stub") }
func (s *Socket) Setblocking(flag bool) error                    { panic("contract stub") }
func (s *Socket) Getblocking() bool                              { panic("contract stub") }

// Settimeout: nil is None (blocking), 0 non-blocking, >0 timeout mode.
// Negative gives ValueError "Timeout value out of range".
func (s *Socket) Settimeout(t *float64) error { panic("contract stub") }
func (s *Socket) Gettimeout() *float64        { panic("contract stub") }
func (s *Socket) Family() int                 { panic("contract stub") }
func (s *Socket) Type() int                   { panic("contract stub") }
func (s *Socket) Proto() int                  { panic("contract stub") }

// Repr is CPython's repr: "<socket.socket fd=3, family=AddressFamily.AF_INET, ...>".
func (s *Socket) Repr() string { panic("contract stub") }

// State reads the socket's kernel state.
func (s *Socket) State() State { panic("contract stub") }

// ListKernel lists TCP, UDP and Unix sockets of every process.
func ListKernel() ([]KernelSocket, error) { panic("contract stub") }

// Repr formats a Python value (nil, bool, int, float64, string, []byte,
// Tuple) as CPython's repr does: ('127.0.0.1', 5), b'hi\x00'.
func Repr(v any) string { panic("contract stub") }

// Constant is one name of the socket module.
type Constant struct {
	Name  string // "AF_INET"
	Value int
	Enum  string // "AddressFamily", "SocketKind", "MsgFlag", "" for plain ints
}

// Constants lists the socket module's integer constants for Linux.
func Constants() []Constant { panic("contract stub") }

// Module-level functions of the socket module.
func Gethostname() (string, error)              { panic("contract stub") }
func Gethostbyname(host string) (string, error) { panic("contract stub") }
func Getaddrinfo(host, port any, family, typ, proto, flags int) ([]Tuple, error) {
	panic("contract stub")
}
func InetAton(s string) ([]byte, error)             { panic("contract stub") }
func InetNtoa(b []byte) (string, error)             { panic("contract stub") }
func InetPton(family int, s string) ([]byte, error) { panic("contract stub") }
func InetNtop(family int, b []byte) (string, error) { panic("contract stub") }

// Htons and friends raise OverflowError as CPython does for out-of-range input.
func Htons(x int) (int, error) { panic("contract stub") }
func Ntohs(x int) (int, error) { panic("contract stub") }
func Htonl(x int) (int, error) { panic("contract stub") }
func Ntohl(x int) (int, error) { panic("contract stub") }
