# argparse parsers of many shapes: help, usage, parses and errors, run by
# python3 and by sockrepl at several terminal widths (COLUMNS) and compared.
import argparse


def show(parser, *argvs):
    print('=' * 20, parser.prog)
    print(parser.format_usage(), end='')
    parser.print_help()
    for argv in argvs:
        try:
            print(parser.parse_args(argv))
        except SystemExit as e:
            print('exit', e.code)


p = argparse.ArgumentParser(prog='empty')
show(p, [], ['x'], ['-h'])

p = argparse.ArgumentParser(prog='positional', description='Echo client: connects, sends one line and prints the reply. The description is long so that it wraps over several lines of the help.')
p.add_argument('host', help='server host name or address')
p.add_argument('port', type=int, help='the TCP port the server listens on, a number between 1 and 65535 that the server was started with')
show(p, ['localhost', '7'], ['localhost'], ['localhost', 'seven'], [], ['a', '1', 'extra'])

p = argparse.ArgumentParser(prog='nargs', epilog='Examples follow the options; the epilog is wrapped like the description is.')
p.add_argument('files', nargs='*', help='zero or more')
p.add_argument('--one', nargs='?', const='C', default='D', help='optional value')
p.add_argument('--many', nargs='+', help='at least one')
p.add_argument('--pair', nargs=2, metavar=('HOST', 'PORT'), help='two values')
p.add_argument('--three', nargs=3, type=int)
p.add_argument('--star', nargs='*', type=float, default=[1.5])
show(p, [], ['a', 'b', '--one'], ['--one', 'x', 'f'], ['--many'], ['--many', 'a', 'b', '--pair', 'h', '80'], ['--pair', 'h'], ['--three', '1', '2', '3', '--star'], ['--three', '1', 'x', '3'], ['--star', '2', '3.5'], ['--', '--one'])

p = argparse.ArgumentParser(prog='actions')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-q', action='store_true', help='quiet')
p.add_argument('--no-wait', dest='wait', action='store_false')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('-t', '--tag', action='append', default=[])
p.add_argument('--ac', action='append_const', const='x', dest='acs')
p.add_argument('--ext', action='extend', nargs='+')
p.add_argument('--color', action=argparse.BooleanOptionalAction, default=True, help='colour the output')
p.add_argument('-V', '--version', action='version', version='%(prog)s 2.1')
show(p, [], ['-vvv', '-q', '--no-wait'], ['-v', '-v', '--const', '-t', 'a', '-tb', '--tag=c'], ['--ac', '--ac', '--ext', '1', '2', '--ext', '3'], ['--no-color'], ['--color'], ['-qv'], ['-qx'], ['-V'], ['--verb'], ['--co'])

p = argparse.ArgumentParser(prog='choices')
p.add_argument('role', choices=['client', 'server'], help='which side to run: %(choices)s')
p.add_argument('--proto', choices=('tcp', 'udp'), default='tcp', help='protocol (default: %(default)s)')
p.add_argument('--level', type=int, choices=range(1, 4), metavar='LEVEL', help='1 to 3 (type %(type)s)')
p.add_argument('--port', type=int, required=True, help='port, required')
show(p, ['client', '--port', '1'], ['cli', '--port', '1'], ['server'], ['client', '--port', '1', '--level', '5'], ['client', '--port', '1', '--proto', 'sctp'])

p = argparse.ArgumentParser(prog='groups', description='Groups of arguments.')
net = p.add_argument_group('network', 'Where to connect and how long to wait for the other side before giving up.')
net.add_argument('--host', default='127.0.0.1', help='the host')
net.add_argument('--timeout', type=float, default=2.5, help='seconds')
out = p.add_argument_group('output')
m = out.add_mutually_exclusive_group()
m.add_argument('--json', action='store_true', help='print JSON')
m.add_argument('--text', action='store_true', help='print text')
req = p.add_mutually_exclusive_group(required=True)
req.add_argument('--send', metavar='DATA')
req.add_argument('--listen', action='store_true')
show(p, ['--send', 'x'], [], ['--send', 'x', '--listen'], ['--json', '--text', '--listen'], ['--listen', '--timeout', 'soon'])

