# time: struct_time, localtime/gmtime, strftime, ctime, mktime, clocks.
import time
time.localtime(1700000000), time.gmtime(1700000000.7)
time.localtime(1700000000).tm_zone == time.strftime('%Z', time.localtime(1700000000)), time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff
time.localtime(1690000000)[:], len(time.gmtime(0)), time.gmtime(0)[0], time.gmtime(0)[-1], time.gmtime(0)[1:3]
time.gmtime(0)[9]
time.gmtime(0) == time.gmtime(0), time.gmtime(0) == time.gmtime(1), tuple(time.gmtime(0)), list(time.gmtime(86400 * 365))
y, m, *rest = time.gmtime(0)
y, m, rest
time.gmtime(0).tm_year, time.gmtime(0).tm_wday, time.gmtime(0).tm_yday, time.gmtime(-1)
time.gmtime(0).foo
type(time.gmtime(0)), time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)), time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)).tm_zone
time.struct_time((1, 2, 3))
time.ctime(1700000000), time.ctime(1700000000.9), type(time.ctime()), type(time.ctime(None))
time.ctime('x')
time.asctime(time.gmtime(0)), time.asctime((2024, 1, 2, 3, 4, 5, 6, 7, 8))
time.asctime((2024, 1, 2, 3, 4, 5, 6, 7))
time.strftime('%Y-%m-%d %H:%M:%S %Z %z', time.localtime(1700000000))
time.strftime('%Y-%m-%d %H:%M:%S %Z %z', time.gmtime(1700000000))
time.strftime('%f %Q %c %x %X %j %U %W %a %A %b %B %p %%', time.gmtime(0))
time.strftime('%Y %m %d', (2024, 0, 0, 3, 4, 5, 6, 0, 8))
time.strftime('%Y', (2024, 13, 2, 3, 4, 5, 6, 7, 8))
time.strftime('%Y', (2024, 1, 32, 3, 4, 5, 6, 7, 8))
time.strftime('%Y', (2024, 1, 2, 24, 4, 5, 6, 7, 8))
time.strftime('%Y', (2024, 1, 2, 3, 4, 5, -1, 7, 8))
time.strftime('%Y', (2024, 1, 2, 3, 4, 5, 6, 367, 8))
time.strftime(5)
time.strftime('%Y', 5)
type(time.strftime('%H:%M:%S')), len(time.strftime('%H:%M:%S'))
time.mktime(time.localtime(1700000000)), time.mktime((2024, 1, 2, 3, 4, 5, 0, 0, -1)) == time.mktime(time.localtime(time.mktime((2024, 1, 2, 3, 4, 5, 0, 0, -1))))
time.mktime(5)
time.localtime('x')
time.localtime(1e20)
time.gmtime(float('nan'))
type(time.timezone), type(time.altzone), time.daylight in (0, 1), type(time.tzname), len(time.tzname)
time.time_ns() > 0, type(time.monotonic_ns()), type(time.perf_counter_ns()), time.monotonic() <= time.monotonic()
t0 = time.perf_counter()
time.sleep(0.01)
time.perf_counter() - t0 >= 0.01
time.localtime().tm_year >= 2024, time.gmtime().tm_year == time.gmtime(time.time()).tm_year
time.sleep(-1)
time.sleep('x')
time.time(1)
