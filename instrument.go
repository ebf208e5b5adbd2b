package medsec

import (
	"slices"
	"strconv"

	"github.com/medsec-go/medsec/internal/enum"
)

// An InstrumentKind is the legal form of an instrument.
type InstrumentKind uint8

// Instrument kinds. The zero value, KindUnknown, fails validation.
const (
	KindUnknown        InstrumentKind = iota
	KindLaw                           // an act of parliament (法律, luật, zákon)
	KindRegulation                    // a State Council regulation (行政法规)
	KindMeasures                      // departmental measures (办法, 部门规章)
	KindDecree                        // a government or ministerial decree (nghị định, vyhláška)
	KindCircular                      // a ministerial circular (thông tư)
	KindDecision                      // a decision (quyết định)
	KindDirective                     // an EU directive
	KindRecommendation                // an EU recommendation
	KindStandard                      // a national standard (GB/T, TCVN)
	KindGuidance                      // a ministry's guidance opinion (指导意见)
	KindGuideline                     // an agency's non-binding guidelines (ENISA)
	KindNotice                        // an official notice or dispatch
)

var kindNames = enum.Names{"unknown", "law", "regulation", "measures", "decree", "circular", "decision",
	"directive", "recommendation", "standard", "guidance", "guideline", "notice"}

// Valid reports whether k is a known kind.
func (k InstrumentKind) Valid() bool { return k > KindUnknown && int(k) < len(kindNames) }

// String returns the kind's lower-case name.
func (k InstrumentKind) String() string { return kindNames.String(uint8(k), "InstrumentKind") }

