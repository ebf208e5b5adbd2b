package medsec_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fixturePack(t *testing.T) *medsec.Pack {
	t.Helper()
	p, err := medsec.LoadPack(os.DirFS("testdata/packs/xa"))
	require.NoError(t, err)
	return p
}

func TestEmbeddedPacks(t *testing.T) {
	reg := medsec.DefaultRegistry()
	var ids []string
	newest := medsec.Date{}
	for _, p := range reg.Packs() {
		ids = append(ids, p.ID())
		assert.True(t, p.Version().Valid(), p.ID())
		if p.Version().After(newest) {
			newest = p.Version()
		}
	}
	assert.Equal(t, []string{"cn", "core", "cz", "enisa", "eu", "mappings", "vn"}, ids)
	assert.Equal(t, medsec.DataVersion, newest.String(), "DataVersion is the newest pack review")
	assert.Equal(t, []medsec.Jurisdiction{medsec.CN, medsec.CZ, medsec.EU, medsec.VN}, reg.Jurisdictions())
	info, ok := reg.Jurisdiction(medsec.CZ)
	require.True(t, ok)
	assert.Equal(t, "Czechia", info.Name.String())
	f, ok := reg.Flag("cii")
	require.True(t, ok)
	assert.Equal(t, "obligations.flag.cii", f.Name.Key)
	_, ok = reg.Flag("no-such-flag")
	assert.False(t, ok)
	// An occasional event may never happen (issue 14): an authority's
	// request; a go-live is expected.
	e, ok := reg.Event("authority-request")
	require.True(t, ok)
	assert.True(t, e.Occasional)
	e, ok = reg.Event("go-live")
	require.True(t, ok)
	assert.False(t, e.Occasional)
}

func TestRegistryWithUserPack(t *testing.T) {
	p := fixturePack(t)
	assert.Equal(t, "xa-fixture", p.ID())
	reg, err := medsec.DefaultRegistry().With(p)
	require.NoError(t, err)
	assert.Contains(t, reg.Jurisdictions(), medsec.Jurisdiction("XA"))
	in, err := reg.Lookup("XA-HSA-2026")
	require.NoError(t, err)
	assert.Equal(t, medsec.Jurisdiction("XA"), in.Jurisdiction)
	_, err = reg.ParseCitation("XA-HSA-2026 art. 9")
	require.NoError(t, err)
	_, ok := reg.Flag("xa-teaching-hospital")
	assert.True(t, ok)
	// Its incident rules and dates come with it, from data alone.
	rules := reg.IncidentRules("XA", medsec.NewDate(2026, 5, 1))
	require.Len(t, rules, 2)
	assert.Equal(t, "XA-HSA-INCIDENT-48H", rules[0].ID)
	assert.Equal(t, "48 hours", rules[0].Within.String())
	assert.Empty(t, reg.IncidentRules("XA", medsec.NewDate(2026, 2, 28)), "the act applies from 2026-03-01")
	d, ok := reg.Date("XA-HSA-TRANSITION-END")
	require.True(t, ok)
	assert.Equal(t, "2026-09-01", d.Date.String())

	// The default registry is unchanged.
	_, err = medsec.Lookup("XA-HSA-2026")
	assert.ErrorIs(t, err, medsec.ErrUnknownInstrument)

	// A pack cannot be added twice.
	_, err = reg.With(p)
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
	assert.Contains(t, err.Error(), "appears twice")
}

const goodManifest = `{"id":"mine","version":"2026-11-29","title":"T","jurisdictions":[{"code":"XB","name":{"key":"mine.jurisdiction","format":"Borduria"}}],"flags":[{"code":"x-flag","name":{"key":"mine.flag","format":"it is x"}}]}`

