package medsec_test

import (
	"errors"
	"fmt"

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

func ExampleDate_AddDate() {
	// Six calendar months, not 180 days. Like time.Time.AddDate, a day
	// that does not exist in the target month overflows into the next.
	fmt.Println(medsec.NewDate(2026, 5, 15).AddDate(0, 6, 0))
	fmt.Println(medsec.NewDate(2026, 8, 31).AddDate(0, 6, 0))
	// Output:
	// 2026-11-15
	// 2027-03-03
}
