package assist

import (
	"fmt"
	"io"
	"strconv"
)

// DefaultMaxBytes is the largest input [Decode] reads unless told
// otherwise: 8 MiB, room for thousands of offers.
const DefaultMaxBytes = 8 << 20

// A Document is the content of one JSON file: a list of offers, a list of
// needs, or the committee's description. A file holds exactly one of the
// three:
//
//	{"offers": [ {...}, {...} ]}
//	{"needs": [ {...} ]}
//	{"committee": {...}}
//
// [OffersSchema], [NeedsSchema] and [CommitteeSchema] describe the three
// forms for those who validate before they send.
type Document struct {
	Offers    []Offer    `json:"offers,omitempty"`    // the offers of an offers file
	Needs     []Need     `json:"needs,omitempty"`     // the needs of a needs file
	Committee *Committee `json:"committee,omitempty"` // the committee of a committee file
}

// A DecodeOption changes how [Decode] reads.
type DecodeOption func(*decodeConfig)

type decodeConfig struct{ maxBytes int64 }

// WithMaxBytes sets the largest input Decode accepts; n ≤ 0 means
// [DefaultMaxBytes].
func WithMaxBytes(n int64) DecodeOption {
	return func(c *decodeConfig) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// Decode reads one document from r strictly and validates it. Besides
// what [Offer.Validate], [Need.Validate] and [Committee.Validate] check,
// these are errors: input larger than the limit, invalid UTF-8, a
// byte-order mark, anything after the JSON value, duplicate keys, unknown
// fields, keys in the wrong case, values of the wrong JSON type, null,
// integers written with a fraction or an exponent, an empty string for an
// enumeration or a date, impossible dates, a file with none or more than
// one of "offers", "needs" and "committee", an empty or overlong list, and
// an ID used twice in the file.
//
// A problem with the data gives a [medsec.FieldErrors] (wrapping
// [medsec.ErrInvalidInput]) with every problem found, up to 100; each
// error's Path is a JSON Pointer such as "/offers/3/offerer/contact/email"
// ("" for the document as a whole). An error reading r is returned
// wrapped, as it is.
func Decode(r io.Reader, opts ...DecodeOption) (*Document, error) {
	cfg := decodeConfig{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&cfg)
	}
	data, err := io.ReadAll(io.LimitReader(r, cfg.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("assist: reading the document: %w", err)
	}
	if int64(len(data)) > cfg.maxBytes {
		var e errList
		e.add("", "size", "", msgErrTooLarge.New(cfg.maxBytes))
		return nil, e.err()
	}
	return DecodeBytes(data)
}

// DecodeBytes is [Decode] for a document already in memory; it applies
// no size limit of its own.
func DecodeBytes(data []byte) (*Document, error) {
	var d Document
	if err := strictUnmarshal(data, &d); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// Validate checks that d holds exactly one of offers, needs and a
// committee, validates each, and checks that no ID repeats. The errors
// are a [medsec.FieldErrors] with JSON Pointers into the document.
func (d *Document) Validate() error {
	var e errList
	n := 0
	if d.Offers != nil {
		n++
	}
	if d.Needs != nil {
		n++
	}
	if d.Committee != nil {
		n++
	}
	if n != 1 {
		e.add("", "one-of", "", msgErrDocument.New())
	}
	if d.Offers != nil {
		validateItems(&e, "/offers", d.Offers, 1, func(o *Offer, p string) string { o.validate(&e, p); return o.ID })
	}
	if d.Needs != nil {
		validateItems(&e, "/needs", d.Needs, 1, func(n *Need, p string) string { n.validate(&e, p); return n.ID })
	}
	if d.Committee != nil {
		d.Committee.validate(&e, "/committee")
	}
	return e.err()
}

// validateItems validates each item of a list of offers or needs, the
// list's length and the uniqueness of the IDs.
func validateItems[T any](e *errList, path string, items []T, min int, validate func(*T, string) string) {
	switch {
	case len(items) < min:
		e.add(path, "min-items", "", msgErrMinItems.New(min))
	case len(items) > maxItems:
		e.add(path, "max-items", "", msgErrMaxItems.New(maxItems))
		return
	}
	ids := make(map[string]int, len(items))
	for i := range items {
		p := path + "/" + strconv.Itoa(i)
		id := validate(&items[i], p)
		if id == "" {
			continue
		}
		if j, dup := ids[id]; dup {
			e.add(p+"/id", "unique", id, msgErrDuplicateID.New(id, j))
			continue
		}
		ids[id] = i
	}
}
