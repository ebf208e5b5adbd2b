// Package law embeds the part of medsec's law that only some packages
// read: each pack's duties.json and roles.json (package obligations), its
// clauses.json (package contracts) and the cross-framework mappings
// (mappings/mappings.json). The root package embeds the rest (pack.json,
// the instruments, the legal dates, the incident rules and the grading
// tables), so that a program that only grades stays small.
//
// Importing package law makes these files part of the embedded packs of
// [github.com/medsec-go/medsec.DefaultRegistry], as importing image/png adds a format to
// package image. Packages obligations and contracts import it; a program
// that reads them from the registry's packs without those packages
// imports it for its side effect:
//
//	import _ "github.com/medsec-go/medsec/law"
//
// The files themselves, and how a lawyer reads and edits them, are
// described in law/README.md in the module.
package law

import (
	"embed"

	"github.com/medsec-go/medsec/internal/lawfs"
)

//go:embed */duties.json */roles.json */clauses.json mappings/mappings.json
var files embed.FS

func init() { lawfs.Register(files) }
