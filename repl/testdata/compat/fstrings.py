# f-strings.
import socket
x = 3.14159
w = 8
name = "sock"
f"{x:.2f}|{x:{w}.3f}|{name!r}|{x=}|{{lit}}|{w*2:04d}|{[1,2][0]}"
f"{name:>10}|{name:<6}|{name:^9}|{name!s}|{name!a}"
f"{'é'!a}"
f"{255:x} {255:#x} {255:08b} {1234567:,} {0.5:%}"
f"{b'hi'}"
f"{None} {True} {(1, 'a')}"
F"upper {w}"
rf"raw \n {w}"
f"{w!r:>5}"
f"{x=:.1f}"
f'{"nested"}'
f"{ {'a': 1}['a'] }"
msg = b"abc"
f"Received {msg!r} from {('127.0.0.1', 5000)}"
f"{3:{'>'}{5}}"
f"{x:q}"

# Zero padding with a thousands separator groups the padding zeros too
f"{30000:08,}"
f"{30000:07,} {-5:08,} {1234.5:08,}"
format(255, '012_x')
format(-12345678, '016,.1f')
format(30000, '0=10,')
format(30000, 'x=10,')
format(12, '#012_b')
format(1e20, '015,g')
format(float('inf'), '010,')
format(0, '06,')
"{:+09,.1f}|{:010,.2f}".format(1234.5, 30000)
'%d|%5d|%-5d|%05d|%+d|%d' % (1, -2, 3, -4, 5, -2**63)
f'{-2**63:,}|{10**20:_}|{-5:08,}|{7:+}|{True:d}|{-0:d}'
'%i %u %d' % (True, -1, 10**30)
# ints in every base, at and past 64 bits, bools and negatives
f"{-255:#x}", f"{True:x}", f"{2**64:x}", f"{-2**63:d}", f"{-2**63:b}", f"{2**63:X}"
'%d %i %u' % (True, -2**63, 2**64), '%x %X %o' % (-255, 2**70, -8), '%#x %#o' % (255, 8)
f"{-42:05d}", f"{42:+06x}", f"{7:_b}", f"{2**40:,d}", f"{-1:c}" if False else f"{65:c}"
'%x' % 3.0
'%d' % '1'
'%d' % 3.9, '%i' % -3.9
f"{'a':5}|{3:5}|{None!r:>6}|{b'x'}|{1.5:>6}"