// MarshalText implements [encoding.TextMarshaler]; KindUnknown is an error.
func (k InstrumentKind) MarshalText() ([]byte, error) {
	return kindNames.Marshal("medsec", uint8(k), "instrument kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *InstrumentKind) UnmarshalText(b []byte) error {
	v, err := kindNames.Parse("medsec", b, "instrument kind")
	*k = InstrumentKind(v)
	return err
}

// An Effect says whether an article creates obligations for the regulated
// party. Coverage accounting in package obligations relies on it: an
// article that creates obligations must be mapped to a duty.
type Effect uint8

// Effects. The zero value, EffectUnset, fails validation: every article
// must say explicitly, even when the answer is EffectUnknown.
const (
	EffectUnset       Effect = iota
	EffectObligations        // the article creates obligations
	EffectNone               // principles, definitions, scope, supervision by authorities
	EffectUnknown            // the article's text was not retrieved; see the note
)

var effectNames = enum.Names{"", "obligations", "none", "unknown"}

// Valid reports whether e is set.
func (e Effect) Valid() bool { return e > EffectUnset && int(e) < len(effectNames) }

// String returns "obligations", "none", "unknown", or "Effect(0)" when unset.
func (e Effect) String() string { return effectNames.String(uint8(e), "Effect") }

// MarshalText implements [encoding.TextMarshaler]; EffectUnset is an error.
func (e Effect) MarshalText() ([]byte, error) {
	return effectNames.Marshal("medsec", uint8(e), "article effect")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Effect) UnmarshalText(b []byte) error {
	v, err := effectNames.Parse("medsec", b, "article effect")
	*e = Effect(v)
	return err
}

// An Article is one citable unit of an instrument: an article, an annex, a
// numbered clause of a standard, or a numbered good practice of a
// guideline.
type Article struct {
	// Number identifies the article within its instrument: "6", "21",
	// "5.3", "GP-21", or "Annex I".
	Number string `json:"number"`
	// Heading is the article's heading in the instrument's language. Many
	// instruments (Chinese measures, for one) give articles no headings;
	// there it is a short statement of the article's subject in that
	// language, and empty where the text was not retrieved.
	Heading string `json:"heading,omitempty"`
	// HeadingEN is the heading or subject in English.
	HeadingEN string `json:"headingEn,omitempty"`
	// Effect says whether the article creates obligations.
	Effect Effect `json:"effect"`
	// Confidence says how well the article's content is established.
	Confidence Confidence `json:"confidence"`
	// Note records what is unverified, conflicting or left out, and why.
	Note string `json:"note,omitempty"`
}

// An Instrument is a legal or normative text: a law, decree, circular,
// directive, standard or guideline. Instruments come from a [Registry].
type Instrument struct {
	// ID is the stable identifier used in citations, e.g. "CN-NHC-2022-29".
	ID           string         `json:"id"`
	Jurisdiction Jurisdiction   `json:"jurisdiction"` // whose law it is
	Kind         InstrumentKind `json:"kind"`         // its legal form
	// Number is the official number: "国卫规划发〔2022〕29号", "85/2016/NĐ-CP",
	// "(EU) 2022/2555", "264/2025 Sb.". Empty where the text has none.
	Number string `json:"number,omitempty"`
	// Title is the title in the original language; Language is its BCP 47
	// tag.
	Title    string `json:"title"`
	Language string `json:"language"`
	// TitleEN is an English title (official where one exists).
	TitleEN string `json:"titleEn"`
	// ShortTitle is the name by which citations name the instrument, as a
	// translatable [Message] without arguments: "NIS2 Directive", "Decree
	// 85/2016/NĐ-CP", "Cybersecurity Law" (key "medsec.instrument.<ID>" by
	// convention). Package i18n prints a citation to a reader with it, in
	// the reader's language ("Điều 21 Luật An ninh mạng"); an instrument
	// without one is named by its Number, else by its ID. A language that
	// puts the instrument after the article in another grammatical case
	// (Czech "§ 8 zákona č. 264/2025 Sb.") translates the key
	// "<key>.of" as well; see package i18n.
	ShortTitle Message `json:"shortTitle,omitzero"`
	// Issuer is the issuing body or bodies, in the original language.
	Issuer string `json:"issuer"`
	// Issued is the date of adoption or signature; zero when not known.
	Issued Date `json:"issued"`
	// InForce is the period in which the instrument applies.
	InForce Period `json:"inForce"`
	// Supersedes lists the IDs of instruments this one replaces.
	Supersedes []string `json:"supersedes,omitempty"`
	// Confidence says how well the metadata above is established.
	Confidence Confidence `json:"confidence"`
	// Note records unknown or conflicting facts and why they were left
	// empty.
	Note string `json:"note,omitempty"`
	// Sources lists where the facts come from.
	Sources []string `json:"sources,omitempty"`
	// Extent describes the real instrument's citable units, as far as they
	// are known, so that coverage accounting can show which of them the
	// registry does not hold ([Instrument.Unheld]). It is optional: the
	// zero Extent means the real size is not recorded.
	Extent Extent `json:"extent,omitzero"`
	// Articles are the instrument's citable units that medsec knows of.
	Articles []Article `json:"articles,omitempty"`
}

// An Extent says which citable units the real instrument has: the articles
// numbered 1 to Articles, and the Other units (annexes, articles inserted
// outside the plain numbering). Complete says whether that is the whole
// instrument or only the part known to exist.
//
// A registry checks an Extent strictly: it lists at least one unit, no unit
// twice, every article the instrument holds is one of its units, and its
// confidence is stated, with a note when it is less than verified or the
// extent is not complete.
type Extent struct {
	// Articles is the number of articles, numbered "1" to Articles as
	// [Article.Number] writes them (sections "§ N" of Czech acts, "Điều N"
	// of Vietnamese ones). At most [MaxInstrumentListLen].
	Articles int `json:"articles"`
	// Other lists the units outside that numbering: annexes ("Annex I",
	// "Annex 2") and inserted articles ("12a"), in the instrument's order.
	Other []string `json:"other,omitempty"`
	// Complete reports whether the units above are the whole instrument.
	// When false they are a lower bound: the units known to exist, and the
	// note says what was not established.
	Complete bool `json:"complete"`
	// Confidence says how well the extent is established; Note says what is
	// not, and why.
	Confidence Confidence `json:"confidence"`
	Note       string     `json:"note,omitempty"`
}

// IsZero reports whether e states nothing: the instrument's real size is
// not recorded.
func (e Extent) IsZero() bool {
	return e.Articles == 0 && len(e.Other) == 0 && !e.Complete && e.Confidence == ConfidenceUnknown && e.Note == ""
}

// Units returns the numbers of the units e lists: "1" to the number of
// articles, then the other units. A zero Extent has none.
func (e Extent) Units() []string {
	if e.Articles < 0 || e.Articles > MaxInstrumentListLen {
		return slices.Clone(e.Other)
	}
	out := make([]string, 0, e.Articles+len(e.Other))
	for n := 1; n <= e.Articles; n++ {
		out = append(out, strconv.Itoa(n))
	}
	return append(out, e.Other...)
}

// has reports whether number is one of e's units.
func (e Extent) has(number string) bool {
	if n, err := strconv.Atoi(number); err == nil && strconv.Itoa(n) == number && n >= 1 && n <= e.Articles {
		return true
	}
	return slices.Contains(e.Other, number)
}

// Unheld returns, in the order of [Extent.Units], the units of the real
// instrument that in does not hold as articles: the gap between the
// registry and the law. It is nil when the extent is not recorded; when
// the extent is not complete ([Extent.Complete]), the real gap may be
// larger.
func (in Instrument) Unheld() []string {
	units := in.Extent.Units()
	if len(units) == 0 {
		return nil
	}
	held := make(map[string]bool, len(in.Articles))
	for _, a := range in.Articles {
		held[a.Number] = true
	}
	var out []string
	for _, u := range units {
		if !held[u] {
			out = append(out, u)
		}
	}
	return out
}

// InForceOn reports whether the instrument applies on d.
func (in Instrument) InForceOn(d Date) bool { return in.InForce.Contains(d) }

// Article returns the article with the given number.
func (in Instrument) Article(number string) (Article, bool) {
	for _, a := range in.Articles {
		if a.Number == number {
			return a, true
		}
	}
	return Article{}, false
}

// Cite returns the citation of article number of in (empty for the whole
// instrument).
func (in Instrument) Cite(number string, paraPoint ...string) Citation {
	return Cite(in.ID, number, paraPoint...)
}

func (in Instrument) clone() Instrument {
	in.ShortTitle.Args = slices.Clone(in.ShortTitle.Args)
	in.Supersedes = slices.Clone(in.Supersedes)
	in.Sources = slices.Clone(in.Sources)
	in.Articles = slices.Clone(in.Articles)
	in.Extent.Other = slices.Clone(in.Extent.Other)
	return in
}
