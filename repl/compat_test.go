package repl

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// TestCompatWithPython feeds each statement file in testdata/compat to
// `python3 -i -q` and to sockrepl's line mode and compares what they
// print, in order: results, print output, and the last line of every
// exception. Numbers the OS picks (fds, ports, addresses of objects) and
// the temporary directory are masked first.
func TestCompatWithPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: the compatibility test needs it as the reference")
	}
	files, err := filepath.Glob("testdata/compat/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no statement files in testdata/compat: %v", err)
	}
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".py"), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// Each side gets its own directory: a Unix socket's file stays
			// after close, so one run's path would be taken for the other.
			pyDir, srDir := t.TempDir(), t.TempDir()
			want := normalizeTranscript(runPythonLines(t, python, strings.ReplaceAll(string(raw), "{tmp}", pyDir), pyDir), pyDir)
			got := normalizeTranscript(runSockreplLines(t, strings.ReplaceAll(string(raw), "{tmp}", srDir), srDir), srDir)
			if want != got {
				t.Errorf("%s: sockrepl differs from python3\n%s", file, lineDiff(want, got))
			}
		})
	}
}

func runPythonLines(t *testing.T, python, src, dir string) string {
	t.Helper()
	env := append(os.Environ(), "PYTHONSTARTUP=", "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
	return runLines(t, []string{python, "-u", "-i", "-q", "-X", "utf8"}, env, src, dir)
}

// runLines feeds src to the command on stdin, in dir, and returns what
// it wrote to stdout and stderr, in order. An exit status is an answer
// (the statements may end with exit()); not starting, or a minute
// passing, fails the test.
func runLines(t *testing.T, argv, env []string, src, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdin = strings.NewReader(src)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		if _, exit := err.(*exec.ExitError); !exit || ctx.Err() != nil {
			t.Fatalf("%s: %v\n%s", filepath.Base(argv[0]), err, out.String())
		}
	}
	return out.String()
}

// lockedBuffer keeps stdout and stderr in one ordered stream.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// runSockreplLines feeds src to the built sockrepl, as runPythonLines
// feeds python3: its own process, in dir. In this test binary's process
// the interpreter would share the descriptor table with the python3
// children other subtests fork, and a child between fork and exec holds
// every descriptor: a socket closed then is still seen by epoll.
func runSockreplLines(t *testing.T, src, dir string) string {
	t.Helper()
	return runLines(t, []string{sockreplBinary(t)}, nil, src, dir)
}

var (
	rePrompt    = regexp.MustCompile(`(?:>>> |\.\.\. )+`)
	reTraceback = regexp.MustCompile(`^(?:Traceback \(most recent call last\):|  |<stdin>:\d+: \w*Warning)`)
	reFDNum     = regexp.MustCompile(`fd=\d+`)
	rePortNum   = regexp.MustCompile(`('[0-9a-fA-F.:%]*', )\d+`)
	reObjAddr   = regexp.MustCompile(` at 0x[0-9a-f]+`)
	reEnumNum   = regexp.MustCompile(`(family|type)=(\d+)`)
)

// normalizeTranscript drops python's prompts and traceback lines, blank
// lines, and masks what the OS chooses.
func normalizeTranscript(s, tmp string) string {
	s = strings.ReplaceAll(s, tmp, "{tmp}")
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		// Python writes its prompts to stderr, so one can land after
		// output printed with end=''; sockrepl prints none in line mode.
		line = rePrompt.ReplaceAllString(line, "")
		if reTraceback.MatchString(line) || strings.TrimSpace(line) == "" {
			continue
		}
		lines = append(lines, maskOSChoices(line))
	}
	return strings.Join(lines, "\n")
}

// maskOSChoices masks in one line what the OS picks and python3 and
// sockrepl therefore print differently: fds, ports next to an address,
// object addresses; and it spells a socket repr's family and type as names.
func maskOSChoices(line string) string {
	line = reFDNum.ReplaceAllString(line, "fd={n}")
	line = rePortNum.ReplaceAllString(line, "${1}{n}")
	line = reObjAddr.ReplaceAllString(line, " at 0x{n}")
	return reEnumNum.ReplaceAllStringFunc(line, enumInRepr)
}

// enumInRepr spells family=2 as family=AddressFamily.AF_INET. CPython 3.11
// prints the bare number in a socket's repr; sockrepl deliberately keeps
// the enum name there, as the source material and earlier Pythons show it.
func enumInRepr(m string) string {
	key, num, _ := strings.Cut(m, "=")
	n, _ := strconv.Atoi(num)
	enum := "AddressFamily"
	if key == "type" {
		enum = "SocketKind"
	}
	for _, c := range sockets.Constants() {
		if c.Enum == enum && c.Value == n && python.EnumName(enum, n) == c.Name {
			return key + "=" + enum + "." + c.Name
		}
	}
	return m
}

// lineDiff shows the first lines where two transcripts part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		mark := "  "
		if wl != gl {
			mark = "!!"
		}
		b.WriteString(mark + " python3: " + wl + "\n")
		if wl != gl {
			b.WriteString(mark + " sockrepl: " + gl + "\n")
		}
	}
	return b.String()
}
