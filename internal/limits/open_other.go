//go:build !unix

package limits

// openFlags: Windows has no FIFOs that block an open.
const openFlags = 0
