package i18n_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/medsec-go/medsec/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var formatExt = map[i18n.Format]string{i18n.PlainText: "txt", i18n.Markdown: "md", i18n.HTML: "html"}

// TestGolden renders every notice kind in every locale and format and
// compares the result with testdata/golden/<kind>.<locale>.<ext>.
func TestGolden(t *testing.T) {
	for _, loc := range i18n.Locales() {
		for _, n := range samples(loc) {
			for _, f := range []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML} {
				name := string(n.Kind()) + "." + loc.String() + "." + formatExt[f]
				t.Run(name, func(t *testing.T) {
					got, err := i18n.Render(n, loc, f)
					require.NoError(t, err)
					path := filepath.Join("testdata", "golden", name)
					if *update {
						require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
						require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
						return
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "run go test -update to create the golden files")
					assert.Equal(t, string(want), got)
				})
			}
		}
	}
}
