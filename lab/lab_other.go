//go:build !linux

package lab

// Error is a lab failure told in one sentence for the learner.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Client is Linux-only.
type Client struct{ Host string }

// Enter says that the lab needs Linux.
func Enter(string, []string) error {
	return &Error{"the lab needs Linux network namespaces"}
}

// RunKeeper and Hold do nothing off Linux.
func RunKeeper(string) int { return 1 }
func Hold() int            { return 1 }

// Inside is nil off Linux.
func Inside(string) *Client { return nil }

// Do fails off Linux.
func (c *Client) Do(string) (string, error) { return "", &Error{"the lab needs Linux"} }

// Close does nothing off Linux.
func (c *Client) Close() error { return nil }
