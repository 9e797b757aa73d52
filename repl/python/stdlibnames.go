package python

import "strings"

// cpythonStdlib holds the public names of CPython 3.11's standard library
// modules (sys.stdlib_module_names), and cpythonSubmodules the modules
// directly inside its packages (cpythonPackages). An import of one of them that this shell
// lacks says so, and where to find what it has, rather than claiming that
// Python has no such module.
var (
	cpythonStdlib = wordSet(`
abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64
bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs
codeop collections colorsys compileall concurrent configparser contextlib contextvars copy
copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils
doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch
fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip
hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress
itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math
mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath
nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools
pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd
py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib
resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site
smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse
ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig
syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit
tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types
typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg
winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo`)
	// cpythonPackages are the names in cpythonStdlib that are packages.
	cpythonPackages = wordSet(`asyncio collections concurrent ctypes curses dbm distutils email
encodings ensurepip html http idlelib importlib json lib2to3 logging multiprocessing
pydoc_data re sqlite3 tkinter tomllib turtledemo unittest urllib venv wsgiref xml xmlrpc
zoneinfo`)
	cpythonSubmodules = wordSet(`
asyncio.base_events asyncio.base_futures asyncio.base_subprocess asyncio.base_tasks
asyncio.constants asyncio.coroutines asyncio.events asyncio.exceptions
asyncio.format_helpers asyncio.futures asyncio.locks asyncio.log asyncio.mixins
asyncio.proactor_events asyncio.protocols asyncio.queues asyncio.runners
asyncio.selector_events asyncio.sslproto asyncio.staggered asyncio.streams
asyncio.subprocess asyncio.taskgroups asyncio.tasks asyncio.threads asyncio.timeouts
asyncio.transports asyncio.trsock asyncio.unix_events asyncio.windows_events
asyncio.windows_utils collections.abc concurrent.futures ctypes.macholib ctypes.util
ctypes.wintypes curses.ascii curses.has_key curses.panel curses.textpad dbm.dumb dbm.gnu
dbm.ndbm email.base64mime email.charset email.contentmanager email.encoders email.errors
email.feedparser email.generator email.header email.headerregistry email.iterators
email.message email.mime email.parser email.policy email.quoprimime email.utils
html.entities html.parser http.client http.cookiejar http.cookies http.server
importlib.abc importlib.machinery importlib.metadata importlib.readers importlib.resources
importlib.simple importlib.util json.decoder json.encoder json.scanner json.tool
logging.config logging.handlers multiprocessing.connection multiprocessing.context
multiprocessing.dummy multiprocessing.forkserver multiprocessing.heap
multiprocessing.managers multiprocessing.pool multiprocessing.popen_fork
multiprocessing.popen_forkserver multiprocessing.popen_spawn_posix
multiprocessing.popen_spawn_win32 multiprocessing.process multiprocessing.queues
multiprocessing.reduction multiprocessing.resource_sharer multiprocessing.resource_tracker
multiprocessing.shared_memory multiprocessing.sharedctypes multiprocessing.spawn
multiprocessing.synchronize multiprocessing.util sqlite3.dbapi2 sqlite3.dump
unittest.async_case unittest.case unittest.loader unittest.main unittest.mock
unittest.result unittest.runner unittest.signals unittest.suite unittest.util urllib.error
urllib.parse urllib.request urllib.response urllib.robotparser wsgiref.handlers
wsgiref.headers wsgiref.simple_server wsgiref.types wsgiref.util wsgiref.validate xml.dom
xml.etree xml.parsers xml.sax xmlrpc.client xmlrpc.server`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
