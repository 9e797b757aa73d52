package repl

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// programSpec is what a corpus program's header comment asks of the
// harness (see testdata/programs/README.md for the format).
type programSpec struct {
	name    string   // file name without .py
	file    string   // base name, run from the corpus directory
	desc    string   // the "# program:" line
	args    []string // "# args:"
	stdin   string   // "# stdin:" lines, each ending in a newline
	exit    int      // the status python3 must exit with
	files   []string // paths removed before and after every run
	timeout time.Duration

	peer      []string // peer file (relative to the corpus) and its arguments
	peerAfter bool     // the peer starts once the program is ready, not before it
	ready     readyCond
}

// readyCond is what the harness waits for before starting the second
// process: a TCP listener, a bound UDP port or a listening Unix socket.
type readyCond struct {
	kind string // tcp, udp or unix
	port int
	path string
}

func (r readyCond) String() string {
	if r.kind == "unix" {
		return "unix:" + r.path
	}
	return r.kind + ":" + strconv.Itoa(r.port)
}

var rePeerLine = regexp.MustCompile(`^(\S+\.py)((?: \S+)*) \((after|before),? (tcp|udp|unix):(\S+)\)$`)

// parseProgram reads a program's header: the comment lines before its
// first line of code.
func parseProgram(path string) (*programSpec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	base := filepath.Base(path)
	spec := &programSpec{name: strings.TrimSuffix(base, ".py"), file: base, timeout: 30 * time.Second}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			break
		}
		key, value, ok := strings.Cut(strings.TrimPrefix(line, "#"), ":")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if seen[key] && key != "stdin" {
			return nil, fmt.Errorf("%s: %q given twice", base, key)
		}
		seen[key] = true
		switch key {
		case "program":
			spec.desc = value
		case "args":
			spec.args = strings.Fields(value)
		case "stdin":
			spec.stdin += value + "\n"
		case "exit":
			if spec.exit, err = strconv.Atoi(value); err != nil {
				return nil, fmt.Errorf("%s: exit: %v", base, err)
			}
		case "files":
			spec.files = strings.Fields(value)
		case "timeout":
			if spec.timeout, err = time.ParseDuration(value); err != nil {
				return nil, fmt.Errorf("%s: timeout: %v", base, err)
			}
		case "peer":
			if value == "none" {
				continue
			}
			m := rePeerLine.FindStringSubmatch(value)
			if m == nil {
				return nil, fmt.Errorf("%s: peer line %q is not `FILE.py ARGS (after|before[,] tcp|udp|unix:WHERE)`", base, value)
			}
			spec.peer = append([]string{m[1]}, strings.Fields(m[2])...)
			spec.peerAfter = m[3] == "after"
			spec.ready.kind = m[4]
			if m[4] == "unix" {
				spec.ready.path = m[5]
			} else if spec.ready.port, err = strconv.Atoi(m[5]); err != nil {
				return nil, fmt.Errorf("%s: port %q: %v", base, m[5], err)
			}
		default:
			return nil, fmt.Errorf("%s: unknown header key %q", base, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if spec.desc == "" || !seen["peer"] {
		return nil, fmt.Errorf("%s: the header needs `# program:` and `# peer:` lines", base)
	}
	return spec, nil
}

// readPending reads the PENDING list: `name: reason` lines, # comments.
func readPending(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pending := map[string]string{}
	for i, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, ok := strings.Cut(line, ":")
		name, reason = strings.TrimSpace(name), strings.TrimSpace(reason)
		if !ok || reason == "" {
			return nil, fmt.Errorf("PENDING line %d: want `program: reason`, got %q", i+1, line)
		}
		if _, dup := pending[name]; dup {
			return nil, fmt.Errorf("PENDING line %d: %s listed twice", i+1, name)
		}
		pending[name] = reason
	}
	return pending, nil
}

var reCorpusPort = regexp.MustCompile(`\b62\d\d\d\b`)

// portOwners maps each fixed port named in a program (header or code) to
// the programs naming it, so two programs never share one.
func portOwners(files []string) (map[string][]string, error) {
	owners := map[string][]string{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		ports := map[string]bool{}
		for _, p := range reCorpusPort.FindAllString(string(raw), -1) {
			ports[p] = true
		}
		for p := range ports {
			owners[p] = append(owners[p], filepath.Base(file))
		}
	}
	for _, o := range owners {
		sort.Strings(o)
	}
	return owners, nil
}
