package project

import (
	"database/sql/driver"
	"fmt"
)

// The normalised statuses and priorities are one byte each rather than a
// string (16 bytes) in every record. Each still reads and writes as its
// name — in JSON, in text, in the history database — and the names are
// numbered in their alphabetical order, so comparing two values orders
// them as comparing their names did.

// TaskStatus is a task's normalised status.
type TaskStatus uint8

// Task statuses. NoTaskStatus (the zero value, written "") means the
// sheet said nothing.
const (
	NoTaskStatus TaskStatus = iota
	Cancelled
	Done
	InProgress
	NotStarted
	OnHold
)

var taskStatusNames = [...]string{"", "cancelled", "done", "in_progress", "not_started", "on_hold"}

// String returns the status's name ("in_progress"); "" for none.
func (s TaskStatus) String() string { return nameOf(taskStatusNames[:], uint8(s)) }

// ParseTaskStatus returns the status String names; ok is false for a
// name that is none of them.
func ParseTaskStatus(name string) (TaskStatus, bool) {
	n, ok := parseName(taskStatusNames[:], name)
	return TaskStatus(n), ok
}

// MarshalText writes the status's name.
func (s TaskStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status's name.
func (s *TaskStatus) UnmarshalText(b []byte) error {
	return unmarshalName(taskStatusNames[:], (*uint8)(s), b, "task status")
}

// Value stores the status's name in a database.
func (s TaskStatus) Value() (driver.Value, error) { return s.String(), nil }

// ItemStatus is the normalised status of an issue or a risk.
type ItemStatus uint8

// Issue and risk statuses. NoItemStatus (the zero value, written "")
// means the sheet said nothing.
const (
	NoItemStatus ItemStatus = iota
	Closed
	ItemWorking
	ItemOnHold
	Open
	Resolved
)

var itemStatusNames = [...]string{"", "closed", "in_progress", "on_hold", "open", "resolved"}

// String returns the status's name ("open"); "" for none.
func (s ItemStatus) String() string { return nameOf(itemStatusNames[:], uint8(s)) }

// ParseItemStatus returns the status String names; ok is false for a
// name that is none of them.
func ParseItemStatus(name string) (ItemStatus, bool) {
	n, ok := parseName(itemStatusNames[:], name)
	return ItemStatus(n), ok
}

// MarshalText writes the status's name.
func (s ItemStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status's name.
func (s *ItemStatus) UnmarshalText(b []byte) error {
	return unmarshalName(itemStatusNames[:], (*uint8)(s), b, "item status")
}

// Value stores the status's name in a database.
func (s ItemStatus) Value() (driver.Value, error) { return s.String(), nil }

// IsOpen reports whether the item still needs work (not resolved or closed).
// An item with no status at all counts as open.
func (s ItemStatus) IsOpen() bool { return s != Resolved && s != Closed }

// Priority is a normalised priority.
type Priority uint8

// Priorities. NoPriority (the zero value, written "") means none was given.
const (
	NoPriority Priority = iota
	High
	Low
	Medium
)

var priorityNames = [...]string{"", "high", "low", "medium"}

// String returns the priority's name ("high"); "" for none.
func (p Priority) String() string { return nameOf(priorityNames[:], uint8(p)) }

// ParsePriority returns the priority String names; ok is false for a
// name that is none of them.
func ParsePriority(name string) (Priority, bool) {
	n, ok := parseName(priorityNames[:], name)
	return Priority(n), ok
}

// MarshalText writes the priority's name.
func (p Priority) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a priority's name.
func (p *Priority) UnmarshalText(b []byte) error {
	return unmarshalName(priorityNames[:], (*uint8)(p), b, "priority")
}

// Value stores the priority's name in a database.
func (p Priority) Value() (driver.Value, error) { return p.String(), nil }

func nameOf(names []string, n uint8) string {
	if int(n) < len(names) {
		return names[n]
	}
	return fmt.Sprintf("%d", n)
}

func parseName(names []string, name string) (uint8, bool) {
	for i, s := range names {
		if s == name {
			return uint8(i), true
		}
	}
	return 0, false
}

func unmarshalName(names []string, dst *uint8, b []byte, what string) error {
	n, ok := parseName(names, string(b))
	if !ok {
		return fmt.Errorf("unknown %s %q", what, b)
	}
	*dst = n
	return nil
}
