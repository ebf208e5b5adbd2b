// Package enum implements the text form shared by medsec's small
// enumerations, the root package's included: it imports only the standard
// library and internal/errs. Each value is an index into a list of names
// whose entry 0 belongs to the zero value ("unknown"): it has a String form
// but neither marshals nor parses, so a forgotten field fails loudly
// instead of passing as a real value.
package enum

import (
	"fmt"
	"strings"

	"github.com/medsec-go/medsec/internal/errs"
)

// Names lists the text forms of an enumeration, indexed by value; entry 0
// is the zero value's.
type Names []string

// String returns the name of v, or "typ(v)" when v has no name.
func (n Names) String(v uint8, typ string) string {
	if int(v) < len(n) && n[v] != "" {
		return n[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// Marshal returns the name of v. The zero value and values out of range
// are an error, prefixed with pkg and naming what the value is.
func (n Names) Marshal(pkg string, v uint8, what string) ([]byte, error) {
	if v == 0 || int(v) >= len(n) {
		return nil, fmt.Errorf("%s: %s %d is not set (want one of %s): %w", pkg, what, v, n.choices(), errs.ErrInvalidInput)
	}
	return []byte(n[v]), nil
}

// Parse returns the value named b. The zero value's name and unknown names
// are an error, prefixed with pkg, that lists the valid names.
func (n Names) Parse(pkg string, b []byte, what string) (uint8, error) {
	for i := 1; i < len(n); i++ {
		if n[i] == string(b) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%s: invalid %s %q (want one of %s): %w", pkg, what, b, n.choices(), errs.ErrInvalidInput)
}

func (n Names) choices() string {
	if len(n) < 2 {
		return "nothing"
	}
	return strings.Join(n[1:], ", ")
}
