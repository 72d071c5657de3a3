package project

// Names is a list of people's names (a task's assignees): one pointer, 8
// bytes, where a []string is 24. A million-row WBS names the same few
// people on every row, so the lists are shared between the records that
// read the same text, and a record without names keeps nothing at all.
//
// A list is never changed once made: With returns a new one.
type Names struct{ l *[]string }

// NamesOf returns the list of names ns, which it keeps and the caller
// must not change afterwards; none when ns is empty.
func NamesOf(ns []string) Names {
	if len(ns) == 0 {
		return Names{}
	}
	return Names{&ns}
}

// List returns the names, nil when there are none. The slice is shared:
// it must not be changed.
func (n Names) List() []string {
	if n.l == nil {
		return nil
	}
	return *n.l
}

// Len returns how many names there are.
func (n Names) Len() int { return len(n.List()) }

// With returns the list with name added at its end; n is unchanged.
func (n Names) With(name string) Names {
	old := n.List()
	l := make([]string, len(old), len(old)+1)
	copy(l, old)
	return NamesOf(append(l, name))
}
