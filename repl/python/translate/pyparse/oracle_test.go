package pyparse

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"
)

// oracleReq and oracleResp are the messages exchanged with
// testdata/oracle.py, which asks CPython itself.
type oracleReq struct {
	Mode string `json:"mode"`
	Src  string `json:"src"`
}

type oracleErr struct {
	Kind      string `json:"kind"`
	Msg       string `json:"msg"`
	Lineno    int    `json:"lineno"`
	Offset    int    `json:"offset"`
	EndLineno int    `json:"end_lineno"`
	EndOffset int    `json:"end_offset"`
}

type oracleResp struct {
	Dump       string     `json:"dump"`
	OK         bool       `json:"ok"`
	Error      *oracleErr `json:"error"`
	Incomplete bool       `json:"incomplete"`
}

// askPython runs one python3 process for all requests; it skips the test
// when python3 is missing.
func askPython(t testing.TB, reqs []oracleReq) []oracleResp {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	in, err := json.Marshal(reqs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "testdata/oracle.py")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle.py: %v\n%s", err, stderr.String())
	}
	var resps []oracleResp
	if err := json.Unmarshal(out, &resps); err != nil {
		t.Fatalf("oracle.py output: %v", err)
	}
	if len(resps) != len(reqs) {
		t.Fatalf("oracle.py answered %d of %d requests", len(resps), len(reqs))
	}
	return resps
}
