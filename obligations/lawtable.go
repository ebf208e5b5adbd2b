package obligations

import (
	"github.com/medsec-go/medsec"
)

// A dutyTable is the duties file of one of medsec's embedded packs,
// compiled into Go data; mappingTables hold their mappings files.
//
// The tables (law_tables.go) are generated from the packs' files by
// TestLawTables, with the decoder that reads any pack's files, and that
// test fails when they no longer match the files; TestLawTablesMatchFiles
// checks that the tables hold exactly what decoding the files gives. The
// files remain the source that lawyers edit, and what [medsec.Pack.ReadFile]
// returns. [DefaultCatalog] takes the duties and mappings from the tables,
// so that a program does not decode the same 300 KB of JSON each time it
// runs, and checks them against the registry as it checks any pack's;
// catalogs of other registries ([CatalogFor]) decode their packs' files.
type dutyTable struct {
	pack   string // the pack's ID
	file   string // the file, named as in errors (medsec.Pack.Where)
	duties []Duty
}

// tableDuties returns the duties of dutyTables, which are those of the
// default registry's packs.
func tableDuties(*medsec.Registry) ([]sourced, error) {
	n := 0
	for _, t := range dutyTables {
		n += len(t.duties)
	}
	all := make([]sourced, 0, n)
	for ti := range dutyTables {
		t := &dutyTables[ti]
		for i := range t.duties {
			all = append(all, sourced{d: &t.duties[i], file: t.file, pack: t.pack, index: i})
		}
	}
	return all, nil
}

// tableMappings returns the mappings of mappingTables, which are those of
// the default registry's packs.
func tableMappings(*medsec.Registry) ([]packMappings, error) {
	return mappingTables, nil
}
