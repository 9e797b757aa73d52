import logging
# Before any configuration: a named logger's warnings go to stderr as the
# bare message (the last resort); the module functions configure the
# root logger with BASIC_FORMAT on first use.
log = logging.getLogger('net.server')
log.warning('no handlers yet: %s', 'last resort')
log.info('below WARNING: dropped')
logging.warning('root warns %d', 5)
logging.info('dropped too')
logging.root, log, logging.getLogger('net'), log.parent, logging.getLogger() is logging.root
logging.basicConfig(level=logging.DEBUG, format='%(name)s %(levelname)s %(funcName)s:%(lineno)d %(module)s %(message)s', force=True)
def handle():
    log.debug('got %r from %s', b'data', ('127.0.0.1', 5000))

handle()
child = logging.getLogger('net.server.conn')
child.info('dict args %(a)s', {'a': 1})
child.parent is log, log.parent is logging.getLogger('net'), child.getEffectiveLevel()
log.setLevel('ERROR')
child.warning('suppressed by the parent level')
child.error('shown')
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')

h = logging.StreamHandler()
h.setFormatter(logging.Formatter('{levelname}:{message}', style='{'))
other = logging.getLogger('other')
other.addHandler(h)
other.propagate = False
other.critical('braces')
other.hasHandlers(), logging.getLogger('x.y').hasHandlers()
logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15)
logging.DEBUG, logging.WARN, h
other.log(25, 'custom level')
other.log('x', 'bad')
log.setLevel('LOUD')
logging.getLogger('q').info('extra %s', 'fields', extra={'user': 'ann'})
logging.disable(logging.CRITICAL)
logging.error('disabled')
logging.disable(logging.NOTSET)
logging.basicConfig(foo=1, force=True)
