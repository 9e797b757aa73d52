package pyparse

import (
	"os"
	"testing"
)

// replStatements are typical one-line statements typed at the shell.
var replStatements = []string{
	"s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
	"s.bind(('127.0.0.1', 65432))",
	"conn, addr = s.accept()",
	"data = conn.recv(1024)",
	"print(f\"got {len(data)} bytes from {addr[0]}:{addr[1]}\")",
	"x = [i * 2 for i in range(10) if i % 3]",
}

// BenchmarkParseStatement measures Parse on one-line REPL statements and
// on a 200-line program (testdata/corpus/protocol.py).
func BenchmarkParseStatement(b *testing.B) {
	for _, src := range replStatements {
		b.Run(src[:min(len(src), 24)], func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Parse("<stdin>", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	prog, err := os.ReadFile("testdata/corpus/protocol.py")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("program-200-lines", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(prog)))
		for i := 0; i < b.N; i++ {
			if _, err := Parse("protocol.py", string(prog)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
