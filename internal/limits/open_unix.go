//go:build unix

package limits

import "syscall"

// openFlags opens without blocking: a FIFO swapped in after the check must
// not hang the open (it is then refused by the check on the open file).
const openFlags = syscall.O_NONBLOCK
