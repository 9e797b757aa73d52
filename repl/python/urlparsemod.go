package python

import (
	"fmt"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// urllib.parse: URLs taken apart and put back together, and the
// percent-encoding of query strings, following CPython 3.11's algorithms
// (which are not RFC 3986's in every corner: urlsplit does no validation
// beyond IPv6 brackets and ports).

func newURLLibModule(*Interp) starlark.Value {
	parse := table{name: "urllib.parse", doc: "URLs: urlparse/urlsplit take one apart (scheme, netloc, path, query...), quote/unquote percent-encode text, urlencode and parse_qs build and read query strings, as HTTP clients written on sockets need.", rows: []row{
		{name: "urlparse", fn: urlParseFn(true), sig: "urllib.parse.urlparse(url, scheme='', allow_fragments=True) -> ParseResult", doc: "Split a URL into (scheme, netloc, path, params, query, fragment); .hostname and .port read the netloc."},
		{name: "urlsplit", fn: urlParseFn(false), sig: "urllib.parse.urlsplit(url, scheme='', allow_fragments=True) -> SplitResult", doc: "Like urlparse, without the ;params part: (scheme, netloc, path, query, fragment)."},
		{name: "urlunparse", fn: urlUnFn(true), sig: "urllib.parse.urlunparse(parts) -> str", doc: "Put the six parts of urlparse back together."},
		{name: "urlunsplit", fn: urlUnFn(false), sig: "urllib.parse.urlunsplit(parts) -> str", doc: "Put the five parts of urlsplit back together."},
		{name: "quote", fn: quoteFn("quote", false), sig: "urllib.parse.quote(string, safe='/') -> str", doc: "Percent-encode every character but letters, digits, _.-~ and those in safe: quote('a b/c') is 'a%20b/c'."},
		{name: "quote_plus", fn: quoteFn("quote_plus", true), sig: "urllib.parse.quote_plus(string, safe='') -> str", doc: "quote() for a query string: spaces become '+' and '/' is encoded too."},
		{name: "unquote", fn: unquoteFn(false), sig: "urllib.parse.unquote(string) -> str", doc: "Decode %XX escapes (as UTF-8): unquote('a%20b') is 'a b'."},
		{name: "unquote_plus", fn: unquoteFn(true), sig: "urllib.parse.unquote_plus(string) -> str", doc: "unquote() that also turns '+' into a space."},
		{name: "urlencode", fn: urlencodeFn, sig: "urllib.parse.urlencode(query, doseq=False) -> str", doc: "A dict or list of pairs as a query string: urlencode({'q': 'a b', 'n': 1}) is 'q=a+b&n=1'."},
		{name: "parse_qs", fn: parseQSFn(true), sig: "urllib.parse.parse_qs(qs, keep_blank_values=False) -> dict", doc: "A query string as a dict of lists: parse_qs('a=1&a=2&b=x') is {'a': ['1', '2'], 'b': ['x']}."},
		{name: "parse_qsl", fn: parseQSFn(false), sig: "urllib.parse.parse_qsl(qs, keep_blank_values=False) -> list", doc: "A query string as a list of (name, value) pairs."},
	}}.module()
	return newModule("urllib", starlark.StringDict{"parse": parse})
}

// ---- splitting ----

var usesParams = map[string]bool{"": true, "ftp": true, "hdl": true, "prospero": true, "http": true, "imap": true, "https": true,
	"shttp": true, "rtsp": true, "rtspu": true, "sip": true, "sips": true, "mms": true, "sftp": true, "tel": true}

var usesNetloc = map[string]bool{"": true, "ftp": true, "http": true, "gopher": true, "nntp": true, "telnet": true, "imap": true,
	"wais": true, "file": true, "mms": true, "https": true, "shttp": true, "snews": true, "prospero": true, "rtsp": true,
	"rtspu": true, "rsync": true, "svn": true, "svn+ssh": true, "sftp": true, "nfs": true, "git": true, "git+ssh": true, "ws": true, "wss": true}

func isSchemeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

// urlResult is a ParseResult or SplitResult (or their Bytes forms): a
// named tuple of str (or bytes) with properties read from the netloc.
type urlResult struct {
	kind   string   // "ParseResult" or "SplitResult"
	fields []string // scheme, netloc, path, [params,] query, fragment
	bytes  bool
}

var (
	_ starlark.Indexable = (*urlResult)(nil)
	_ starlark.HasAttrs  = (*urlResult)(nil)
)

func (u *urlResult) names() []string {
	if u.kind == "ParseResult" {
		return []string{"scheme", "netloc", "path", "params", "query", "fragment"}
	}
	return []string{"scheme", "netloc", "path", "query", "fragment"}
}

func (u *urlResult) typeName() string {
	if u.bytes {
		return u.kind + "Bytes"
	}
	return u.kind
}

func (u *urlResult) text(s string) starlark.Value {
	if u.bytes {
		return starlark.Bytes(s)
	}
	return starlark.String(s)
}

func (u *urlResult) Type() string          { return "urllib.parse." + u.typeName() }
func (u *urlResult) Freeze()               {}
func (u *urlResult) Truth() starlark.Bool  { return true }
func (u *urlResult) String() string        { return u.Repr() }
func (u *urlResult) Hash() (uint32, error) { return u.tuple().Hash() }
func (u *urlResult) Len() int              { return len(u.fields) }
func (u *urlResult) Index(i int) starlark.Value {
	return u.text(u.fields[i])
}
func (u *urlResult) Iterate() starlark.Iterator { return u.tuple().Iterate() }

func (u *urlResult) tuple() starlark.Tuple {
	t := make(starlark.Tuple, len(u.fields))
	for i, f := range u.fields {
		t[i] = u.text(f)
	}
	return t
}

func (u *urlResult) Repr() string {
	parts := make([]string, len(u.fields))
	for i, n := range u.names() {
		parts[i] = n + "=" + Repr(u.text(u.fields[i]))
	}
	return u.typeName() + "(" + strings.Join(parts, ", ") + ")"
}

func (u *urlResult) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, u.tuple(), y.(*urlResult).tuple(), depth)
}

