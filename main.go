// Command sockrepl is an interactive shell for learning socket programming
// on live OS sockets.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "sockrepl: under construction")
	os.Exit(1)
}
