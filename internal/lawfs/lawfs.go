// Package lawfs holds the files of medsec's embedded law that package law
// embeds: the duties, roles, clause rules and mappings, which only
// packages obligations and contracts read. Package law registers them
// when a program links it, as image/png registers a format; the root
// package reads them through [Extra], so that a program that imports only
// the root package or grading does not carry them.
package lawfs

import (
	"io/fs"
	"sync"
)

var (
	mu    sync.RWMutex
	extra fs.FS
)

// Register makes f the registered files; the first registration stays.
// f holds paths relative to the module's law/ folder ("cn/duties.json").
func Register(f fs.FS) {
	mu.Lock()
	defer mu.Unlock()
	if extra == nil {
		extra = f
	}
}

// Extra returns the registered files, or nil when package law is not
// linked.
func Extra() fs.FS {
	mu.RLock()
	defer mu.RUnlock()
	return extra
}
