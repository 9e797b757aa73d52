# program: a UDP echo server that reports through logging instead of print (PyMOTW's habit): basicConfig with level and format, named loggers, %-arguments, the caller's function and line, and exception() with its traceback
# peer: none
import logging
import socket

logging.basicConfig(level=logging.DEBUG,
                    format="%(levelname)-8s %(name)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("udp.echo")


def serve_one(sock):
    data, addr = sock.recvfrom(1024)
    log.debug("received %d bytes from %s", len(data), addr[0])
    if not data.strip():
        raise ValueError("empty datagram")
    sock.sendto(data.upper(), addr)
    log.info("answered %r", data.upper())


server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(5)
log.info("listening on %s", server.getsockname()[0])

for message in [b"hello", b"  ", b"bye"]:
    client.sendto(message, server.getsockname())
    try:
        serve_one(server)
    except ValueError:
        log.exception("could not serve %r", message)
        continue
    print("client got", client.recv(1024))

logging.getLogger("udp").warning("closing %s", "both sockets")
server.close()
client.close()
