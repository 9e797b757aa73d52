import errno, os, select, socket, sys, time

def send_all(sock, data, timeout=None):
    view = memoryview(data)
    deadline = None if timeout is None else time.monotonic() + timeout
    while view:
        if deadline is not None and (left := deadline - time.monotonic()) <= 0:
            raise TimeoutError(errno.ETIMEDOUT, os.strerror(errno.ETIMEDOUT))
        try:
            n = sock.send(view)
        except BlockingIOError:
            _, w, _ = select.select([], [sock], [], left if deadline else None)
            continue
        except BrokenPipeError as e:
            print(f"peer went away: {e.strerror} (errno {e.errno})", file=sys.stderr)
            raise
        view = view[n:]
    return len(data)

def recv_exactly(sock, n):
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(n - got, 65536))
        if chunk == b'':
            raise EOFError(f'expected {n} bytes, got {got}')
        chunks.append(chunk); got += len(chunk)
    return b''.join(chunks)

def udp_ping(host='127.0.0.1', port=9999, count=3):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(1)
        for seq in range(count):
            t0 = time.perf_counter()
            s.sendto(b'ping %d' % seq, (host, port))
            try:
                data, addr = s.recvfrom(1500)
            except socket.timeout:
                print(f'{seq}: timeout'); continue
            rtt = (time.perf_counter() - t0) * 1e3
            print(f'{seq}: {len(data)} bytes from {addr[0]}:{addr[1]} rtt={rtt:.3f} ms')

def states(sock):
    info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
    state = info[0]
    names = {1: 'ESTABLISHED', 2: 'SYN_SENT', 3: 'SYN_RECV', 4: 'FIN_WAIT1',
             5: 'FIN_WAIT2', 6: 'TIME_WAIT', 7: 'CLOSE', 8: 'CLOSE_WAIT',
             9: 'LAST_ACK', 10: 'LISTEN', 11: 'CLOSING'}
    return names.get(state, f'unknown({state})')

def http_get(host, path='/', port=80):
    req = (f'GET {path} HTTP/1.1\r\n'
           f'Host: {host}\r\n'
           'Connection: close\r\n'
           '\r\n').encode('ascii')
    with socket.create_connection((host, port)) as s:
        s.sendall(req)
        resp = b''
        while (chunk := s.recv(4096)):
            resp += chunk
    head, _, body = resp.partition(b'\r\n\r\n')
    status_line, *header_lines = head.decode('latin-1').split('\r\n')
    headers = dict(h.split(': ', 1) for h in header_lines)
    version, code, *reason = status_line.split(' ', 2)
    return int(code), headers, body

if __name__ == '__main__':
    match_count = 0
    for arg in sys.argv[1:]:
        host, _, port = arg.rpartition(':')
        code, headers, body = http_get(host or 'localhost', port=int(port or 80))
        print(code, headers.get('Content-Type', '?'), len(body), sep='\t')
        match_count += code == 200
    sys.exit(0 if match_count else 1)
