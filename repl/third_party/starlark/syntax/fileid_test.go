package syntax

import "testing"

func TestFileID(t *testing.T) {
	a, b := "<stdin>", "<stdin>"
	pa, pb := MakePosition(&a, 1, 1), MakePosition(&b, 1, 1)
	if pa.FileID() != &a || pb.FileID() != &b || pa.FileID() == pb.FileID() {
		t.Errorf("FileID: %p %p, made with %p %p", pa.FileID(), pb.FileID(), &a, &b)
	}
	if pa.Filename() != pb.Filename() {
		t.Errorf("names differ: %q %q", pa.Filename(), pb.Filename())
	}
}
