package i18n

import (
	"io/fs"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedLocalesDecode: every locale file of data/locales decodes
// strictly and declares the locale its name says. The default catalog
// does not read them: it uses their compiled tables, which
// TestLocaleTablesMatchFiles holds to what the files decode to.
func TestEmbeddedLocalesDecode(t *testing.T) {
	names, err := fs.Glob(localeFS, "data/locales/*.json")
	require.NoError(t, err)
	require.Len(t, names, 5)
	for _, name := range names {
		loc := Locale(strings.TrimSuffix(path.Base(name), ".json"))
		l, err := loadEmbeddedLocale(name, loc)
		require.NoError(t, err, name)
		assert.Equal(t, loc, l.conv.loc, name)
		assert.Equal(t, loc.Tag(), l.conv.tag, "the tag the catalog matches on before reading %s is the file's own", name)
		if loc != EN {
			assert.NotEmpty(t, l.msgs, name)
		}
	}
	_, err = loadEmbeddedLocale("data/locales/cs.json", VI)
	assert.ErrorIs(t, err, errInvalidData, "a file whose @locale tag is not its name")
	_, err = loadEmbeddedLocale("data/locales/xx.json", "xx")
	assert.Error(t, err)
}

// TestLocalesLoadOnFirstUse: a new default catalog loads no locale (a
// locale's load indexes its table); a Localizer loads its own locale
// only; Extend merges on first use, and concurrent first uses load a
// locale once.
func TestLocalesLoadOnFirstUse(t *testing.T) {
	c, err := loadDefaultCatalog()
	require.NoError(t, err)
	reads := map[Locale]*int{}
	for loc, l := range c.locales {
		n := new(int)
		reads[loc] = n
		load := l.load
		l.load = sync.OnceValue(func() *locale { *n++; return load() })
	}
	loc, _, _ := c.Match("vi-VN")
	assert.Equal(t, VI, loc, "matching reads no file")
	assert.Equal(t, "Tiếng Việt", c.LocaleName(VI))
	ext, err := c.Extend(CS, strings.NewReader(`{"app.hello": "Dobrý den"}`))
	require.NoError(t, err)
	for loc, n := range reads {
		want := 0
		if loc == VI {
			want = 1
		}
		assert.Equal(t, want, *n, "reads of %s", loc)
	}

	var wg sync.WaitGroup
	ls := make([]*Localizer, 8)
	for i := range ls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ls[i] = ext.Localizer(CS)
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, *reads[CS], "the Czech file is read once")
	for _, l := range ls {
		assert.Equal(t, "Dobrý den", l.Format(medsec.MessageTemplate{Key: "app.hello", Format: "Hello"}.New()))
	}
	assert.Equal(t, "ověřeno", c.Localizer(CS).Format(medsec.Verified.Message()), "the base catalog translates")
	assert.Equal(t, 1, *reads[CS], "the base catalog shares the read")
	assert.Zero(t, *reads[ZhHant])
}
