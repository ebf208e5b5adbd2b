package i18n_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"golang.org/x/text/language"
)

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"zh-TW", "zh-CN,zh;q=0.9", "cs-CZ", "vi", "en-US;q=0.1", "", "*", "x-klingon", "zh-Hant-HK", "sr-Latn;q=0.5,,,", "de;q=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc, tag, conf := i18n.Match(s)
		if !loc.Valid() {
			t.Fatalf("Match(%q) gave invalid locale %v", s, loc)
		}
		if conf == language.No && loc != i18n.EN {
			t.Fatalf("Match(%q): no confidence but locale %v", s, loc)
		}
		_ = tag.String()
		if l, err := i18n.ParseLocale(s); err == nil && !l.Valid() {
			t.Fatalf("ParseLocale(%q) gave invalid locale", s)
		}
	})
}

// ownTags matches the markup the HTML renderer itself writes.
var ownTags = regexp.MustCompile(`</?(article|h1|p|strong|em|ol|ul|li|dl|dt|dd|hr)( class="[a-z0-9 -]+"| lang="[A-Za-z-]+")*>`)

// entity matches the escapes of html/template.
var entity = regexp.MustCompile(`&(amp|lt|gt|#34|#39|quot|#x[0-9a-fA-F]+|#[0-9]+);`)

func FuzzRenderHTML(f *testing.F) {
	for _, s := range []string{"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "a & b", "%s %d %!", "{Subject}", "**bold** [x](javascript:y)", "\x00\n\r", "Thanh Hóa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := sampleHoliday()
		d.Parent, d.Issuer, d.Symbol, d.Place, d.Signer.Name, d.Archive = s, s, s, s, s, s
		d.Tasks = append(d.Tasks, i18n.Lit(s))
		d.Recipients = []i18n.Text{i18n.Lit(s), i18n.Lit(s)}
		d.Contacts = []i18n.Contact{{Name: i18n.Lit(s), Phone: s, Email: s}}
		d.Basis = i18n.HolidayBasis(s, s, medsec.NewDate(2026, 1, 1), s)
		r := sampleIncident(i18n.NIS2FinalReport)
		r.Entity, r.To, r.Description = s, s, i18n.Lit(s)
		for _, n := range []i18n.Notice{d, r} {
			out, err := i18n.Render(n, i18n.VI, i18n.HTML)
			if err != nil {
				if s == "" || strings.TrimSpace(s) == "" {
					return
				}
				t.Fatal(err)
			}
			rest := entity.ReplaceAllString(ownTags.ReplaceAllString(out, ""), "")
			if i := strings.IndexAny(rest, "<>&\"'"); i >= 0 {
				t.Fatalf("unescaped %q in HTML output for input %q:\n%s", rest[i], s, out)
			}
			again, _ := i18n.Render(n, i18n.VI, i18n.HTML)
			if again != out {
				t.Fatal("output is not deterministic")
			}
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Fatal("valid input gave invalid UTF-8")
			}
		}
	})
}

func FuzzCatalogExtend(f *testing.F) {
	f.Add([]byte(`{"a.b": "x %s %[2]d"}`))
	f.Add([]byte(`{"a.b": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}}`))
	f.Add([]byte(`{"a.b": {"format": "%q"}}`))
	f.Add([]byte(`{"a": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := i18n.NewCatalog().Extend(i18n.CS, bytes.NewReader(data))
		if err != nil {
			return
		}
		l := c.Localizer(i18n.CS)
		for _, k := range c.Keys(i18n.CS) {
			for _, args := range [][]any{nil, {1}, {"x", 2.5, medsec.NewDate(2026, 2, 1)}, {medsec.Verified.Message(), -7}} {
				_ = l.Format(medsec.Message{Key: k, Format: "en", Args: args})
			}
		}
		_ = c.Check(nil)
	})
}

func FuzzParseTemplate(f *testing.F) {
	f.Add("head X\nline Số: {NumberSymbol}\nlist Tasks\nkv {@i18n.notice.incident.to} | {Recipient}\n")
	f.Add("line?Contacts {{x}} {Subject}\nparas Tasks\nblank\nrule\n")
	f.Fuzz(func(t *testing.T, src string) {
		tm, err := i18n.ParseTemplate(i18n.KindHoliday, src)
		if err != nil {
			return
		}
		ts := i18n.DefaultTemplates().With("", tm).With(i18n.CS, tm)
		for _, f := range []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML} {
			if _, err := ts.Render(i18n.NewLocalizer(i18n.CS), sampleHoliday(), f); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzAddLocale: no locale file makes AddLocale panic, and a locale it
// accepts renders dates, times, numbers and messages.
func FuzzAddLocale(f *testing.F) {
	// Small seeds: the fuzzer minimises each new input, which takes long
	// for a file the size of a full locale.
	for _, name := range []string{"testdata/locales/de.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"@locale": {"tag": "fr", "name": "français", "date": "{day} {month} {year}", "months": ["1","2","3","4","5","6","7","8","9","10","11","12"],
		"placeDate": "{place}, le {date}", "dateLine": "le {date}", "time": "{date} à {hour} h {minute} ({offset})",
		"number": {"group": " ", "decimal": ",", "minimumGroupingDigits": 1}, "quotes": ["« ", " »"], "listSeparator": " ; "},
		"a.b": {"plural": {"arg": 1, "one": "%d heure", "many": "%d d’heures", "other": "%d heures"}}}`))
	f.Add([]byte(`{"@locale": {"tag": "x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := i18n.DefaultCatalog().AddLocale(bytes.NewReader(data))
		if err != nil {
			return
		}
		locs := c.Locales()
		if len(locs) != len(i18n.Locales())+1 {
			t.Fatalf("AddLocale gave %v", locs)
		}
		for _, loc := range locs {
			l := c.Localizer(loc)
			_ = l.Date(medsec.NewDate(2026, 2, 9))
			_ = l.PlaceDate("X", medsec.NewDate(2026, 12, 31))
			_ = l.Time(time.Date(2026, 1, 5, 9, 7, 0, 0, time.FixedZone("X", -5*3600)))
			_ = l.Number(-1234567)
			_ = l.Decimal(1234.5)
			for _, k := range c.Keys(loc) {
				_ = l.Format(medsec.Message{Key: k, Format: "en", Args: []any{1, "x", 2.5, medsec.NewDate(2026, 2, 1)}})
			}
		}
		_ = c.Check(nil)
	})
}
