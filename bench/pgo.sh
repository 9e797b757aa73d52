#!/bin/sh
# Regenerates default.pgo, the CPU profile `go build` and `go run .` use
# for profile-guided optimisation (inlining and code layout of the hot
# paths): the interpreter's benchmarks over the learner workloads, the
# try/except and counting loops and the loopback round trips, in one run.
# Run from anywhere; takes about a minute. See docs/BENCHMARKS.md.
set -e
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test ./repl/python -run '^$' \
	-bench 'Programs|FunctionCalls|MethodCalls|TryExcept|CountLoop|RoundTrips' \
	-benchtime 10x -cpuprofile "$tmp/cpu.pprof" -o "$tmp/python.test" >/dev/null
go tool pprof -proto "$tmp/cpu.pprof" >default.pgo 2>/dev/null
echo "default.pgo: $(wc -c <default.pgo) bytes"
