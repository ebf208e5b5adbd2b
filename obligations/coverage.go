package obligations

import (
	"slices"

	"github.com/medsec-go/medsec"
)

// ArticleCoverage says which duties cite one article.
type ArticleCoverage struct {
	// Article is the article's number and Effect what it creates.
	Article string
	Effect  medsec.Effect
	// Duties lists the IDs of the duties citing the article (any
	// paragraph or point of it), sorted.
	Duties []string
}

// Covered reports whether the article is accounted for: it creates
// obligations and a duty cites it, or it is marked as creating none.
// Articles whose text was not retrieved (effect unknown) are not covered.
func (a ArticleCoverage) Covered() bool {
	switch a.Effect {
	case medsec.EffectObligations:
		return len(a.Duties) > 0
	case medsec.EffectNone:
		return true
	}
	return false
}

// InstrumentCoverage is the coverage of one instrument by a catalog.
type InstrumentCoverage struct {
	// Instrument is the instrument's ID.
	Instrument string
	// Whole lists the duties citing the instrument as a whole (used where
	// the article number is not known), sorted.
	Whole []string
	// Articles lists every article of the instrument, in its order.
	Articles []ArticleCoverage
	// Unheld lists the units of the real instrument that the registry
	// does not hold ([medsec.Instrument.Unheld]): articles and annexes
	// known to exist whose text medsec has not recorded. It is empty when
	// the registry holds them all or does not record the instrument's
	// extent ([medsec.Instrument.Extent]); when the extent is not
	// Complete, the real gap may be larger.
	Unheld []string
	// Extent is the instrument's recorded extent; its zero value means
	// the real size is not recorded.
	Extent medsec.Extent
}

// Counts returns the number of articles mapped to duties, marked as
// creating none, not retrieved (effect unknown), and creating obligations
// without any duty (gaps).
func (ic InstrumentCoverage) Counts() (mapped, none, notRetrieved, gaps int) {
	for _, a := range ic.Articles {
		switch {
		case a.Effect == medsec.EffectUnknown:
			notRetrieved++
		case a.Effect == medsec.EffectNone:
			none++
		case len(a.Duties) > 0:
			mapped++
		default:
			gaps++
		}
	}
	return
}

// Coverage reports, for each instrument ID given (every instrument the
// catalog cites if none is given, sorted), which duties cite each article
// of the registry. An unknown ID gives an error wrapping
// [medsec.ErrUnknownInstrument].
func (c *Catalog) Coverage(ids ...string) ([]InstrumentCoverage, error) {
	if c == nil {
		c = &Catalog{}
	}
	if len(ids) == 0 {
		for _, e := range c.entries {
			for _, ct := range e.duty.Citations {
				if !slices.Contains(ids, ct.Instrument) {
					ids = append(ids, ct.Instrument)
				}
			}
		}
		slices.Sort(ids)
	}
	out := make([]InstrumentCoverage, 0, len(ids))
	for _, id := range ids {
		in, err := c.Registry().Lookup(id)
		if err != nil {
			return nil, err
		}
		ic := InstrumentCoverage{Instrument: id, Unheld: in.Unheld(), Extent: in.Extent}
		idx := map[string]int{}
		for _, a := range in.Articles {
			idx[a.Number] = len(ic.Articles)
			ic.Articles = append(ic.Articles, ArticleCoverage{Article: a.Number, Effect: a.Effect})
		}
		for _, e := range c.entries {
			d := e.duty
			for _, ct := range d.Citations {
				if ct.Instrument != id {
					continue
				}
				if ct.Article == "" {
					if !slices.Contains(ic.Whole, d.ID) {
						ic.Whole = append(ic.Whole, d.ID)
					}
					continue
				}
				a := &ic.Articles[idx[ct.Article]]
				if !slices.Contains(a.Duties, d.ID) {
					a.Duties = append(a.Duties, d.ID)
				}
			}
		}
		out = append(out, ic)
	}
	return out, nil
}
