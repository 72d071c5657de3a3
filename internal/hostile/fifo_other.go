//go:build !unix

package hostile

import "errors"

// ErrNoFIFO is returned where named pipes cannot be made; those cases skip.
var ErrNoFIFO = errors.New("no named pipes on this system")

func mkfifo(string) error { return ErrNoFIFO }
