package i18n_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/sample"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var formatExt = map[i18n.Format]string{i18n.PlainText: "txt", i18n.Markdown: "md", i18n.HTML: "html", i18n.HTMLFragment: "frag.html"}

// goldenNotice is a notice with the name of its golden files.
type goldenNotice struct {
	name string
	n    i18n.Notice
}

// goldenNotices returns the notices of the golden files: the sample of
// every kind, and the variants that show the rest of the layouts — the
// draft of seed 001 and a circular with every part of GB/T 9704.
func goldenNotices(loc i18n.Locale) []goldenNotice {
	var out []goldenNotice
	for _, n := range samples(loc) {
		out = append(out, goldenNotice{string(n.Kind()), n})
	}
	return append(out,
		goldenNotice{"holiday-draft", sample.HolidayDraft()},
		goldenNotice{"circular-full", sample.CircularFull()})
}

// TestGolden renders every notice kind in every locale and format and
// compares the result with testdata/golden/<kind>.<locale>.<ext>. The
// HTML files are the standalone documents; the fragment, which is the
// document's article, is checked by TestHTMLDocuments.
func TestGolden(t *testing.T) {
	for _, loc := range i18n.Locales() {
		for _, g := range goldenNotices(loc) {
			for _, f := range []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML} {
				name := g.name + "." + loc.String() + "." + formatExt[f]
				t.Run(name, func(t *testing.T) {
					got, err := i18n.Render(g.n, loc, f)
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
