//go:build !linux

package sockets

import "syscall"

// sockrepl drives Linux system calls; elsewhere every entry point says so.

type Runtime struct{}
type Socket struct{}
type Epoll struct{}

func unsupported() *Error { return OSError("sockrepl needs Linux: this system is not supported") }

func PathError(op string, err error, path any) *Error { return unsupported() }

func NewRuntime() (*Runtime, error)                     { return nil, unsupported() }
func (rt *Runtime) Close() error                        { return nil }
func (rt *Runtime) Interrupt()                          {}
func (rt *Runtime) ClearInterrupt()                     {}
func (rt *Runtime) SetObserver(func(Progress))          {}
func (rt *Runtime) SetTracer(func(Trace))               {}
func (rt *Runtime) Sockets() []*Socket                  { return nil }
func (rt *Runtime) Socket(f, t, p int) (*Socket, error) { return nil, unsupported() }
func (rt *Runtime) Socketpair(f, t, p int) (*Socket, *Socket, error) {
	return nil, nil, unsupported()
}
func (rt *Runtime) CreateConnection(a any, t *float64, s any) (*Socket, error) {
	return nil, unsupported()
}
func (rt *Runtime) Select(r, w, x []int, t *float64) ([]int, []int, []int, error) {
	return nil, nil, nil, unsupported()
}
func (rt *Runtime) Sleep(float64) error                   { return unsupported() }
func (s *Socket) Bind(any) error                          { return unsupported() }
func (s *Socket) Listen(...int) error                     { return unsupported() }
func (s *Socket) Accept() (*Socket, any, error)           { return nil, nil, unsupported() }
func (s *Socket) Connect(any) error                       { return unsupported() }
func (s *Socket) ConnectEx(any) (int, error)              { return 0, unsupported() }
func (s *Socket) Send([]byte, int) (int, error)           { return 0, unsupported() }
func (s *Socket) Sendall([]byte, int) error               { return unsupported() }
func (s *Socket) Sendto([]byte, int, any) (int, error)    { return 0, unsupported() }
func (s *Socket) Recv(int, int) ([]byte, error)           { return nil, unsupported() }
func (s *Socket) RecvInto([]byte, int, int) (int, error)  { return 0, unsupported() }
func (s *Socket) RecvReusing(int, []byte) ([]byte, error) { return nil, unsupported() }
func (s *Socket) IsStream() bool                          { return false }
func (s *Socket) RecvfromInto([]byte, int, int) (int, any, error) {
	return 0, nil, unsupported()
}
func (s *Socket) Recvfrom(int, int) ([]byte, any, error) { return nil, nil, unsupported() }
func (s *Socket) Shutdown(int) error                     { return unsupported() }
func (s *Socket) Close() error                           { return nil }
func (s *Socket) Fileno() int                            { return -1 }
func (s *Socket) Getsockname() (any, error)              { return nil, unsupported() }
func (s *Socket) Getpeername() (any, error)              { return nil, unsupported() }
func (s *Socket) Setsockopt(int, int, any) error         { return unsupported() }
func (s *Socket) Getsockopt(int, int, int) (any, error)  { return nil, unsupported() }
func (s *Socket) Setblocking(bool) error                 { return unsupported() }
func (s *Socket) Getblocking() bool                      { return true }
func (s *Socket) Settimeout(*float64) error              { return unsupported() }
func (s *Socket) Gettimeout() *float64                   { return nil }
func (s *Socket) Family() int                            { return 0 }
func (s *Socket) Type() int                              { return 0 }
func (s *Socket) Proto() int                             { return 0 }
func (s *Socket) Repr() string                           { return "<socket.socket [unsupported]>" }
func (s *Socket) ReprClosed(bool) string                 { return "<socket.socket [unsupported]>" }
func (s *Socket) State() State                           { return State{Closed: true, FD: -1} }
func ListKernel() ([]KernelSocket, error)                { return nil, unsupported() }

type WaitHooks struct {
	Enter   func() (token any, foreground bool)
	Leave   func(token any)
	Settled func()
}

func (rt *Runtime) SetWaitHooks(*WaitHooks) {}

// SetPortHook does nothing off Linux.
func (rt *Runtime) SetPortHook(func(port int)) {}
func (rt *Runtime) WaitChan(op, detail string, ready <-chan struct{}, timeout *float64) (bool, error) {
	return false, unsupported()
}

func (rt *Runtime) Interrupted() bool { return false }

func Strerror(n int) string { return syscall.Errno(n).Error() }

// History mirrors the Linux type (socket.go), so the shell builds here.
type History struct {
	Dialed    any
	HadPeer   bool
	ShutWrite bool
}

func (s *Socket) History() History       { return History{} }
func (rt *Runtime) SetNumericReprs(bool) {}

func (rt *Runtime) Poll(string, []PollFD, int) ([]PollFD, error) { return nil, unsupported() }
func (rt *Runtime) NewEpoll() (*Epoll, error)                    { return nil, unsupported() }
func (rt *Runtime) SetDefaultTimeout(*float64) error             { return unsupported() }
func (rt *Runtime) DefaultTimeout() *float64                     { return nil }
func (rt *Runtime) FromFD(fd, f, t, p int) (*Socket, error)      { return nil, unsupported() }
func (rt *Runtime) Adopt(fd, f, t, p int) (*Socket, error)       { return nil, unsupported() }
func (rt *Runtime) Detached(int) bool                            { return false }
func (e *Epoll) Fileno() int                                     { return -1 }
func (e *Epoll) Closed() bool                                    { return true }
func (e *Epoll) Close() error                                    { return nil }
func (e *Epoll) Register(int, uint32) error                      { return unsupported() }
func (e *Epoll) Modify(int, uint32) error                        { return unsupported() }
func (e *Epoll) Unregister(int) error                            { return unsupported() }
func (e *Epoll) Wait(string, int, int) ([]EpollEvent, error)     { return nil, unsupported() }
func (s *Socket) Dup() (*Socket, error)                          { return nil, unsupported() }
func (s *Socket) Detach() int                                    { return -1 }
func Getservbyname(name, proto string) (int, error)              { return 0, unsupported() }
func Getservbyport(port int, proto string) (string, error)       { return "", unsupported() }
func Getprotobyname(name string) (int, error)                    { return 0, unsupported() }

// Watch mirrors the Linux type (watch.go): every socket may have changed.
type Watch struct{ rt *Runtime }

func (rt *Runtime) NewWatch() (*Watch, error) { return &Watch{rt: rt}, nil }
func (w *Watch) Close() error                 { return nil }
func (w *Watch) Changed() []*Socket           { return w.rt.Sockets() }

func (s *Socket) Sendmsg([][]byte, []Ancillary, int, any) (int, error) { return 0, unsupported() }
func (s *Socket) Recvmsg(int, int, int) ([]byte, []Ancillary, int, any, error) {
	return nil, nil, 0, nil, unsupported()
}
func CmsgLen(n int) int                   { return 16 + n }
func CmsgSpace(n int) int                 { return 16 + (n+7)&^7 }
func Counters() (map[string]int64, error) { return nil, unsupported() }
