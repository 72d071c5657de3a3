//go:build unix

package outdir

import "os"

// syncDir makes the renames in dir durable: on these systems a rename is
// on the disk only once its folder is synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
