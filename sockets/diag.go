//go:build linux

package sockets

// fillListenBacklogs is a placeholder until the sock_diag query lands:
// /proc/net/tcp does not carry a listener's backlog.
func fillListenBacklogs(socks []KernelSocket) {}