// hostinfo is the host and port text of the netloc (port nil when none).
func (u *urlResult) hostinfo() (string, *string) {
	_, _, hostinfo := rpartition(u.fields[1], "@")
	var host, port string
	if _, bracketed, found := strings.Cut(hostinfo, "["); found {
		host, port, _ = strings.Cut(bracketed, "]")
		_, port, _ = strings.Cut(port, ":")
	} else {
		host, port, _ = strings.Cut(hostinfo, ":")
	}
	if port == "" {
		return host, nil
	}
	return host, &port
}

func rpartition(s, sep string) (string, bool, string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", false, s
	}
	return s[:i], true, s[i+len(sep):]
}

func (u *urlResult) Attr(name string) (starlark.Value, error) {
	for i, n := range u.names() {
		if n == name {
			return u.text(u.fields[i]), nil
		}
	}
	userinfo, hasInfo, _ := rpartition(u.fields[1], "@")
	switch name {
	case "username":
		if !hasInfo {
			return starlark.None, nil
		}
		user, _, _ := strings.Cut(userinfo, ":")
		return u.text(user), nil
	case "password":
		_, pw, hasPW := strings.Cut(userinfo, ":")
		if !hasInfo || !hasPW {
			return starlark.None, nil
		}
		return u.text(pw), nil
	case "hostname":
		host, _ := u.hostinfo()
		if host == "" {
			return starlark.None, nil
		}
		h, pct, zone := host, "", ""
		if i := strings.IndexByte(host, '%'); i >= 0 {
			h, pct, zone = host[:i], "%", host[i+1:]
		}
		return u.text(strings.ToLower(h) + pct + zone), nil
	case "port":
		_, port := u.hostinfo()
		if port == nil {
			return starlark.None, nil
		}
		digits := *port != ""
		for _, c := range *port {
			if c < '0' || c > '9' {
				digits = false
			}
		}
		if !digits {
			return nil, pyErrorf("ValueError", "Port could not be cast to integer value as %s", Repr(u.text(*port)))
		}
		n, err := strconv.Atoi(*port)
		if err != nil || n > 65535 {
			return nil, pyErrorf("ValueError", "Port out of range 0-65535")
		}
		return starlark.MakeInt(n), nil
	case "geturl":
		return starlark.NewBuiltin("geturl", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return u.text(u.unsplit()), nil
		}), nil
	case "_replace":
		return starlark.NewBuiltin("_replace", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, pyErrorf("TypeError", "%s._replace() takes 1 positional argument but %d were given", u.typeName(), len(args)+1)
			}
			c := &urlResult{kind: u.kind, fields: append([]string(nil), u.fields...), bytes: u.bytes}
			for _, kv := range kwargs {
				k := string(kv[0].(starlark.String))
				i := indexOf(u.names(), k)
				if i < 0 {
					return nil, pyErrorf("ValueError", "Got unexpected field names: ['%s']", k)
				}
				s, err := urlText(kv[1], u.bytes)
				if err != nil {
					return nil, err
				}
				c.fields[i] = s
			}
			return c, nil
		}), nil
	}
	return nil, noAttr(u.typeName(), name)
}

