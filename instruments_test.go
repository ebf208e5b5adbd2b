package medsec_test

import (
	"fmt"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// article returns article n of instrument id of the embedded registry.
func article(t *testing.T, id, n string) medsec.Article {
	t.Helper()
	a, err := medsec.DefaultRegistry().Article(medsec.Cite(id, n))
	require.NoError(t, err, "%s art. %s", id, n)
	return a
}

// TestNIS2AllArticles pins issue 14's registry of NIS2: all 46 articles and
// Annexes I-III, with the official titles (two reproductions of the
// EUR-Lex text agree); only Arts. 3 (registration data, 3(4)), 20, 21 and
// 23 create duties for a health entity; Art. 29 is unknown (its paragraph
// 4 was not read).
func TestNIS2AllArticles(t *testing.T) {
	in, err := medsec.Lookup("EU-NIS2")
	require.NoError(t, err)
	require.Len(t, in.Articles, 49)
	var duties []string
	for i, a := range in.Articles[:46] {
		assert.Equal(t, fmt.Sprint(i+1), a.Number)
		assert.NotEmpty(t, a.Heading, a.Number)
		assert.NotEmpty(t, a.HeadingEN, a.Number)
		if a.Effect == medsec.EffectObligations {
			duties = append(duties, a.Number)
		}
	}
	assert.Equal(t, []string{"3", "20", "21", "23"}, duties)
	for n, heading := range map[string]string{
		"3": "Essential and important entities", "23": "Reporting obligations", "29": "Cybersecurity information-sharing arrangements",
		"42": "Amendment of Regulation (EU) No 910/2014", "46": "Addressees", "Annex III": "Correlation table",
	} {
		assert.Equal(t, heading, article(t, "EU-NIS2", n).Heading, n)
	}
	a3 := article(t, "EU-NIS2", "3")
	assert.Contains(t, a3.HeadingEN, "within two weeks")
	a29 := article(t, "EU-NIS2", "29")
	assert.Equal(t, medsec.EffectUnknown, a29.Effect)
	assert.Contains(t, a29.Note, "Paragraph 4")
	// The Art. 2 note no longer says the size-independent cases are
	// recollection: they were read.
	a2 := article(t, "EU-NIS2", "2")
	assert.NotContains(t, a2.Note, "recollection")
	assert.Contains(t, a2.Note, "public safety, security or health")
}

// TestCzechDecreesFromTheirText pins the decrees' metadata and sections as
// read (issue 14): both dated 26 September 2025 (official collection);
// 409 § 5 is "Stanovení bezpečnostních rolí" (four roles), 410 § 4 is
// "Požadavky na vrcholné vedení".
func TestCzechDecreesFromTheirText(t *testing.T) {
	reg := medsec.DefaultRegistry()
	for _, id := range []string{"CZ-VYH-409-2025", "CZ-VYH-410-2025"} {
		in, err := reg.Lookup(id)
		require.NoError(t, err)
		assert.Equal(t, "2025-09-26", in.Issued.String(), id)
		assert.Equal(t, medsec.Verified, in.Confidence, id)
		assert.NotContains(t, in.Note, "recollection", id)
	}
	a5 := article(t, "CZ-VYH-409-2025", "5")
	assert.Equal(t, "Stanovení bezpečnostních rolí", a5.Heading)
	assert.Contains(t, a5.HeadingEN, "asset guarantor")
	assert.Equal(t, medsec.Partial, a5.Confidence)
	assert.Equal(t, medsec.Verified, article(t, "CZ-VYH-409-2025", "22").Confidence, "18-month log retention: two reproductions agree")
	assert.Equal(t, medsec.EffectUnknown, article(t, "CZ-VYH-409-2025", "20").Effect, "§ 20's text is not in the reproduction")
	assert.Equal(t, medsec.EffectUnknown, article(t, "CZ-VYH-409-2025", "Annex 6").Effect, "no annex was read")

	a4 := article(t, "CZ-VYH-410-2025", "4")
	assert.Equal(t, "Požadavky na vrcholné vedení", a4.Heading)
	assert.Equal(t, medsec.Verified, a4.Confidence)
	for n := 3; n <= 14; n++ {
		a := article(t, "CZ-VYH-410-2025", fmt.Sprint(n))
		assert.Equal(t, medsec.EffectObligations, a.Effect, "410 § %d", n)
		assert.Equal(t, medsec.Verified, a.Confidence, "410 § %d", n)
	}
	for n := 3; n <= 27; n++ {
		a := article(t, "CZ-VYH-409-2025", fmt.Sprint(n))
		assert.NotEmpty(t, a.Heading, "409 § %d", n)
		if n != 20 {
			assert.Equal(t, medsec.EffectObligations, a.Effect, "409 § %d", n)
		}
	}
}

// TestAct264Sections pins what issue 14 established of Act 264/2025: the
// act's own date (11 June 2025; the President signed on 26 June) and the
// reporting sections §§ 15-16 (partial: headings and references only).
func TestAct264Sections(t *testing.T) {
	in, err := medsec.Lookup("CZ-ZKB-264-2025")
	require.NoError(t, err)
	assert.Equal(t, "2025-06-11", in.Issued.String())
	assert.Contains(t, in.Note, "2025-06-26", "the signature date stays in the note")
	for n, heading := range map[string]string{
		"13": "Bezpečnostní opatření", "15": "Hlášení kybernetických bezpečnostních incidentů",
		"16": "Postup hlášení kybernetických bezpečnostních incidentů",
	} {
		a := article(t, "CZ-ZKB-264-2025", n)
		assert.Equal(t, heading, a.Heading, n)
		assert.Equal(t, medsec.EffectObligations, a.Effect, n)
		assert.Equal(t, medsec.Partial, a.Confidence, n)
	}
	assert.Equal(t, medsec.EffectObligations, article(t, "CZ-ZKB-264-2025", "6").Effect, "notification of a regulated service")
}

// TestCACArticle8AndCircular31 pins CAC 2025 art. 8 (summary report within 30 days after
// handling ends) and Circular 31 art. 5 (monitoring for level 3 and above).
func TestCACArticle8AndCircular31(t *testing.T) {
	a8 := article(t, "CN-CAC-2025-IR", "8")
	assert.Equal(t, medsec.EffectObligations, a8.Effect)
	assert.Contains(t, a8.Heading, "30日内")
	assert.Equal(t, medsec.Verified, a8.Confidence)

	a5 := article(t, "VN-TT-31-2017", "5")
	for _, s := range []string{"daily report", "weekly report", "30 days", "six months"} {
		assert.Contains(t, a5.HeadingEN, s)
	}
	for _, n := range []string{"7", "14"} {
		assert.Equal(t, medsec.EffectObligations, article(t, "VN-TT-31-2017", n).Effect, n)
	}
}
