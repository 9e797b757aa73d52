# argparse at the prompt: add_argument's echo, parses, errors on stderr
# with exit status 2, Namespace, and mistakes in declaring arguments.
import argparse
argparse.SUPPRESS, argparse.OPTIONAL, argparse.ZERO_OR_MORE, argparse.ONE_OR_MORE, argparse.REMAINDER
argparse.ArgumentParser, argparse.Namespace, argparse.HelpFormatter, argparse.ArgumentError, argparse.ArgumentTypeError
p = argparse.ArgumentParser(prog='udp', description='UDP client and server')
p
p.add_argument('role', choices=['client', 'server'], help='which role to play')
p.add_argument('-p', '--port', type=int, default=1060, help='UDP port (default %(default)s)')
p.add_argument('--host', default='127.0.0.1')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--no-wait', dest='wait', action='store_false')
p.format_usage()
args = p.parse_args(['client', '-p', '2000', '-vv'])
args
args.role, args.port, args.verbose, args.wait
vars(args)
'port' in args
p.parse_args(['server', '--port=9', '--no-wait'])
p.parse_args(['server', '--verb', '--ho', 'h'])
def attempt(argv):
    try:
        return p.parse_args(argv)
    except SystemExit as e:
        print('exit status', e.code)

attempt(['client', '-p', 'many'])
attempt(['sideways'])
attempt([])
attempt(['client', '--bogus'])
attempt(['client', '-p'])
attempt(['client', 'extra'])
p.parse_known_args(['client', '--bogus', 'x'])
try:
    p.error('custom message')
except SystemExit as e:
    print('exit status', e.code)

ns = argparse.Namespace(b=1, a='x')
ns
ns.c = [1]
ns
ns == argparse.Namespace(b=1, a='x', c=[1]), ns != argparse.Namespace()
del ns.a
ns.a
argparse.Namespace(1)
argparse.Namespace(**{'with space': 1})
p.add_argument('--port')
p.add_argument('x', required=True)
p.add_argument('--e', nargs=0)
p.add_argument('--f', type='int')
p.add_argument('--g', action='nope')
p.add_argument('--h2', nargs=2, metavar=('A',))
p.add_argument('--h3', metavar=('A', 'B'))
p.add_argument('--i', bogus=1)
p.add_argument('--j', action='store_true', type=int)
p.add_argument('bad', 'x')
p.add_argument('--k', const=1)
p.add_argument('-')
p.add_argument('--l', nargs='x')
p.add_argument('--m', action=argparse.BooleanOptionalAction)
a = p.add_argument('--level', type=float)
a.default = 0.5
a.dest, a.default, a.option_strings, a.type
p.parse_args(['client']).level
g = p.add_mutually_exclusive_group()
g
g.add_argument('--tcp', action='store_true')
g.add_argument('--udp', action='store_true')
attempt(['client', '--tcp', '--udp'])
p.set_defaults(extra='yes')
p.get_default('extra'), p.get_default('port')
p.parse_args(['server']).extra
argparse.ArgumentParser(prog='x', bogus=1)