p = argparse.ArgumentParser(prog='suppressed', usage='%(prog)s [options] target', argument_default=argparse.SUPPRESS)
p.add_argument('target')
p.add_argument('--secret', help=argparse.SUPPRESS)
p.add_argument('--shown', help='shown, %(prog)s')
show(p, ['t'], ['t', '--secret', 's'], [])

p = argparse.ArgumentParser(prog='a-program-name-that-is-long-enough-to-push-the-usage-onto-its-own-lines', add_help=False)
for i in range(8):
    p.add_argument('--option-%d' % i, metavar='VALUE%d' % i)
p.add_argument('first')
p.add_argument('second')
show(p, ['a', 'b'], ['a'])

p = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter, description='Line one\n  indented line two\n\nparagraph three', epilog='kept\n   as written')
p.add_argument('--x', help='this help is still   refilled\nby RawDescription')
show(p, [])

p = argparse.ArgumentParser(prog='rawtext', formatter_class=argparse.RawTextHelpFormatter)
p.add_argument('--x', help='line one\nline two\n  indented')
show(p, [])

p = argparse.ArgumentParser(prog='defaults', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('--port', type=int, default=8080, help='the port')
p.add_argument('--host', default='localhost')
p.add_argument('--flag', action='store_true', help='a flag')
p.add_argument('name', nargs='?', default='world', help='who')
show(p, [])

p = argparse.ArgumentParser(prog='metavartype', formatter_class=argparse.MetavarTypeHelpFormatter)
p.add_argument('--port', type=int)
p.add_argument('count', type=float)
show(p, ['1.5'])

p = argparse.ArgumentParser(prog='words')
p.add_argument('--mode', help='non-blocking or blocking socket mode, chosen per-connection; a very-long-hyphenated-word-that-cannot-fit-on-one-line-at-all-even-in-wide-terminals follows')
p.add_argument('--a-very-long-option-name-that-pushes-help', help='help goes on the next line')
p.add_argument('--température', help='non-ASCII: °C')
show(p, ['--température', '21'])


def port(text):
    n = int(text)
    if not 0 < n < 65536:
        raise argparse.ArgumentTypeError('%d is not a port number' % n)
    return n


p = argparse.ArgumentParser(prog='typefunc')
p.add_argument('port', type=port)
p.add_argument('--ratio', type=float)
show(p, ['80'], ['0'], ['x'], ['1', '--ratio', 'half'], ['-5'])

p = argparse.ArgumentParser(prog='negative')
p.add_argument('-1', dest='one', action='store_true')
p.add_argument('value', nargs='?')
show(p, ['-1'], ['-5'], ['x', '-1'])

p = argparse.ArgumentParser(prog='known')
p.add_argument('--a')
print(p.parse_known_args(['--a', '1', '--b', '2', 'c']))
p.set_defaults(mode='fast', a='default-a')
print(p.parse_args([]), p.get_default('a'), p.get_default('mode'), p.get_default('zzz'))
print(p.add_argument('--port', '-p', type=int, default=7, help='the port'))
print(p.add_argument('host'))
print(p)
ns = argparse.Namespace(b=1, a=2)
print(ns, vars(ns), 'a' in ns, 'c' in ns, ns == argparse.Namespace(b=1, a=2), ns == argparse.Namespace(a=1))
ns.c = 3
del ns.b
print(ns, argparse.Namespace(**{'not id': 1, 'ok': 2}))
given = argparse.Namespace(preset=True)
print(p.parse_args(['h'], namespace=given) is given, given)
try:
    p.error('custom problem')
except SystemExit as e:
    print('exit', e.code)
try:
    p.exit(3, 'bye\n')
except SystemExit as e:
    print('exit', e.code)
for bad in [lambda: p.add_argument('--a'), lambda: p.add_argument('x', required=True), lambda: p.add_argument('--e', nargs=0),
            lambda: p.add_argument('--f', type='int'), lambda: p.add_argument('--g', action='nope'), lambda: p.add_argument('--h2', nargs=2, metavar=('A',)),
            lambda: p.add_argument('--i', bogus=1), lambda: p.add_argument('--j', action='store_true', type=int), lambda: p.add_argument('bad', 'x'),
            lambda: p.add_argument('--k', const=1), lambda: p.add_argument('-'), lambda: p.add_argument('--l', nargs='x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
