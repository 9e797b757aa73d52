"""Logging in the shape of CPython's logging module: named loggers in a
dotted hierarchy under the root logger, levels, handlers that write
formatted records to a stream (sys.stderr by default), Formatter with the
%-style, {-style and $-style record fields, basicConfig, and the module
functions debug() ... critical() that configure the root logger on first
use. Written for sockrepl from the documented interface; files are not
available in this shell, so FileHandler and basicConfig(filename=) say so.
"""

import os
import sys
import threading
import time
import traceback

__all__ = [
    "CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET",
    "BASIC_FORMAT", "Logger", "RootLogger", "LogRecord", "Handler",
    "StreamHandler", "NullHandler", "FileHandler", "Formatter", "Filter",
    "basicConfig", "getLogger", "getLevelName", "disable", "shutdown",
    "debug", "info", "warning", "warn", "error", "exception", "critical",
    "fatal", "log", "root", "lastResort", "raiseExceptions",
]

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING",
                INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
_nameToLevel = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR,
                "WARN": WARNING, "WARNING": WARNING, "INFO": INFO,
                "DEBUG": DEBUG, "NOTSET": NOTSET}

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
raiseExceptions = True
_startTime = time.time()
_disable = 0

# This module's own file: the caller of a logging call is the first frame
# outside it.
_srcfile = traceback.extract_stack()[-1].filename


def getLevelName(level):
    """The name of a level number, or the number of a level name."""
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return "Level %s" % level


def addLevelName(level, levelName):
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, bool) or not isinstance(level, (int, str)):
        raise TypeError("Level not an integer or a valid string: %r" % (level,))
    if isinstance(level, int):
        return level
    if level not in _nameToLevel:
        raise ValueError("Unknown level: %r" % level)
    return _nameToLevel[level]


def _basename(path):
    return path.rsplit("/", 1)[-1]


class LogRecord:
    """One event being logged: the message and its arguments, the level,
    where it was logged from and when."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info,
                 func=None, sinfo=None, **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        if (args and len(args) == 1 and isinstance(args[0], dict)
                and args[0]):
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = _basename(pathname)
        self.module = self.filename.rsplit(".", 1)[0] if "." in self.filename else self.filename
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (ct - _startTime) * 1000
        current = threading.current_thread()
        self.thread = current.ident
        self.threadName = current.name
        self.processName = "MainProcess"
        self.process = os.getpid()

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    """Turns a record into text: fmt names record fields, in the style
    given ('%': %(name)s, '{': {name}, '$': ${name})."""

    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *,
                 defaults=None):
        if style not in ("%", "{", "$"):
            raise ValueError("Style must be one of: %s" % ",".join(["%", "{", "$"]))
        if fmt is None:
            fmt = {"%": "%(message)s", "{": "{message}", "$": "${message}"}[style]
        self._fmt = fmt
        self._style = style
        self._defaults = defaults
        self.datefmt = datefmt
        if validate:
            self._validate()

    def _validate(self):
        marks = {"%": "%(", "{": "{", "$": "$"}
        if marks[self._style] not in self._fmt:
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, self._style))

    def usesTime(self):
        key = {"%": "%(asctime)", "{": "{asctime", "$": "asctime"}[self._style]
        return key in self._fmt

    def formatTime(self, record, datefmt=None):
        ct = time.localtime(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        t = time.strftime(self.default_time_format, ct)
        if self.default_msec_format:
            return self.default_msec_format % (t, record.msecs)
        return t

    def formatException(self, ei):
        if ei is True or ei is None:
            text = traceback.format_exc()
        else:
            exc = ei[1] if isinstance(ei, tuple) else ei
            text = "".join(traceback.format_exception(exc))
        if text[-1:] == "\n":
            text = text[:-1]
        return text

    def formatStack(self, stack_info):
        return stack_info

    def formatMessage(self, record):
        values = dict(self._defaults) if self._defaults else {}
        values.update(record.__dict__)
        if self._style == "%":
            return self._fmt % values
        if self._style == "{":
            return self._fmt.format(**values)
        out = self._fmt
        for key in sorted(values, key=len, reverse=True):
            out = out.replace("${" + key + "}", str(values[key]))
            out = out.replace("$" + key, str(values[key]))
        return out.replace("$$", "$")

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()


class Filter:
    """Lets through the records of the logger called name and of the
    loggers below it (all records when name is empty)."""

    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0 or self.name == record.name:
            return True
        if not record.name.startswith(self.name):
            return False
        return record.name[self.nlen] == "."


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            if hasattr(f, "filter"):
                ok = f.filter(record)
            else:
                ok = f(record)
            if not ok:
                return False
        return True


class Handler(Filterer):
    """Where records go; subclasses write emit()."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self.lock = threading.RLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        self._name = name

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        fmt = self.formatter if self.formatter else _defaultFormatter
        return fmt.format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        ok = self.filter(record)
        if ok:
            with self.lock:
                self.emit(record)
        return ok

    def acquire(self):
        self.lock.acquire()

    def release(self):
        self.lock.release()

    def flush(self):
        pass

    def close(self):
        pass

    def handleError(self, record):
        if raiseExceptions:
            sys.stderr.write("--- Logging error ---\n")
            traceback.print_exc()
            sys.stderr.write("Call stack:\n")
            sys.stderr.write("".join(traceback.format_stack()[:-2]))
            sys.stderr.write("Message: %r\nArguments: %s\n" % (record.msg, record.args))

    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))


