package i18n

import (
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// BenchmarkLocalize renders a Czech message with a plural count and a
// nested translated message.
func BenchmarkLocalize(b *testing.B) {
	c, err := DefaultCatalog().Extend(CS, stringsReader(`{"bench.report": {"plural": {"arg": 2, "one": "%s: hlášení do %d hodiny", "few": "%s: hlášení do %d hodin", "many": "%s: hlášení do %d hodiny", "other": "%s: hlášení do %d hodin"}}}`))
	if err != nil {
		b.Fatal(err)
	}
	l := c.Localizer(CS)
	m := medsec.Message{Key: "bench.report", Format: "%s: report within %d hours",
		Args: []any{medsec.Verified.Message(), 24}}
	b.ReportAllocs()
	for b.Loop() {
		_ = l.Format(m)
	}
}

// BenchmarkXTextSprintf is the baseline: the same message through
// golang.org/x/text/message with a plural-selected catalog entry.
func BenchmarkXTextSprintf(b *testing.B) {
	cat := catalog.NewBuilder()
	_ = cat.Set(language.Czech, "%s: report within %d hours",
		plural_Selectf(2))
	p := message.NewPrinter(language.Czech, message.Catalog(cat))
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Sprintf("%s: report within %d hours", "ověřeno", 24)
	}
}

// BenchmarkDeadlines lists the deadlines of a NIS2, a Vietnamese and a
// Chinese report, each giving one.
func BenchmarkDeadlines(b *testing.B) {
	cet := time.FixedZone("CET", 3600)
	reports := []IncidentReport{
		{Stage: NIS2FinalReport, Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, cet),
			Facts: medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"}},
		{Stage: VNInitialReport, Detected: time.Date(2026, 2, 14, 8, 5, 0, 0, cet), ResponseEnded: time.Date(2026, 2, 16, 17, 0, 0, 0, cet)},
		{Stage: CNReport, Detected: time.Date(2026, 5, 4, 13, 0, 0, 0, cet), Operator: CNOtherOperator,
			Facts: medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if len(Deadlines(reports[i%len(reports)])) != 1 {
			b.Fatal("want one deadline")
		}
	}
}

// BenchmarkFirstUseCatalog: what the first use of the default catalog
// costs. "catalog" lists the embedded locales (DefaultCatalog); "table/<locale>"
// is the first use of a locale, which indexes its compiled table; and
// "file/<locale>" decodes the locale's file, checking every format and
// convention, as a locale that a user adds is read.
func BenchmarkFirstUseCatalog(b *testing.B) {
	b.Run("catalog", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := loadDefaultCatalog(); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, t := range localeTables {
		b.Run("table/"+t.conv.Tag, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t.locale()
			}
		})
	}
	for _, loc := range Locales() {
		b.Run("file/"+string(loc), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadEmbeddedLocale("data/locales/"+string(loc)+".json", loc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDefaultTemplates: parsing the embedded notice layouts, which
// DefaultTemplates does once, on first use.
func BenchmarkDefaultTemplates(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadDefaultTemplates(); err != nil {
			b.Fatal(err)
		}
	}
}
