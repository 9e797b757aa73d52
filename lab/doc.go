// Package lab is `sockrepl --lab`: a private network of named hosts made
// without root, where binding, connecting across hosts, packet capture and
// link faults are real.
//
// A keeper process runs in a new user namespace (the user's own uid is
// its root), with a mount namespace whose /etc/hosts names the hosts and
// a network namespace holding a bridge. Each host (alpha, beta, gamma) is
// a network namespace of its own, kept alive by a holder process, with
// loopback and an eth0 plugged into the bridge by a veth pair. Nothing
// routes out: the lab has no link to the machine's network.
//
// A shell joins a host with nsenter (the user namespace must be entered
// by a single-threaded process, which a Go program never is), keeping one
// connection to the keeper's control socket open for its whole life; the
// keeper counts them and, when the last one closes, ends, and with it the
// namespaces. The same connection carries %lab's requests (link down and
// up, netem delay and loss), which the keeper carries out with ip and tc.
//
// Files: hosts.go the lab's hosts; enter.go joins (and starts) a lab;
// keeper.go the keeper and the holders; client.go a shell's side of the
// control connection. docs/WIRE.md tells the whole story.
package lab
