package python

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"

	"go.starlark.net/starlark"
)

// The hashlib module: the digests file-transfer programs check what
// arrived with (md5, sha1, the sha2 and sha3 families), from Go's crypto
// packages. Lacks blake2, shake and the key-derivation functions.

// hashAlgorithms are the names new() accepts, each with its constructor.
var hashAlgorithms = map[string]func() hash.Hash{
	"md5":      md5.New,
	"sha1":     sha1.New,
	"sha224":   sha256.New224,
	"sha256":   sha256.New,
	"sha384":   sha512.New384,
	"sha512":   sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() },
	"sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() },
	"sha3_512": func() hash.Hash { return sha3.New512() },
}

func newHashlibModule(*Interp) starlark.Value {
	rows := []row{
		{name: "new", fn: hashlibNew, sig: "hashlib.new(name, data=b'') -> hash", doc: "A hash object of the algorithm called name ('sha256', 'md5'...), fed data."},
	}
	names := make([]string, 0, len(hashAlgorithms))
	for name := range hashAlgorithms {
		names = append(names, name)
	}
	sort.Strings(names)
	set := starlark.NewSet(len(names))
	for _, name := range names {
		set.Insert(starlark.String(name))
		rows = append(rows, row{name: name, fn: hashConstructor(name), sig: "hashlib." + name + "(data=b'') -> hash",
			doc: "A " + name + " hash object, fed data; update() adds more, hexdigest() gives the digest as hex."})
	}
	rows = append(rows,
		row{name: "algorithms_guaranteed", value: set, sig: "hashlib.algorithms_guaranteed", doc: "The names new() accepts in this shell."},
		row{name: "algorithms_available", value: set, sig: "hashlib.algorithms_available", doc: "The names new() accepts in this shell."})
	return table{name: "hashlib", doc: "Message digests: md5, sha1, sha224, sha256, sha384, sha512 and sha3_*; h.update(data), h.hexdigest().", rows: rows}.module()
}

func hashConstructor(name string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data starlark.Value
		if err := unpackHashData("openssl_"+name, args, kwargs, &data); err != nil {
			return nil, err
		}
		return newHashObject(name, data)
	}
}

func hashlibNew(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "new() missing required argument 'name' (pos 1)")
	}
	name, ok := args[0].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "new() argument 'name' must be str, not %s", pyTypeName(args[0]))
	}
	var data starlark.Value
	if err := unpackHashData("new", args[1:], kwargs, &data); err != nil {
		return nil, err
	}
	if _, ok := hashAlgorithms[string(name)]; !ok {
		return nil, pyErrorf("ValueError", "unsupported hash type %s", string(name))
	}
	return newHashObject(string(name), data)
}

// unpackHashData reads the optional data argument (also spelled string=).
func unpackHashData(fn string, args starlark.Tuple, kwargs []starlark.Tuple, data *starlark.Value) error {
	if len(args) > 1 {
		return pyErrorf("TypeError", "%s() takes at most 1 positional argument (%d given)", fn, len(args))
	}
	if len(args) == 1 {
		*data = args[0]
	}
	for _, kv := range kwargs {
		key := string(kv[0].(starlark.String))
		if key != "string" && key != "usedforsecurity" {
			return pyErrorf("TypeError", "'%s' is an invalid keyword argument for %s()", key, fn)
		}
		if key == "string" {
			*data = kv[1]
		}
	}
	return nil
}

// hashData is the bytes a hash is fed, with CPython's errors.
func hashData(v starlark.Value) ([]byte, error) {
	if _, ok := v.(starlark.String); ok {
		return nil, pyErrorf("TypeError", "Strings must be encoded before hashing")
	}
	if b, ok := asBytes(v); ok {
		return []byte(b), nil
	}
	return nil, pyErrorf("TypeError", "object supporting the buffer API required")
}

func newHashObject(name string, data starlark.Value) (starlark.Value, error) {
	h := &hashObject{name: name, h: hashAlgorithms[name]()}
	if data != nil {
		b, err := hashData(data)
		if err != nil {
			return nil, err
		}
		h.h.Write(b)
	}
	return h, nil
}

// hashObject is a running digest.
type hashObject struct {
	name string
	h    hash.Hash
}

var (
	_ goValue           = (*hashObject)(nil)
	_ starlark.HasAttrs = (*hashObject)(nil)
)

var hashType = newGoType("_hashlib.HASH", "HASH",
	"A running message digest: update(data) adds bytes, digest() and hexdigest() give the digest of all so far.",
	goMethod{"update", hashUpdate, "update(data)", "Add the bytes of data to what is hashed."},
	goMethod{"digest", hashDigest, "digest() -> bytes", "The digest of everything fed so far, as bytes."},
	goMethod{"hexdigest", hashHexdigest, "hexdigest() -> str", "The digest of everything fed so far, as hex digits."},
	goMethod{"copy", hashCopy, "copy() -> hash", "An independent copy of the hash as it is now."},
)

func (h *hashObject) goType() *goType { return hashType }
func (h *hashObject) String() string {
	return fmt.Sprintf("<%s _hashlib.HASH object @ %#x>", h.name, addressOf(h))
}
func (h *hashObject) Repr() string          { return h.String() }
func (h *hashObject) Type() string          { return "_hashlib.HASH" }
func (h *hashObject) Freeze()               {}
func (h *hashObject) Truth() starlark.Bool  { return true }
func (h *hashObject) Hash() (uint32, error) { return uint32(addressOf(h)), nil }
func (h *hashObject) AttrNames() []string {
	return hashType.names("block_size", "digest_size", "name")
}
func (h *hashObject) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(h.name), nil
	case "digest_size":
		return starlark.MakeInt(h.h.Size()), nil
	case "block_size":
		return starlark.MakeInt(h.h.BlockSize()), nil
	}
	if m := hashType.method(h, name); m != nil {
		return m, nil
	}
	return nil, hashType.noAttr(name)
}

func hashUpdate(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "HASH.update() takes exactly one argument (%d given)", len(args)+len(kwargs))
	}
	b, err := hashData(args[0])
	if err != nil {
		return nil, err
	}
	recv.(*hashObject).h.Write(b)
	return starlark.None, nil
}

func hashDigest(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := hashNoArgs("digest", args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bytes(recv.(*hashObject).h.Sum(nil)), nil
}

func hashHexdigest(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := hashNoArgs("hexdigest", args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(hex.EncodeToString(recv.(*hashObject).h.Sum(nil))), nil
}

func hashCopy(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := hashNoArgs("copy", args, kwargs); err != nil {
		return nil, err
	}
	h := recv.(*hashObject)
	c := &hashObject{name: h.name, h: hashAlgorithms[h.name]()}
	state, err := h.h.(encoding.BinaryMarshaler).MarshalBinary()
	if err == nil {
		err = c.h.(encoding.BinaryUnmarshaler).UnmarshalBinary(state)
	}
	if err != nil {
		return nil, pyErrorf("ValueError", "cannot copy this hash: %v", err)
	}
	return c, nil
}

// hashNoArgs is the complaint of a C method that takes no arguments.
func hashNoArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(kwargs) > 0 {
		return pyErrorf("TypeError", "HASH.%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return pyErrorf("TypeError", "HASH.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}
