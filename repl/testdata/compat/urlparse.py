# urllib.parse: urlparse/urlsplit, quoting, query strings.
import urllib.parse
from urllib.parse import urlparse, urlsplit, quote, unquote, urlencode, parse_qs
u = urlparse('http://user:pw@Example.COM:8080/a/b;p=1?q=1&r=2#frag')
u
u.scheme, u.netloc, u.path, u.params, u.query, u.fragment, u.hostname, u.port, u.username, u.password
u.geturl(), u[0], u[-1], len(u), tuple(u)
scheme, netloc, path, params, query, fragment = u
scheme, netloc
urlsplit('http://example.com/path;x?q#f'), urlsplit('http://example.com/path;x?q#f').geturl()
urlparse('example.com/x'), urlparse('//example.com/x'), urlparse('/just/a/path?x=1')
urlparse('https://[::1]:8443/x').hostname, urlparse('https://[::1]:8443/x').port, urlparse('http://h:/p').port
urlparse('http://[::1/x')
urlparse('http://h:99999/').port
urlparse('http://h:abc/').port
urlparse('mailto:someone@example.com'), urlparse('HTTP://EX.com/Path'), urlparse('  http://x/\t a\n')
urlparse('http://x/a#b', allow_fragments=False), urlparse('x/y', scheme='ftp'), urlparse('http://x/p;a/b;c')
urlparse(b'http://example.com/x?y'), urlparse(b'http://example.com/x?y').hostname
urlparse(5)
u._replace(path='/new'), u._replace(path='/new').geturl()
urllib.parse.urlunparse(('http', 'h', '/p', 'a', 'q', 'f')), urllib.parse.urlunsplit(('https', 'h:1', 'p', '', '')), urllib.parse.urlunsplit(('', '', 'x', 'q', ''))
urllib.parse.urlunparse(('http', 'h'))
quote('a b/c?d=é&'), quote('a b/c', safe=''), quote(b'\x00\xff'), quote(''), quote('~_.-'), quote('/', safe='/')
urllib.parse.quote_plus('a b/c+d'), urllib.parse.quote_plus('x y', safe='/'), urllib.parse.quote_plus(b'a b')
quote(5)
unquote('a%20b%2Fc%zz%4'), unquote('%C3%A9%E2%82%AC'), unquote('%ff%fe'), unquote(b'a%20b'), unquote('no-escapes')
urllib.parse.unquote_plus('a+b%2Bc')
unquote(5)
urlencode({'q': 'a b', 'n': 1, 'e': 'é&='}), urlencode([('a', 1), ('a', 2)]), urlencode({'k': [1, 2]}), urlencode({'k': [1, 2]}, doseq=True)
urlencode({'k': (b'x y', 'z')}, doseq=True), urlencode({b'k': b'v v'}), urlencode({}), urlencode([])
urlencode([('a',)])
parse_qs('a=1&a=2&b=x+y&c=%20z&d='), parse_qs('a=1&b', keep_blank_values=True), parse_qs(''), parse_qs('a=1;b=2')
urllib.parse.parse_qsl('a=1&b=2&a=3'), urllib.parse.parse_qsl('x=&y', keep_blank_values=True), parse_qs('a=1;b=2', separator=';')
parse_qs('a=1&&b', strict_parsing=True)
parse_qs('b', strict_parsing=True)
parse_qs(5)
request = 'GET /search?q=socket+programming&page=2 HTTP/1.1'
method, target, version = request.split()
parts = urlsplit(target)
parts.path, parse_qs(parts.query)['q'][0], int(parse_qs(parts.query)['page'][0])
