package i18n

import (
	"cmp"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/medsec-go/medsec/internal/golit"
	"github.com/stretchr/testify/require"
)

// localeFS holds the locale files, the source of localeTables.
var localeFS = os.DirFS(".")

// localeTablesFile is the generated file that holds localeTables, and
// localeTablesGenerator the command that makes it.
const (
	localeTablesFile      = "locale_tables.go"
	localeTablesGenerator = "go test ./i18n -run TestLocaleTables -update"
)

// loadEmbeddedLocale decodes the locale file name with the decoder that
// reads the locales users add, and checks that it declares locale want.
func loadEmbeddedLocale(name string, want Locale) (*locale, error) {
	l, _, err := loadLocaleFile(name, want)
	return l, err
}

func loadLocaleFile(name string, want Locale) (*locale, *conventionsJSON, error) {
	b, err := fs.ReadFile(localeFS, name)
	if err != nil {
		return nil, nil, fmt.Errorf("i18n: %s: %w", name, err)
	}
	l, j, err := decodeLocaleJSON(b, name)
	if err != nil {
		return nil, nil, err
	}
	if l.conv.loc != want {
		return nil, nil, fmt.Errorf("i18n: %s declares locale %s, not the %s its name says: %w", name, l.conv.loc, want, errInvalidData)
	}
	return l, j, nil
}

// localeFiles returns the locale files and their locales.
func localeFiles(t testing.TB) map[string]Locale {
	names, err := fs.Glob(localeFS, "data/locales/*.json")
	require.NoError(t, err)
	files := map[string]Locale{}
	for _, name := range names {
		files[name] = Locale(strings.TrimSuffix(path.Base(name), ".json"))
	}
	return files
}

// localeTablesSource returns the Go source of localeTables, made from the
// locale files.
func localeTablesSource(t testing.TB) []byte {
	files := localeFiles(t)
	var tables []localeTable
	for _, name := range slices.Sorted(maps.Keys(files)) {
		l, j, err := loadLocaleFile(name, files[name])
		require.NoError(t, err)
		tb := localeTable{conv: *j}
		tb.conv.Citation = nil
		for _, key := range slices.Sorted(maps.Keys(j.Citation)) {
			tb.cite = append(tb.cite, citeStyleEntry{key: key, style: j.Citation[key]})
		}
		for _, key := range slices.Sorted(maps.Keys(l.msgs)) {
			tb.messages = append(tb.messages, messageEntry{key: key, entry: *l.msgs[key]})
		}
		tables = append(tables, tb)
	}
	slices.SortFunc(tables, func(a, b localeTable) int { return cmp.Compare(a.conv.Tag, b.conv.Tag) })
	src, err := golit.File("github.com/medsec-go/medsec/i18n", "i18n", localeTablesGenerator, golit.Var{
		Doc: "localeTables holds the embedded locales, made from data/locales/*.json; see [localeTable].", Name: "localeTables", Value: tables})
	require.NoError(t, err)
	return src
}

// TestLocaleTables: locale_tables.go is what the locale files make. Run
// it with -update after editing a file of data/locales.
func TestLocaleTables(t *testing.T) {
	// The -update flag of the golden tests (package i18n_test, in the
	// same test binary).
	update := flag.Lookup("update")
	require.NoError(t, golit.Sync(localeTablesFile, localeTablesSource(t), update != nil && update.Value.String() == "true", localeTablesGenerator))
}

// TestLocaleTablesMatchFiles: each embedded locale is, to the last token,
// the locale its file decodes to; and every file has its table.
func TestLocaleTablesMatchFiles(t *testing.T) {
	files := localeFiles(t)
	require.Len(t, localeTables, len(files))
	for name, loc := range files {
		want, err := loadEmbeddedLocale(name, loc)
		require.NoError(t, err)
		c, err := loadDefaultCatalog()
		require.NoError(t, err)
		lz, ok := c.lazy(loc)
		require.True(t, ok, "no table for %s", name)
		got := lz.load()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the table of %s does not give the locale its file decodes to: run %s", name, localeTablesGenerator)
		}
	}
}