class StreamHandler(Handler):
    """Writes each record, formatted, and a newline to a stream
    (sys.stderr unless another is given)."""

    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        if stream is None:
            stream = sys.stderr
        self.stream = stream

    def flush(self):
        if self.stream and hasattr(self.stream, "flush"):
            self.stream.flush()

    def emit(self, record):
        try:
            msg = self.format(record)
            self.stream.write(msg + self.terminator)
            self.flush()
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            return None
        old = self.stream
        self.flush()
        self.stream = stream
        return old

    def __repr__(self):
        name = getattr(self.stream, "name", "")
        if name:
            name = name + " "
        return "<%s %s(%s)>" % (type(self).__name__, name, getLevelName(self.level))


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        raise NotImplementedError("files are not available in this shell: log to sys.stderr or sys.stdout with StreamHandler")


class NullHandler(Handler):
    """A handler that does nothing: a library's way to stay quiet."""

    def handle(self, record):
        pass

    def emit(self, record):
        pass


class _StderrHandler(StreamHandler):
    """The last resort: sys.stderr as it is when a record comes."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


lastResort = _StderrHandler(WARNING)

_loggers = {}


class Logger(Filterer):
    """A named channel of records: its level decides which it takes, its
    handlers (and its ancestors', while propagate is true) where they go."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or _disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
            return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        frames = traceback.extract_stack()
        i = len(frames) - 1
        while i >= 0 and frames[i].filename == _srcfile:
            i -= 1
        i -= stacklevel - 1
        if i < 0:
            return "(unknown file)", 0, "(unknown function)", None
        f = frames[i]
        sinfo = None
        if stack_info:
            sinfo = "Stack (most recent call last):\n" + "".join(
                traceback.format_stack()[:i + 1]).rstrip("\n")
        return f.filename, f.lineno, f.name, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        rv = LogRecord(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        if extra is not None:
            for key in extra:
                if key in ("message", "asctime") or key in rv.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                setattr(rv, key, extra[key])
        return rv

    def _log(self, level, msg, args, exc_info=None, extra=None,
             stack_info=False, stacklevel=1):
        fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
        record = self.makeRecord(self.name, level, fn, lno, msg, args,
                                 exc_info, func, extra, sinfo)
        self.handle(record)

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                return False
            c = c.parent
        return False

    def callHandlers(self, record):
        c = self
        found = 0
        while c:
            for hdlr in c.handlers:
                found = found + 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not c.propagate:
                c = None
            else:
                c = c.parent
        if found == 0 and lastResort:
            if record.levelno >= lastResort.level:
                lastResort.handle(record)

    def getChild(self, suffix):
        if self.name == "root":
            return getLogger(suffix)
        return getLogger(self.name + "." + suffix)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name,
                                 getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


root = RootLogger(WARNING)


def _fixParents():
    """Each logger's parent is its nearest existing ancestor by name."""
    for name in _loggers:
        logger = _loggers[name]
        parent = root
        parts = name.split(".")
        for i in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:i])
            if prefix in _loggers:
                parent = _loggers[prefix]
                break
        logger.parent = parent


def getLogger(name=None):
    """The logger called name, made on first use; the root logger
    without a name."""
    if not name or name == root.name:
        return root
    if not isinstance(name, str):
        raise TypeError("A logger name must be a string")
    if name not in _loggers:
        _loggers[name] = Logger(name)
        _fixParents()
    return _loggers[name]


def basicConfig(**kwargs):
    """Give the root logger a handler (a StreamHandler on sys.stderr, or
    stream=) with a Formatter of format= (BASIC_FORMAT by default), and
    set its level= - unless it has handlers already (force=True replaces
    them)."""
    force = kwargs.pop("force", False)
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
            h.close()
    if len(root.handlers) == 0:
        handlers = kwargs.pop("handlers", None)
        if handlers is None:
            if "stream" in kwargs and "filename" in kwargs:
                raise ValueError("'stream' and 'filename' should not be specified together")
        elif "stream" in kwargs or "filename" in kwargs:
            raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
        if handlers is None:
            filename = kwargs.pop("filename", None)
            kwargs.pop("filemode", None)
            kwargs.pop("encoding", None)
            kwargs.pop("errors", None)
            if filename:
                h = FileHandler(filename)
            else:
                h = StreamHandler(kwargs.pop("stream", None))
            handlers = [h]
        dfs = kwargs.pop("datefmt", None)
        style = kwargs.pop("style", "%")
        if style not in ("%", "{", "$"):
            raise ValueError("Style must be one of: %s" % ",".join(["%", "{", "$"]))
        fs = kwargs.pop("format", {"%": BASIC_FORMAT, "{": "{levelname}:{name}:{message}", "$": "${levelname}:${name}:${message}"}[style])
        fmt = Formatter(fs, dfs, style)
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)
        if kwargs:
            keys = ", ".join(kwargs.keys())
            raise ValueError("Unrecognised argument(s): %s" % keys)


def _rootCall(method, msg, args, kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    method(msg, *args, **kwargs)


def critical(msg, *args, **kwargs):
    _rootCall(root.critical, msg, args, kwargs)


fatal = critical


def error(msg, *args, **kwargs):
    _rootCall(root.error, msg, args, kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warning(msg, *args, **kwargs):
    _rootCall(root.warning, msg, args, kwargs)


def warn(msg, *args, **kwargs):
    warning(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    _rootCall(root.info, msg, args, kwargs)


def debug(msg, *args, **kwargs):
    _rootCall(root.debug, msg, args, kwargs)


def log(level, msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    global _disable
    _disable = level


def shutdown(handlerList=None):
    for h in root.handlers:
        h.flush()
