package assist

import (
	"encoding"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden and the schema files in schema/")

// sampleAsOf is the day of the sample data: a week after the attack that
// the sample needs describe.
var sampleAsOf = medsec.NewDate(2026, 3, 20)

// loadDoc decodes a testdata file.
func loadDoc(t testing.TB, name string) *Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	d, err := Decode(f)
	require.NoError(t, err, name)
	return d
}

func sampleOffers(t testing.TB) []Offer { return loadDoc(t, "offers.json").Offers }
func sampleNeeds(t testing.TB) []Need   { return loadDoc(t, "needs.json").Needs }
func sampleCommittee(t testing.TB) Committee {
	return *loadDoc(t, "committee.json").Committee
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden files")
	require.Equal(t, string(want), got)
}

// enumNames lists the text forms of an enumeration built on internal/enum
// (a uint8 whose values 1, 2, ... marshal until the first that does not).
func enumNames(t reflect.Type) []string {
	if t.Kind() != reflect.Uint8 || !t.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		return nil
	}
	var names []string
	for i := 1; i < 256; i++ {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		names = append(names, string(b))
	}
	return names
}
