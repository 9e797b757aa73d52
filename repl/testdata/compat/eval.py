# eval(): one expression, in the program's globals or the dicts given.
x = 5
eval('x + 1'), eval('  x + 1\n'), eval('\t1'), eval(b'1+2'), eval('[i*i for i in range(4)]'), eval('(lambda q: q*2)(21)')
eval('x = 1')
eval('1 +')
eval('')
eval('y')
eval('1/0')
eval(5)
eval('a + b', {'a': 1, 'b': 2}), eval('a + b', {'a': 1}, {'b': 5}), eval('a', {'a': 1}, {'a': 5}), eval('len("abc")', {})
eval('x', 5)
eval('x', {}, 5)
eval()
eval('1', None, None), eval('1', globals={})
eval('1\n2')
g = {}
eval('(n := 3) + n', g), g['n']
eval('import os')
eval('if 1: pass')
eval('1;')
eval('x', {}, {}, 1)
try:
    eval('1 +* 2')
except SyntaxError as e:
    print(e, '|', e.msg, e.lineno, e.filename, e.text)

def calc(expr):
    try:
        return str(eval(expr, {}))
    except ZeroDivisionError:
        return 'error: division by zero'
    except (SyntaxError, NameError) as e:
        return 'error: ' + type(e).__name__

for expr in ['1 + 2 * 3', '2 ** 10', '(1 + 2) / 4', '1 / 0', '1 +', 'foo', '"ab" * 3', 'max(3, 7)']:
    print(expr, '=', calc(expr))

