package assist

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/medsec-go/medsec/i18n"
)

func BenchmarkMatchSample(b *testing.B) {
	offers, needs := sampleOffers(b), sampleNeeds(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Match(offers, needs, Options{AsOf: sampleAsOf}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchLarge matches a national-scale register: 1,000 offers
// and 2,000 needs, built by repeating the samples with new IDs.
func BenchmarkMatchLarge(b *testing.B) {
	so, sn := sampleOffers(b), sampleNeeds(b)
	var offers []Offer
	for i := 0; len(offers) < 1000; i++ {
		o := so[i%len(so)].clone()
		o.ID = fmt.Sprintf("O-%05d", i)
		offers = append(offers, o)
	}
	var needs []Need
	for i := 0; len(needs) < 2000; i++ {
		n := sn[i%len(sn)]
		n.ID = fmt.Sprintf("N-%05d", i)
		needs = append(needs, n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Match(offers, needs, Options{AsOf: sampleAsOf}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeOffers(b *testing.B) {
	data, err := os.ReadFile("testdata/offers.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderCatalogue(b *testing.B) {
	c := sampleCatalogue(b)
	for _, f := range formats {
		b.Run(formatExt[f], func(b *testing.B) {
			l := i18n.NewLocalizer(i18n.CS)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Render(CatalogueNotice, l, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
