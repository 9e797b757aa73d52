# The tests' oracle: CPython itself. Reads a JSON list of requests on
# stdin, answers a JSON list on stdout, so one python3 process serves a
# whole test.
#   {"mode": "dump", "src": S}    -> {"dump": ast.dump(ast.parse(S), include_attributes=True)} or {"error": E}
#   {"mode": "dumpfile", "src": PATH} -> {"dump": sha256 of the file's dump}
#   {"mode": "stdlib"}             -> {"dump": the standard library's directory}
#   {"mode": "eval", "src": S}    -> {"dump": ...} of ast.parse(S, mode="eval").body
#   {"mode": "compile", "src": S} -> {"ok": true} or {"error": E}, plus
#                                    "incomplete": codeop.compile_command(S) is None
# E is {"kind", "msg", "lineno", "offset", "end_lineno", "end_offset"}.
import ast
import codeop
import hashlib
import json
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(1000)


def error(e):
    if isinstance(e, SyntaxError):
        return {"kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno or 0,
                "offset": e.offset or 0, "end_lineno": e.end_lineno or 0,
                "end_offset": e.end_offset or 0}
    if isinstance(e, (RecursionError, MemoryError)):
        return {"kind": "RecursionError", "msg": str(e), "lineno": 0, "offset": 0,
                "end_lineno": 0, "end_offset": 0}
    return {"kind": type(e).__name__, "msg": str(e), "lineno": 0, "offset": 0,
            "end_lineno": 0, "end_offset": 0}


def answer(req):
    src = req["src"]
    r = {}
    if req["mode"] == "dumpfile":
        # src is a path; the answer is the dump's SHA-256, to keep it small.
        try:
            with open(src, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            r["dump"] = hashlib.sha256(ast.dump(tree, include_attributes=True).encode()).hexdigest()
        except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeDecodeError) as e:
            r["error"] = error(e)
        return r
    if req["mode"] == "stdlib":
        import sysconfig
        r["dump"] = sysconfig.get_paths()["stdlib"]
        return r
    if req["mode"] == "eval":
        try:
            r["dump"] = ast.dump(ast.parse(src, mode="eval").body, include_attributes=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            r["error"] = error(e)
        return r
    if req["mode"] == "dump":
        try:
            r["dump"] = ast.dump(ast.parse(src), include_attributes=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            r["error"] = error(e)
        return r
    try:
        compile(src, "<input>", "exec")
        r["ok"] = True
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        r["error"] = error(e)
    try:
        r["incomplete"] = codeop.compile_command(src, "<input>", "single") is None
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
        r["incomplete"] = False
    return r


print(json.dumps([answer(req) for req in json.load(sys.stdin)]))
