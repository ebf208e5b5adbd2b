package i18n

import (
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
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
		return nil, nil, fieldErrs(&medsec.FieldError{File: name, Path: "/@locale/tag", Rule: "file-name", Value: string(l.conv.loc),
			Message: msgDataFileName.New(string(want), string(l.conv.loc)), Err: errInvalidData})
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

// localeTableSources returns the generated files of the locale tables,
// by file name, made from the locale files: one file per locale
// (locale_table_<locale>.go, which declares its table) and
// locale_tables.go, which lists them.
func localeTableSources(t testing.TB) map[string][]byte {
	const pkg = "github.com/medsec-go/medsec/i18n"
	files := localeFiles(t)
	out := map[string][]byte{}
	var index strings.Builder
	index.WriteString("[]*localeTable{\n")
	for _, name := range slices.Sorted(maps.Keys(files)) {
		loc := files[name]
		l, j, err := loadLocaleFile(name, loc)
		require.NoError(t, err)
		tb := localeTable{conv: *j}
		tb.conv.Citation = nil
		for _, key := range slices.Sorted(maps.Keys(j.Citation)) {
			tb.cite = append(tb.cite, citeStyleEntry{key: key, style: j.Citation[key]})
		}
		for _, key := range slices.Sorted(maps.Keys(l.msgs)) {
			tb.messages = append(tb.messages, messageEntry{key: key, entry: *l.msgs[key]})
		}
		v := localeTableVar(loc)
		src, err := golit.File(pkg, "i18n", localeTablesGenerator, golit.Var{
			Doc: fmt.Sprintf("%s is the locale %s, made from %s; see [localeTable].", v, loc, name), Name: v, Value: tb})
		require.NoError(t, err)
		out["locale_table_"+string(loc)+".go"] = src
		index.WriteString("&" + v + ",\n")
	}
	index.WriteString("}")
	src, err := golit.File(pkg, "i18n", localeTablesGenerator, golit.Var{
		Doc: "localeTables lists the embedded locales, one per file of data/locales; see [localeTable].", Name: "localeTables", Source: index.String()})
	require.NoError(t, err)
	out[localeTablesFile] = src
	return out
}

// localeTableVar returns the name of the variable that holds the table of
// loc: localeTableZhHans for zh-Hans.
func localeTableVar(loc Locale) string {
	name := "localeTable"
	for part := range strings.SplitSeq(string(loc), "-") {
		name += strings.ToUpper(part[:1]) + strings.ToLower(part[1:])
	}
	return name
}

// TestLocaleTables: the generated files of the locale tables are what the
// locale files make, and there are no others. Run it with -update after
// editing, adding or removing a file of data/locales.
func TestLocaleTables(t *testing.T) {
	// The -update flag of the golden tests (package i18n_test, in the
	// same test binary).
	f := flag.Lookup("update")
	update := f != nil && f.Value.String() == "true"
	want := localeTableSources(t)
	for name, src := range want {
		require.NoError(t, golit.Sync(name, src, update, localeTablesGenerator))
	}
	old, err := filepath.Glob("locale_table_*.go")
	require.NoError(t, err)
	for _, name := range old {
		if _, ok := want[name]; ok {
			continue
		}
		if update {
			require.NoError(t, os.Remove(name))
			continue
		}
		t.Errorf("%s is the table of a locale file that no longer exists: run %s", name, localeTablesGenerator)
	}
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
