package repl

func (s *Session) cmdTimeline(args []string) error { return nil }
