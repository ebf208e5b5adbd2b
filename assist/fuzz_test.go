package assist

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// FuzzDecode: Decode never panics; it accepts only what validates and
// what survives a round trip through encoding/json, and it rejects with
// field errors wrapping ErrInvalidInput, at most 100, with JSON Pointers.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	invalid, _ := filepath.Glob("testdata/invalid/*.json")
	for _, name := range append(files, invalid...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := DecodeBytes(data)
		if err != nil {
			var fes medsec.FieldErrors
			if !errors.As(err, &fes) || !errors.Is(err, medsec.ErrInvalidInput) {
				t.Fatalf("not field errors: %v", err)
			}
			if len(fes) == 0 || len(fes) > maxErrors {
				t.Fatalf("%d errors", len(fes))
			}
			for _, fe := range fes {
				if fe.Path != "" && !strings.HasPrefix(fe.Path, "/") {
					t.Fatalf("path %q is not a JSON Pointer", fe.Path)
				}
				if fe.Message.IsZero() {
					t.Fatalf("no message at %q", fe.Path)
				}
			}
			return
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("accepted but invalid: %v", err)
		}
		again, err := json.Marshal(doc)
		if err != nil {
			t.Fatalf("accepted but does not marshal: %v", err)
		}
		doc2, err := DecodeBytes(again)
		if err != nil {
			t.Fatalf("round trip: %v\n%s", err, again)
		}
		again2, _ := json.Marshal(doc2)
		if string(again) != string(again2) {
			t.Fatalf("round trip changed the document:\n%s\n%s", again, again2)
		}
	})
}

// FuzzRender: whatever text the fields hold, a catalogue that validates
// renders in every format without raw markup, links or control
// characters from the data.
func FuzzRender(f *testing.F) {
	f.Add("Firma s.r.o.", "Jan Novák", "pozn.", "V Praze")
	f.Add("# <script>x</script>", "- a | b", "1. [x](y) ![i](j) `c` ~~s~~ \\", "> q")
	f.Add("a\u202eb", "x\ny", "\u0000", "===")
	f.Fuzz(func(t *testing.T, name, contact, note, place string) {
		cm := Committee{
			Name: Name{Text: "Výbor", Lang: "cs"}, Parent: Name{Text: "Ministerstvo", Lang: "cs"},
			Email: "kb@example.cz", Place: Name{Text: place, Lang: "cs"}, CatalogueURL: "https://example.cz/k",
		}
		o := Offer{
			ID:       "O-1",
			Offerer:  Offerer{Kind: Organisation, Name: name, Country: "CZ", Contact: Contact{Name: contact, Email: "a@example.cz"}},
			Services: []Service{Recovery}, Terms: ProBono, Capacity: Capacity{Engagements: 1},
			Modes: []Mode{Remote}, Languages: []Language{"cs"}, Valid: Validity{From: medsec.NewDate(2026, 1, 1)}, Note: note,
		}
		c, err := NewCatalogue(cm, medsec.NewDate(2026, 3, 20), []Offer{o})
		if err != nil {
			return
		}
		for _, k := range NoticeKinds() {
			l := i18n.NewLocalizer(i18n.CS)
			html, err := c.Render(k, l, i18n.HTML)
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"<script", "<b>", "href=\"javascript"} {
				if strings.Contains(strings.ToLower(html), bad) && !strings.Contains(cm.CatalogueURL, bad) {
					t.Fatalf("HTML holds %q", bad)
				}
			}
			md, err := c.Render(k, l, i18n.Markdown)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(md, "\n") {
				if line == "" {
					continue
				}
				switch {
				case strings.HasPrefix(line, "# "), strings.HasPrefix(line, "## "), strings.HasPrefix(line, "### "),
					strings.HasPrefix(line, "- "), strings.HasPrefix(line, "**"), strings.HasPrefix(line, "*"),
					strings.HasPrefix(line, "["):
				default:
					if strings.ContainsAny(line[:1], "#>-+=|`<") {
						t.Fatalf("a line starts with a block marker: %q", line)
					}
				}
			}
			text, err := c.Render(k, l, i18n.PlainText)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range text {
				if unicode.IsControl(r) && r != '\n' || r == 0x202e {
					t.Fatalf("control character %U in text", r)
				}
			}
		}
	})
}

// FuzzMatch: any needs file that decodes can be matched against the sample
// offers, and the result keeps every invariant.
func FuzzMatch(f *testing.F) {
	data, err := os.ReadFile("testdata/needs.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"needs": [{"id": "N", "provider": {"id": "P", "name": "H", "type": "hospital", "region": "CZ-10"}, "situation": "under-attack", "reported": "2026-03-01", "requests": [{"service": "monitoring", "personDays": 90}], "modes": ["remote"], "contact": {"email": "a@example.cz"}}]}`))
	offers := sampleOffers(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := DecodeBytes(data)
		if err != nil || doc.Needs == nil {
			return
		}
		r, err := Match(offers, doc.Needs, Options{AsOf: sampleAsOf})
		if err != nil {
			t.Fatalf("decoded needs do not match: %v", err)
		}
		checkInvariants(t, offers, doc.Needs, r)
	})
}
