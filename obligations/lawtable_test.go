package obligations

import (
	"reflect"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/golit"
	"github.com/stretchr/testify/require"
)

// lawTablesFile is the generated file that holds dutyTables and
// mappingTables, and lawTablesGenerator the command that makes it.
const (
	lawTablesFile      = "law_tables.go"
	lawTablesGenerator = "go test ./obligations -run TestLawTables -update"
)

// fileTables decodes the duties and mappings files of the default
// registry's packs as catalogFor decodes any pack's.
func fileTables(t testing.TB) ([]dutyTable, []packMappings) {
	reg := medsec.DefaultRegistry()
	var duties []dutyTable
	for _, p := range reg.Packs() {
		b, err := p.ReadFile(dutiesFile)
		require.NoError(t, err)
		if b == nil {
			continue
		}
		ds, err := unmarshalDuties(b)
		require.NoError(t, err, p.Where(dutiesFile))
		duties = append(duties, dutyTable{pack: p.ID(), file: p.Where(dutiesFile), duties: ds})
	}
	mappings, err := readMappings(reg)
	require.NoError(t, err)
	return duties, mappings
}

// lawTablesSource returns the Go source of law_tables.go, made from the
// packs' files.
func lawTablesSource(t testing.TB) []byte {
	duties, mappings := fileTables(t)
	src, err := golit.File("github.com/medsec-go/medsec/obligations", "obligations", lawTablesGenerator,
		golit.Var{Doc: "dutyTables holds the duties files of the embedded packs; see [dutyTable].", Name: "dutyTables", Value: duties},
		golit.Var{Doc: "mappingTables holds the mappings files of the embedded packs; see [dutyTable].", Name: "mappingTables", Value: mappings})
	require.NoError(t, err)
	return src
}

// TestLawTables: law_tables.go is what the embedded packs' duties and
// mappings files make. Run it with -update after editing one of them.
func TestLawTables(t *testing.T) {
	require.NoError(t, golit.Sync(lawTablesFile, lawTablesSource(t), *update, lawTablesGenerator))
}

// TestLawTablesMatchFiles: the tables hold exactly what decoding the
// files gives, also after the default catalog was built from them (the
// catalog must not change the data it shares), and the default catalog
// equals the one built by decoding the files.
func TestLawTablesMatchFiles(t *testing.T) {
	DefaultCatalog()
	duties, mappings := fileTables(t)
	if !reflect.DeepEqual(dutyTables, duties) {
		t.Error("dutyTables differ from the duties files: run " + lawTablesGenerator)
	}
	if !reflect.DeepEqual(mappingTables, mappings) {
		t.Error("mappingTables differ from the mappings files: run " + lawTablesGenerator)
	}
	fromFiles, err := catalogFor(medsec.DefaultRegistry())
	require.NoError(t, err)
	fromTables, err := catalogFrom(medsec.DefaultRegistry(), tableDuties, tableMappings)
	require.NoError(t, err)
	require.Equal(t, len(fromFiles.entries), len(fromTables.entries))
	for i, e := range fromFiles.entries {
		require.Equal(t, *e.duty, *fromTables.entries[i].duty)
		require.Equal(t, e.pack, fromTables.entries[i].pack)
	}
	require.Equal(t, fromFiles.Mappings().Collections(), fromTables.Mappings().Collections())
}
