//go:build linux

package sockets

import (
	"bytes"
	"os"
	"strconv"
)

// Counters reads the kernel's protocol counters, as nstat and netstat -s
// show them: /proc/net/snmp and /proc/net/netstat, keyed "Group.Name"
// ("TcpExt.ListenOverflows", "Udp.RcvbufErrors"). They count for the
// whole network namespace, every process together.
func Counters() (map[string]int64, error) {
	out := map[string]int64{}
	for _, f := range []string{"/net/snmp", "/net/netstat"} {
		data, err := os.ReadFile(procRoot + f)
		if err != nil {
			return nil, fileError(procRoot+f, err)
		}
		lines := bytes.Split(data, []byte("\n"))
		// Lines come in pairs: "Group: names..." then "Group: values...".
		for i := 0; i+1 < len(lines); i += 2 {
			names, values := bytes.Fields(lines[i]), bytes.Fields(lines[i+1])
			if len(names) == 0 || len(names) != len(values) || !bytes.Equal(names[0], values[0]) {
				continue
			}
			group := string(bytes.TrimSuffix(names[0], []byte(":")))
			for j := 1; j < len(names); j++ {
				if v, err := strconv.ParseInt(string(values[j]), 10, 64); err == nil {
					out[group+"."+string(names[j])] = v
				}
			}
		}
	}
	return out, nil
}
