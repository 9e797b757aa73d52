package pyparse

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdlibMatchesPython parses every module at the top of python3's own
// standard library and compares the dumps' hashes with ast.dump's; every
// module must also pass Parse's compile checks. It reads about 5 MB of
// Python, so it runs only when PYPARSE_STDLIB is set.
func TestStdlibMatchesPython(t *testing.T) {
	if os.Getenv("PYPARSE_STDLIB") == "" {
		t.Skip("set PYPARSE_STDLIB=1 to parse python3's standard library")
	}
	dir := askPython(t, []oracleReq{{Mode: "stdlib"}})[0].Dump
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no standard library in %q: %v", dir, err)
	}
	reqs := make([]oracleReq, len(files))
	for i, f := range files {
		reqs[i] = oracleReq{Mode: "dumpfile", Src: f}
	}
	resps := askPython(t, reqs)
	for i, f := range files {
		if resps[i].Error != nil {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(f, string(b))
		if err != nil {
			// Deliberate refusals: match statements, unknown \N{} names.
			if msg := err.Error(); !strings.Contains(msg, "match statement") && !strings.Contains(msg, "Unicode character name") {
				t.Errorf("%s: %v", f, err)
			}
			continue
		}
		sum := sha256.Sum256([]byte(Dump(m)))
		if got := hex.EncodeToString(sum[:]); got != resps[i].Dump {
			t.Errorf("%s: dump differs from python3's", f)
		}
	}
}