func (u *urlResult) AttrNames() []string {
	return append(u.names(), "geturl", "hostname", "password", "port", "username")
}

// unsplit is geturl(): urlunparse or urlunsplit of the fields.
func (u *urlResult) unsplit() string {
	f := u.fields
	if u.kind == "ParseResult" {
		path := f[2]
		if f[3] != "" {
			path += ";" + f[3]
		}
		return urlUnsplit(f[0], f[1], path, f[4], f[5])
	}
	return urlUnsplit(f[0], f[1], f[2], f[3], f[4])
}

func urlUnsplit(scheme, netloc, url, query, fragment string) string {
	if netloc != "" || scheme != "" && usesNetloc[scheme] && !strings.HasPrefix(url, "//") {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + netloc + url
	}
	if scheme != "" {
		url = scheme + ":" + url
	}
	if query != "" {
		url += "?" + query
	}
	if fragment != "" {
		url += "#" + fragment
	}
	return url
}

// urlText reads a str (or, for a bytes result, an ASCII bytes) part.
func urlText(v starlark.Value, wantBytes bool) (string, error) {
	switch x := v.(type) {
	case starlark.String:
		if wantBytes {
			return "", pyErrorf("TypeError", "Cannot mix str and non-str arguments")
		}
		return string(x), nil
	case starlark.Bytes, *byteArray:
		b, _ := dataArg(x)
		for i, c := range b {
			if c >= 0x80 {
				return "", pyErrorf("UnicodeDecodeError", "'ascii' codec can't decode byte %#02x in position %d: ordinal not in range(128)", c, i)
			}
		}
		if !wantBytes {
			return "", pyErrorf("TypeError", "Cannot mix str and non-str arguments")
		}
		return string(b), nil
	}
	return "", pyErrorf("AttributeError", "'%s' object has no attribute 'decode'", pyTypeName(v))
}

