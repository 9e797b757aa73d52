//go:build windows
// +build windows

package prompt

// handleSignals waits for stop. sockrepl patch 1: upstream caught SIGINT,
// SIGTERM and SIGQUIT here and Run called os.Exit; those signals are now
// the embedding program's to handle, and Windows has no SIGWINCH.
func (p *Prompt) handleSignals(winSizeCh chan struct{}, stop chan struct{}) {
	<-stop
}
