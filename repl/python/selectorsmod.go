package python

import (
	"go.starlark.net/starlark"
)

// newSelectorsModule is Python's selectors: the three selector classes
// Linux has (DefaultSelector is EpollSelector, as in CPython), the key
// type and the two event bits. The classes are in selector.go.
func newSelectorsModule(*Interp) starlark.Value {
	epoll := selectorClassValue(selectorClasses["EpollSelector"])
	return table{name: "selectors", doc: "Wait for many sockets at once: register each with the events to watch (EVENT_READ, EVENT_WRITE) and some data of your own, then select() returns the ready ones with their keys. The usual base of a server that serves many clients in one thread.", rows: []row{
		{name: "DefaultSelector", value: epoll, sig: "selectors.DefaultSelector()", doc: "The best selector this system has: EpollSelector on Linux."},
		{name: "EpollSelector", value: epoll, sig: "selectors.EpollSelector()", doc: "A selector over epoll(7); it holds an epoll descriptor until close()."},
		{name: "PollSelector", value: selectorClassValue(selectorClasses["PollSelector"]), sig: "selectors.PollSelector()", doc: "A selector over poll(2)."},
		{name: "SelectSelector", value: selectorClassValue(selectorClasses["SelectSelector"]), sig: "selectors.SelectSelector()", doc: "A selector over select(2): descriptors up to 1023 only."},
		{name: "BaseSelector", value: baseSelectorClass, sig: "selectors.BaseSelector", doc: "The abstract class of every selector, for isinstance()."},
		{name: "SelectorKey", value: selectorKeyClass, sig: "selectors.SelectorKey(fileobj, fd, events, data)", doc: "The named tuple register() returns and select() hands back: key.fileobj, key.fd, key.events, key.data."},
		{name: "EVENT_READ", value: starlark.MakeInt(eventRead), sig: "selectors.EVENT_READ", doc: "1: ready to read (data, a connection to accept, or the peer closed)."},
		{name: "EVENT_WRITE", value: starlark.MakeInt(eventWrite), sig: "selectors.EVENT_WRITE", doc: "2: ready to write (room in the send buffer)."},
	}}.module()
}

// baseSelectorClass is selectors.BaseSelector, which cannot be made.
var baseSelectorClass = &pyType{name: "selectors.BaseSelector", call: func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, pyErrorf("TypeError", "Can't instantiate abstract class BaseSelector with abstract methods get_map, register, select, unregister")
}}