// urlsplit is CPython's: leading control characters and spaces dropped,
// tabs and newlines removed, then scheme, //netloc, #fragment, ?query.
func urlsplit(url, scheme string, fragments bool) ([]string, error) {
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	scheme = strings.Trim(scheme, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	for _, c := range "\t\r\n" {
		url = strings.ReplaceAll(url, string(c), "")
		scheme = strings.ReplaceAll(scheme, string(c), "")
	}
	var netloc, query, fragment string
	if i := strings.IndexByte(url, ':'); i > 0 && (url[0] >= 'a' && url[0] <= 'z' || url[0] >= 'A' && url[0] <= 'Z') {
		ok := true
		for j := 0; j < i; j++ {
			if !isSchemeChar(url[j]) {
				ok = false
				break
			}
		}
		if ok {
			scheme, url = strings.ToLower(url[:i]), url[i+1:]
		}
	}
	if strings.HasPrefix(url, "//") {
		end := len(url)
		for _, c := range "/?#" {
			if i := strings.IndexRune(url[2:], c); i >= 0 && i+2 < end {
				end = i + 2
			}
		}
		netloc, url = url[2:end], url[end:]
		open, closed := strings.Contains(netloc, "["), strings.Contains(netloc, "]")
		if open != closed {
			return nil, pyErrorf("ValueError", "Invalid IPv6 URL")
		}
	}
	if fragments {
		if i := strings.IndexByte(url, '#'); i >= 0 {
			url, fragment = url[:i], url[i+1:]
		}
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, query = url[:i], url[i+1:]
	}
	return []string{scheme, netloc, url, query, fragment}, nil
}

func urlParseFn(withParams bool) builtinFn {
	name := "urlsplit"
	if withParams {
		name = "urlparse"
	}
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var url, scheme starlark.Value
		var fragments starlark.Value = starlark.True
		if err := starlark.UnpackArgs(name, args, kwargs, "url", &url, "scheme?", &scheme, "allow_fragments?", &fragments); err != nil {
			return nil, err
		}
		_, isBytes := url.(starlark.Bytes)
		if _, isArray := url.(*byteArray); isArray {
			isBytes = true
		}
		text, err := urlText(url, isBytes)
		if err != nil {
			return nil, err
		}
		sch := ""
		if scheme != nil {
			if sch, err = urlText(scheme, isBytes); err != nil {
				if s, ok := scheme.(starlark.String); ok && s == "" {
					sch, err = "", nil
				} else {
					return nil, err
				}
			}
		}
		f, err := urlsplit(text, sch, bool(fragments.Truth()))
		if err != nil {
			return nil, err
		}
		if !withParams {
			return &urlResult{kind: "SplitResult", fields: f, bytes: isBytes}, nil
		}
		path, params := f[2], ""
		if usesParams[f[0]] && strings.Contains(path, ";") {
			i := strings.IndexByte(path, ';')
			if j := strings.LastIndexByte(path, '/'); j >= 0 {
				i = strings.IndexByte(path[j:], ';')
				if i >= 0 {
					i += j
				}
			}
			if i >= 0 {
				path, params = path[:i], path[i+1:]
			}
		}
		return &urlResult{kind: "ParseResult", fields: []string{f[0], f[1], path, params, f[3], f[4]}, bytes: isBytes}, nil
	}
}

func urlUnFn(withParams bool) builtinFn {
	name, want := "urlunsplit", 5
	if withParams {
		name, want = "urlunparse", 6
	}
	return func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var parts starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &parts); err != nil {
			return nil, err
		}
		items, err := collect(thread, parts)
		if err != nil {
			return nil, err
		}
		if len(items) != want {
			// CPython unpacks the parts with one more value of its own.
			if len(items) < want {
				return nil, pyErrorf("ValueError", "not enough values to unpack (expected %d, got %d)", want+1, len(items)+1)
			}
			return nil, pyErrorf("ValueError", "too many values to unpack (expected %d)", want+1)
		}
		_, isBytes := items[0].(starlark.Bytes)
		f := make([]string, want)
		for i, it := range items {
			if it == starlark.None {
				continue
			}
			if f[i], err = urlText(it, isBytes); err != nil {
				return nil, err
			}
		}
		r := &urlResult{kind: "SplitResult", fields: f, bytes: isBytes}
		if withParams {
			r.kind = "ParseResult"
		}
		return r.text(r.unsplit()), nil
	}
}

// ---- quoting ----

const alwaysSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"

// quoteBytes percent-encodes b, keeping the always-safe bytes and safe.
func quoteBytes(b []byte, safe string) string {
	var out strings.Builder
	for _, c := range b {
		if c < 0x80 && (strings.IndexByte(alwaysSafe, c) >= 0 || strings.IndexByte(safe, c) >= 0) {
			out.WriteByte(c)
		} else {
			fmt.Fprintf(&out, "%%%02X", c)
		}
	}
	return out.String()
}

