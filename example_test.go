package medsec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/medsec-go/medsec"
)

func ExampleParseCitation() {
	c, err := medsec.ParseCitation("EU-NIS2 art. 21(2)(d)")
	if err != nil {
		panic(err)
	}
	a, _ := medsec.DefaultRegistry().Article(c)
	fmt.Println(c.Instrument, c.Article, c.Paragraph, c.Point)
	fmt.Println(a.Heading)

	_, err = medsec.ParseCitation("EU-NIS2 art. 99")
	fmt.Println(err)
	fmt.Println(errors.Is(err, medsec.ErrUnknownArticle))
	// Output:
	// EU-NIS2 21 2 d
	// Cybersecurity risk-management measures
	// medsec: unknown article "99" in EU-NIS2
	// true
}

func ExampleInForce() {
	day := medsec.NewDate(2025, 11, 1)
	for _, in := range medsec.InForce(day, medsec.CZ) {
		fmt.Printf("%s  %s  %s\n", in.ID, in.Number, in.InForce)
	}
	// Output:
	// CZ-VYH-408-2025  408/2025 Sb.  2025-11-01 – …
	// CZ-VYH-409-2025  409/2025 Sb.  2025-11-01 – …
	// CZ-VYH-410-2025  410/2025 Sb.  2025-11-01 – …
	// CZ-ZKB-264-2025  264/2025 Sb.  2025-11-01 – …
}

func ExampleLookup() {
	in, err := medsec.Lookup("CN-NHC-2022-29")
	if err != nil {
		panic(err)
	}
	a, _ := in.Article("4")
	fmt.Println(in.Number, in.Title)
	fmt.Println(in.TitleEN)
	fmt.Println("art. 4:", a.HeadingEN, "-", a.Confidence)
	// Output:
	// 国卫规划发〔2022〕29号 医疗卫生机构网络安全管理办法
	// Measures for the Network Security Management of Medical and Health Institutions
	// art. 4: Supervision; the institution's principal responsibility; written security duties and liability for breach with IT-construction participants and medical-device suppliers - verified
}

func ExampleRegistry_Confidence() {
	r := medsec.DefaultRegistry()
	for _, s := range []string{"CN-NHC-2022-29 art. 5", "CN-NHC-2022-29 art. 6", "CN-NHC-2022-29 art. 13"} {
		c, _ := medsec.ParseCitation(s)
		fmt.Println(c, "→", r.Confidence(c))
	}
	// Output:
	// CN-NHC-2022-29 art. 5 → verified
	// CN-NHC-2022-29 art. 6 → partial
	// CN-NHC-2022-29 art. 13 → unverified
}

func ExampleSpan_LastDay() {
	// Six months of log retention are six calendar months, not 180 days.
	// A month ends on the corresponding day of the last month, or on that
	// month's last day when it has none (EU Reg. 1182/71 art. 3(2)(c),
	// PRC Civil Code art. 202, CZ Civil Code § 605(2), VN Civil Code art. 148).
	six := medsec.Span{N: 6, Unit: medsec.Months}
	fmt.Println(six.LastDay(medsec.NewDate(2026, 5, 15)))
	fmt.Println(six.LastDay(medsec.NewDate(2026, 8, 31)))
	fmt.Println(medsec.Span{N: 1, Unit: medsec.Years}.LastDay(medsec.NewDate(2028, 2, 29)))
	// Working days skip weekends (public holidays are not modelled).
	fmt.Println(medsec.Span{N: 10, Unit: medsec.WorkingDays}.LastDay(medsec.NewDate(2023, 5, 1)))
	// Output:
	// 2026-11-15
	// 2027-02-28
	// 2029-02-28
	// 2023-05-15
}

func ExampleSpan_Deadline() {
	cet := time.FixedZone("CET", 3600)
	detected := time.Date(2026, 1, 30, 22, 40, 0, 0, cet)
	for _, s := range []medsec.Span{{N: 24, Unit: medsec.Hours}, {N: 1, Unit: medsec.Months}} {
		fmt.Println(s, "→", s.Deadline(detected).Format(time.DateTime))
	}
	// Output:
	// 24 hours → 2026-01-31 22:40:00
	// 1 month → 2026-02-28 23:59:59
}

func ExampleDate_End() {
	// A period whose last day is 15 April 2026 expires at 24:00 that day
	// where the event happened.
	hanoi := time.FixedZone("ICT", 7*3600)
	fmt.Println(medsec.NewDate(2026, 4, 15).End(hanoi).Format(time.RFC3339Nano))
	// Output: 2026-04-15T23:59:59.999999999+07:00
}

// The extent of an instrument says how large the real text is; Unheld
// lists the units the registry does not hold, which coverage reports show
// as the gap between medsec and the law.
func ExampleInstrument_Unheld() {
	in, err := medsec.Lookup("CN-CAC-2025-IR")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d units, complete: %t\n", len(in.Extent.Units()), in.Extent.Complete)
	fmt.Println("not held:", in.Unheld())

	act, _ := medsec.Lookup("CZ-ZKB-264-2025")
	fmt.Printf("%s: %d of at least %d sections held (%s)\n", act.ID, len(act.Articles), act.Extent.Articles, act.Extent.Confidence)
	// Output:
	// 15 units, complete: true
	// not held: [1 3 5 6 9 12 13 Annex 1]
	// CZ-ZKB-264-2025: 10 of at least 73 sections held (partial)
}

func ExampleRegistry_PeriodOf() {
	r := medsec.DefaultRegistry()
	p, err := r.PeriodOf("CZ-ZKB-264-2025")
	fmt.Println(p, err)
	fmt.Println(p.Contains(medsec.NewDate(2025, 10, 31)), p.Contains(medsec.NewDate(2025, 11, 1)))
	_, err = r.PeriodOf("XX-UNKNOWN")
	fmt.Println(errors.Is(err, medsec.ErrUnknownInstrument))
	// Output:
	// 2025-11-01 – … <nil>
	// false true
	// true
}

// A loader that reads one file of each pack can read them all into one
// buffer, decoding each before it reads the next.
func ExamplePack_AppendFile() {
	var buf []byte
	for _, p := range medsec.DefaultRegistry().Packs() {
		b, err := p.AppendFile(buf[:0], "incidents.json")
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Println(p.ID(), "states no incident rules")
			continue
		}
		if err != nil {
			panic(err)
		}
		buf = b
		var f struct {
			Rules []struct {
				ID string `json:"id"`
			} `json:"rules"`
		}
		if err := json.Unmarshal(buf, &f); err != nil {
			panic(err)
		}
		fmt.Println(p.ID(), "states", len(f.Rules), "incident rules, the first", f.Rules[0].ID)
	}
	// Output:
	// cn states 6 incident rules, the first CN-CAC-REPORT-CII-1H
	// core states no incident rules
	// cz states 7 incident rules, the first CZ-181-INCIDENT-WITHOUT-DELAY
	// enisa states no incident rules
	// eu states 6 incident rules, the first EU-NIS2-EARLY-WARNING-24H
	// mappings states no incident rules
	// vn states 6 incident rules, the first VN-INCIDENT-REPORT-5D-MIC
}
