package obligations

import (
	"fmt"

	"github.com/medsec-go/medsec"
)

// This file holds what makes zero values safe to use: a zero Item, a
// Report holding one, and a zero Catalog (review finding F8).

// noDuty stands in for the duty of a zero Item. It is only read.
var noDuty Duty

// duty returns the item's duty, or an empty duty for a zero Item.
func (it *Item) duty() *Duty {
	if it.d == nil {
		return &noDuty
	}
	return it.d
}

// complete returns r, or, when r holds zero Items, a copy in which those
// read an empty duty, so that the writers never meet a missing duty.
func (r *Report) complete() *Report {
	for i := range r.Items {
		if r.Items[i].d == nil {
			c := *r
			c.Items = make([]Item, len(r.Items))
			for j, it := range r.Items {
				it.d = it.duty()
				c.Items[j] = it
			}
			return &c
		}
	}
	return r
}

// errNilWriter is the error of the report writers for a nil io.Writer.
var errNilWriter = fmt.Errorf("obligations: writing a report: the io.Writer is nil: %w", medsec.ErrInvalidInput)

// registry returns the catalog's registry; a zero Catalog uses the
// default registry.
func (c *Catalog) registry() *medsec.Registry {
	if c.reg == nil {
		return medsec.DefaultRegistry()
	}
	return c.reg
}
