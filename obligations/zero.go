package obligations

import (
	"fmt"

	"github.com/medsec-go/medsec"
)

// This file holds what makes zero values safe to use: a zero Item and a
// Report holding one.

// noEntry stands in for the duty of a zero Item. It is only read.
var noEntry = entry{duty: new(Duty)}

// entry returns the item's duty entry, or an empty one for a zero Item.
func (it *Item) entry() *entry {
	if it == nil || it.e == nil {
		return &noEntry
	}
	return it.e
}

// complete returns r, or, when r holds zero Items, a copy in which those
// read an empty duty, so that the writers never meet a missing duty.
func (r *Report) complete() *Report {
	if r == nil {
		return &Report{}
	}
	for i := range r.Items {
		if r.Items[i].e == nil {
			c := *r
			c.Items = make([]Item, len(r.Items))
			for j, it := range r.Items {
				it.e = it.entry()
				c.Items[j] = it
			}
			return &c
		}
	}
	return r
}

// errNilWriter is the error of the report writers for a nil io.Writer.
var errNilWriter = fmt.Errorf("obligations: writing a report: the io.Writer is nil: %w", medsec.ErrInvalidInput)
