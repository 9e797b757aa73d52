// Command rawbulk moves 1 GiB over loopback with raw system calls: the
// machine's limit that sockrepl's bulk transfer is compared against.
//
//	rawbulk recv &   # listen on 127.0.0.1:50999, count bytes until EOF
//	rawbulk send     # send 256 chunks of 4 MiB
package main

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

const port = 50999

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: rawbulk recv|send")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "recv":
		err = recv()
	case "send":
		err = send()
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rawbulk:", err)
		os.Exit(1)
	}
}

func loopback() *unix.SockaddrInet4 {
	return &unix.SockaddrInet4{Port: port, Addr: [4]byte{127, 0, 0, 1}}
}

func recv() error {
	ln, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	defer unix.Close(ln)
	unix.SetsockoptInt(ln, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
	if err := unix.Bind(ln, loopback()); err != nil {
		return fmt.Errorf("bind: %w", err)
	}
	if err := unix.Listen(ln, 1); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fd, _, err := unix.Accept(ln)
	if err != nil {
		return fmt.Errorf("accept: %w", err)
	}
	defer unix.Close(fd)
	buf := make([]byte, 1<<20)
	total := 0
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
		if n == 0 {
			break
		}
		total += n
	}
	fmt.Println(total)
	return nil
}

func send() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	if err := unix.Connect(fd, loopback()); err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	chunk := make([]byte, 4<<20)
	for i := 0; i < 256; i++ {
		for off := 0; off < len(chunk); {
			n, err := unix.SendmsgN(fd, chunk[off:], nil, nil, unix.MSG_NOSIGNAL)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return fmt.Errorf("send: %w", err)
			}
			off += n
		}
	}
	return nil
}
