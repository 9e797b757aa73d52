package repl

import "sockrepl/repl/python"

// hintFor returns the dim line shown after an exception that learners
// meet often, pointing at the % command that shows the cause; "" when
// there is nothing useful to add.
func hintFor(lang string, e *python.PyError) string {
	var h string
	switch e.Errno {
	case 111: // ECONNREFUSED
		h = "hint: nothing is listening at that address. Is the server's listen() done? %ss PORT shows who holds the port."
	case 98: // EADDRINUSE
		h = "hint: another socket holds this address, perhaps a connection in TIME_WAIT. %ss PORT shows it; setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) before bind() lets a server rebind."
	case 11: // EAGAIN
		h = "hint: the socket is non-blocking and the call would have to wait. %ls shows its mode and queues."
	case 115, 114: // EINPROGRESS, EALREADY
		h = "hint: a non-blocking connect() has started; select() on the socket for writing tells you when it finishes."
	case 32: // EPIPE
		h = "hint: the peer has closed the connection; sending more is an error. %ls shows the state."
	case 104: // ECONNRESET
		h = "hint: the peer reset the connection: it closed with unread data, or its process died."
	case 107: // ENOTCONN
		if e.Op == "recv" || e.Op == "send" || e.Op == "sendall" {
			h = "hint: a listening socket only accepts connections: send and recv on the socket accept() returns."
		} else {
			h = "hint: this socket is not connected: connect() it first, or use the socket accept() returned."
		}
	case 22: // EINVAL
		if e.Op == "bind" {
			h = "hint: the socket is already bound or connected; %ls shows its laddr. Make a new socket to bind again."
		}
	case 106: // EISCONN
		h = "hint: the socket is already connected."
	case 9: // EBADF
		h = "hint: this socket was closed; its fd is -1. Make a new one with socket.socket()."
	case 13: // EACCES
		if e.Op == "bind" {
			h = "hint: ports below 1024 are privileged: only root may bind them. Pick a port above 1024."
		}
	case -2, -3, -5: // EAI_NONAME, EAI_AGAIN, EAI_NODATA
		h = "hint: that name did not resolve. Use an IP address, 'localhost' or ''."
	}
	switch e.Class {
	case "TimeoutError":
		if e.Errno == 0 {
			h = "hint: the timeout ran out before the call could finish; gettimeout() shows it, settimeout(None) waits for ever."
		}
	case "KeyboardInterrupt":
		h = "hint: the call was interrupted; the socket keeps its state (%ls)."
	}
	if h == "" {
		return ""
	}
	return tr(lang, h)
}