func TestLoadPackStrict(t *testing.T) {
	_, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: []byte(goodManifest)}})
	require.NoError(t, err)
	withEvent := strings.Replace(goodManifest, `]}`, `],"events":[{"code":"x-request","occasional":true,"name":{"key":"mine.event","format":"someone asks"}}]}`, 1)
	p, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: []byte(withEvent)}})
	require.NoError(t, err, withEvent)
	require.Len(t, p.Events(), 1)
	assert.True(t, p.Events()[0].Occasional)
	tests := []struct{ name, json, path string }{
		{"occasional not a boolean", strings.Replace(withEvent, `"occasional":true`, `"occasional":"yes"`, 1), ""},
		{"unknown field", strings.Replace(goodManifest, `"title":"T"`, `"title":"T","extra":1`, 1), ""},
		{"bad id", strings.Replace(goodManifest, `"mine"`, `"Mine Pack"`, 1), "/id"},
		{"no version", strings.Replace(goodManifest, `"version":"2026-11-29",`, ``, 1), "/version"},
		{"no title", strings.Replace(goodManifest, `"title":"T"`, `"title":" "`, 1), "/title"},
		{"bad jurisdiction", strings.Replace(goodManifest, `"XB"`, `"Borduria"`, 1), ""},
		{"lower-case jurisdiction", strings.Replace(goodManifest, `"XB"`, `"xb"`, 1), ""},
		{"bad flag", strings.Replace(goodManifest, `"x-flag"`, `"X Flag"`, 1), ""},
		{"bad name key", strings.Replace(goodManifest, `"mine.flag"`, `"Mine flag"`, 1), "/flags/0/name/key"},
		{"name with verb", strings.Replace(goodManifest, `"it is x"`, `"it is %s"`, 1), "/flags/0/name/format"},
		{"invalid UTF-8", strings.Replace(goodManifest, `"T"`, "\"T\xff\"", 1), ""},
		{"trailing data", goodManifest + "{}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: []byte(tt.json)}})
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidData)
			assert.Contains(t, err.Error(), "pack.json")
			if tt.path != "" {
				assert.Contains(t, err.Error(), tt.path)
			}
		})
	}
	_, err = medsec.LoadPack(fstest.MapFS{})
	assert.Error(t, err, "a folder without pack.json is no pack")
}

func TestRegistryOfChecksDeclarations(t *testing.T) {
	manifest := func(id, jur string) []byte {
		return []byte(`{"id":"` + id + `","version":"2026-11-29","title":"T","jurisdictions":[{"code":"` + jur + `","name":{"key":"t.` + id + `","format":"N"}}]}`)
	}
	instrument := strings.Replace(goodInstrument, `"EU"`, `"XB"`, 1)
	a, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: manifest("a", "XB")}, "instruments/x.json": {Data: []byte(instrument)}})
	require.NoError(t, err)
	_, err = medsec.RegistryOf(a)
	require.NoError(t, err)

	b, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: manifest("b", "XB")}})
	require.NoError(t, err)
	_, err = medsec.RegistryOf(a, b)
	assert.ErrorContains(t, err, "declares jurisdiction XB, which another pack declares")

	c, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: manifest("c", "XC")}, "instruments/x.json": {Data: []byte(instrument)}})
	require.NoError(t, err)
	_, err = medsec.RegistryOf(c)
	assert.ErrorContains(t, err, "jurisdiction XB is declared by no pack")
	_, err = medsec.RegistryOf(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
}

// TestPackOf: every instrument of a registry of packs names the pack whose
// instruments/ folder holds it; a registry of instruments alone has none.
func TestPackOf(t *testing.T) {
	reg := medsec.DefaultRegistry()
	for _, in := range reg.Instruments() {
		p, ok := reg.PackOf(in.ID)
		require.True(t, ok, in.ID)
		b, err := p.ReadFile("instruments/" + in.ID + ".json")
		require.NoError(t, err)
		assert.NotNil(t, b, "%s is not in pack %s", in.ID, p.ID())
	}
	p, ok := reg.PackOf("ENISA-PROC-2020")
	require.True(t, ok)
	assert.Equal(t, "enisa", p.ID())
	_, ok = reg.PackOf("XX-NONE")
	assert.False(t, ok)
	bare, err := medsec.NewRegistry()
	require.NoError(t, err)
	_, ok = bare.PackOf("EU-NIS2")
	assert.False(t, ok)
}

// AppendFile reads into the caller's buffer: after what it holds, once,
// and never beyond MaxDataFileSize; ReadFile is AppendFile into a new
// buffer, with no data for a file the pack does not have.
func TestPackAppendFile(t *testing.T) {
	big := make([]byte, medsec.MaxDataFileSize+1)
	p, err := medsec.LoadPack(fstest.MapFS{
		"pack.json":  {Data: []byte(goodManifest)},
		"notes.json": {Data: []byte(`{"a":1}`)},
		"big.json":   {Data: big},
	})
	require.NoError(t, err)

	buf := append(make([]byte, 0, 64), "prefix:"...)
	got, err := p.AppendFile(buf, "notes.json")
	require.NoError(t, err)
	assert.Equal(t, `prefix:{"a":1}`, string(got))
	assert.Same(t, &buf[:1][0], &got[:1][0], "a buffer with room is used, not replaced")

	got, err = p.AppendFile(buf, "missing.json")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Equal(t, "prefix:", string(got), "dst comes back unchanged")
	b, err := p.ReadFile("missing.json")
	assert.NoError(t, err)
	assert.Nil(t, b)

	got, err = p.AppendFile(buf, "big.json")
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
	assert.Contains(t, err.Error(), "big.json")
	assert.Equal(t, "prefix:", string(got), "nothing of a file over the limit is kept")

	b, err = p.ReadFile("notes.json")
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(b))
	var nilPack *medsec.Pack
	_, err = nilPack.AppendFile(nil, "pack.json")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
