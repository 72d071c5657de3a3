//go:build windows

package outdir

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32       = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx = kernel32.NewProc("LockFileEx")
	procUnlockFile = kernel32.NewProc("UnlockFileEx")
)

const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2
	errorLockViolation      = syscall.Errno(33)
	// lockOffset puts the locked byte far past the pid written at the
	// start, so a waiting run can still read who holds the lock.
	lockOffset = 1 << 30
)

func tryLock(f *os.File) error {
	var ol syscall.Overlapped
	ol.Offset = lockOffset
	r, _, err := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return nil
	}
	if errors.Is(err, errorLockViolation) || errors.Is(err, syscall.ERROR_IO_PENDING) {
		return errBusy
	}
	return err
}

func unlock(f *os.File) {
	var ol syscall.Overlapped
	ol.Offset = lockOffset
	procUnlockFile.Call(f.Fd(), 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
}