// safeArg reads quote()'s safe characters: a str (its ASCII ones) or bytes.
func safeArg(v starlark.Value) (string, error) {
	switch s := v.(type) {
	case starlark.String:
		var b strings.Builder
		for _, r := range string(s) {
			if r < 0x80 {
				b.WriteRune(r)
			}
		}
		return b.String(), nil
	case starlark.Bytes:
		return string(s), nil
	}
	return "", pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
}

func quoteFn(name string, plus bool) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s, enc, errs starlark.Value
		var safe starlark.Value = starlark.String("/")
		if plus {
			safe = starlark.String("")
		}
		if err := starlark.UnpackArgs(name, args, kwargs, "string", &s, "safe?", &safe, "encoding?", &enc, "errors?", &errs); err != nil {
			return nil, err
		}
		out, err := quoteValue(s, safe, plus)
		if err != nil {
			return nil, err
		}
		return starlark.String(out), nil
	}
}

func quoteValue(s, safeV starlark.Value, plus bool) (string, error) {
	safe, err := safeArg(safeV)
	if err != nil {
		return "", err
	}
	var b []byte
	switch x := s.(type) {
	case starlark.String:
		b = []byte(x)
	case starlark.Bytes, *byteArray:
		b, _ = dataArg(x)
	default:
		if plus {
			return "", pyErrorf("TypeError", "argument of type '%s' is not iterable", pyTypeName(s))
		}
		return "", pyErrorf("TypeError", "quote_from_bytes() expected bytes")
	}
	if plus && strings.Contains(string(b), " ") {
		return strings.ReplaceAll(quoteBytes(b, safe+" "), " ", "+"), nil
	}
	return quoteBytes(b, safe), nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unquoteText decodes %XX escapes; the bytes they make are read as UTF-8
// with invalid sequences replaced.
func unquoteText(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			out = append(out, byte(n))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	text, _ := decodeBytes(out, "utf-8", "replace")
	return text
}

func unquoteFn(plus bool) builtinFn {
	name := "unquote"
	if plus {
		name = "unquote_plus"
	}
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s, enc, errs starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "string", &s, "encoding?", &enc, "errors?", &errs); err != nil {
			return nil, err
		}
		switch x := s.(type) {
		case starlark.String:
			t := string(x)
			if plus {
				t = strings.ReplaceAll(t, "+", " ")
			}
			return starlark.String(unquoteText(t)), nil
		case starlark.Bytes:
			if plus {
				return nil, pyErrorf("TypeError", "a bytes-like object is required, not 'str'")
			}
			return starlark.String(unquoteText(string(x))), nil
		}
		if plus {
			return nil, pyErrorf("AttributeError", "'%s' object has no attribute 'replace'", pyTypeName(s))
		}
		return nil, pyErrorf("TypeError", "argument of type '%s' is not iterable", pyTypeName(s))
	}
}

func urlencodeFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var query, doseq, enc, errs, quoteVia starlark.Value
	var safe starlark.Value = starlark.String("")
	if err := starlark.UnpackArgs("urlencode", args, kwargs, "query", &query, "doseq?", &doseq, "safe?", &safe, "encoding?", &enc, "errors?", &errs, "quote_via?", &quoteVia); err != nil {
		return nil, err
	}
	quote := func(v starlark.Value) (string, error) {
		if quoteVia != nil {
			r, err := starlark.Call(thread, quoteVia, starlark.Tuple{v, safe}, nil)
			if err != nil {
				return "", err
			}
			return pyStr(r), nil
		}
		return quoteValue(v, safe, true)
	}
	text := func(v starlark.Value) (string, error) {
		if _, ok := v.(starlark.Bytes); !ok {
			v = starlark.String(pyStr(v))
		}
		return quote(v)
	}
	var pairs [][2]starlark.Value
	if d, ok := query.(*starlark.Dict); ok {
		for _, kv := range d.Items() {
			pairs = append(pairs, [2]starlark.Value{kv[0], kv[1]})
		}
	} else {
		seq, ok := query.(starlark.Indexable)
		if _, isStr := query.(starlark.String); isStr || !ok || seq.Len() > 0 && !isTuple(seq.Index(0)) {
			return nil, pyErrorf("TypeError", "not a valid non-string sequence or mapping object")
		}
		for i := 0; i < seq.Len(); i++ {
			items, err := collect(thread, seq.Index(i))
			if err != nil {
				return nil, err
			}
			if len(items) != 2 {
				if len(items) < 2 {
					return nil, pyErrorf("ValueError", "not enough values to unpack (expected 2, got %d)", len(items))
				}
				return nil, pyErrorf("ValueError", "too many values to unpack (expected 2)")
			}
			pairs = append(pairs, [2]starlark.Value{items[0], items[1]})
		}
	}
	var out []string
	for _, kv := range pairs {
		k, err := text(kv[0])
		if err != nil {
			return nil, err
		}
		v := kv[1]
		_, isStr := v.(starlark.String)
		_, isBytes := v.(starlark.Bytes)
		seq, isSeq := v.(starlark.Iterable)
		if doseq != nil && bool(doseq.Truth()) && !isStr && !isBytes && isSeq {
			if _, sized := v.(starlark.Sequence); sized {
				iter := seq.Iterate()
				var e starlark.Value
				for iter.Next(&e) {
					s, err := text(e)
					if err != nil {
						iter.Done()
						return nil, err
					}
					out = append(out, k+"="+s)
				}
				iter.Done()
				continue
			}
		}
		s, err := text(v)
		if err != nil {
			return nil, err
		}
		out = append(out, k+"="+s)
	}
	return starlark.String(strings.Join(out, "&")), nil
}

func isTuple(v starlark.Value) bool {
	_, ok := v.(starlark.Tuple)
	return ok
}

func parseQSFn(asDict bool) builtinFn {
	name := "parse_qsl"
	if asDict {
		name = "parse_qs"
	}
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var qs, keep, strict, enc, errs, maxFields starlark.Value
		var sep starlark.Value = starlark.String("&")
		if err := starlark.UnpackArgs(name, args, kwargs, "qs", &qs, "keep_blank_values?", &keep, "strict_parsing?", &strict,
			"encoding?", &enc, "errors?", &errs, "max_num_fields?", &maxFields, "separator?", &sep); err != nil {
			return nil, err
		}
		var text string
		switch x := qs.(type) {
		case starlark.String:
			text = string(x)
		case starlark.Bytes:
			text = string(x)
		case starlark.NoneType:
			text = ""
		default:
			return nil, pyErrorf("AttributeError", "'%s' object has no attribute 'decode'", pyTypeName(qs))
		}
		separator, ok := sep.(starlark.String)
		if !ok || separator == "" {
			return nil, pyErrorf("ValueError", "Separator must be of type string or bytes.")
		}
		keepBlank := keep != nil && bool(keep.Truth())
		strictParse := strict != nil && bool(strict.Truth())
		var pairs [][2]string
		for _, field := range strings.Split(text, string(separator)) {
			if field == "" && !strictParse {
				continue
			}
			k, v, found := strings.Cut(field, "=")
			if !found {
				if strictParse {
					return nil, pyErrorf("ValueError", "bad query field: %s", Repr(starlark.String(field)))
				}
				if !keepBlank {
					continue
				}
			}
			if v != "" || keepBlank {
				pairs = append(pairs, [2]string{unquoteText(strings.ReplaceAll(k, "+", " ")), unquoteText(strings.ReplaceAll(v, "+", " "))})
			}
		}
		if !asDict {
			list := make([]starlark.Value, len(pairs))
			for i, p := range pairs {
				list[i] = starlark.Tuple{starlark.String(p[0]), starlark.String(p[1])}
			}
			return starlark.NewList(list), nil
		}
		d := starlark.NewDict(len(pairs))
		for _, p := range pairs {
			k := starlark.String(p[0])
			old, found, _ := d.Get(k)
			if found {
				l := old.(*starlark.List)
				l.Append(starlark.String(p[1]))
				continue
			}
			d.SetKey(k, starlark.NewList([]starlark.Value{starlark.String(p[1])}))
		}
		return d, nil
	}
}
