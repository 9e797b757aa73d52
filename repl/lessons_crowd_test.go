//go:build linux

package repl

import (
	"net"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"sockrepl/lessons"
	"sockrepl/sockets"
)

// timeWaitCrowd leaves about n TIME_WAIT entries in the kernel's table, as
// three runs of a 10,000-connection benchmark do: connections to
// listeners of its own on ports the system picks, closed by the server
// side first, so the TIME_WAIT entries sit on those listeners' ports and
// the client ports are free again at once. They last a minute.
func timeWaitCrowd(t *testing.T, n int) {
	t.Helper()
	const perListener = 3_000 // few enough that a client port rarely meets its own TIME_WAIT again
	for made := 0; made < n; made += perListener {
		l, err := net.Listen("tcp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().(*net.TCPAddr)
		for i := 0; i < perListener && made+i < n; i++ {
			c, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := unix.Connect(c, &unix.SockaddrInet4{Port: addr.Port, Addr: [4]byte{127, 0, 0, 1}}); err != nil {
				unix.Close(c)
				t.Fatalf("connection %d: %v", made+i, err)
			}
			conn, err := l.Accept()
			if err != nil {
				t.Fatal(err)
			}
			conn.Close() // the server's FIN first: TIME_WAIT on the listener's port
			unix.Close(c)
		}
		l.Close()
	}
}

// TestLessonsReplayInACrowd replays the lessons whose checks read the
// kernel's socket table while ~30,000 foreign TIME_WAIT entries fill it:
// checks see only the rows that concern their lesson, so they pass as
// they do on an idle machine, and none runs out of steps.
func TestLessonsReplayInACrowd(t *testing.T) {
	lockLessonPorts(t)
	if testing.Short() {
		t.Skip("makes 30,000 connections")
	}
	all, err := lessons.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	timeWaitCrowd(t, 30_000)
	rows, err := sockets.ListKernel()
	if err != nil {
		t.Fatal(err)
	}
	tw := 0
	for _, r := range rows {
		if r.State == "TIME_WAIT" {
			tw++
		}
	}
	if tw < 25_000 {
		t.Fatalf("the crowd holds %d TIME_WAIT entries, want about 30,000", tw)
	}
	for _, l := range all {
		usesKernel := false
		for _, st := range l.Steps {
			usesKernel = usesKernel || strings.Contains(st.Check, "kernel")
		}
		if !usesKernel {
			continue
		}
		t.Run(l.ID, func(t *testing.T) {
			ok, report := lessons.Verify(l, "en", func(role string) (lessons.Runner, error) {
				return NewLessonRunner(role, "en")
			})
			if !ok {
				t.Errorf("with %d TIME_WAIT entries on the machine:\n%s", tw, strings.Join(report, "\n"))
			}
		})
	}
}
