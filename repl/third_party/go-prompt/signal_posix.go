//go:build !windows
// +build !windows

package prompt

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/c-bata/go-prompt/internal/debug"
)

// handleSignals notes window size changes on winSizeCh until stop is
// closed.
//
// sockrepl patch 1: upstream also caught SIGINT, SIGTERM and SIGQUIT and
// called os.Exit from Run, which ended the embedding program silently
// (status 0 for a SIGINT) with its work lost, and raced with the program's
// own handlers. Those signals are now the embedding program's to handle.
// The Notify is undone when Run returns, and a send never blocks.
func (p *Prompt) handleSignals(winSizeCh chan struct{}, stop chan struct{}) {
	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, syscall.SIGWINCH)
	defer signal.Stop(sigCh)

	for {
		select {
		case <-stop:
			debug.Log("stop handleSignals")
			return
		case <-sigCh:
			debug.Log("Catch SIGWINCH")
			select {
			case winSizeCh <- struct{}{}:
			default: // a change is already noted; Run reads the size then
			}
		}
	}
}
