package grading

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
)

// A Grader grades systems and entities under the facts of one registry:
// the grading.json files of its packs (see the package documentation and
// law/README.md in the module). It is immutable and safe for concurrent
// use. The package-level functions ([MLPS], [Vietnam], [NIS2], [Czech],
// [MLPSTriggersFor], [VNApprovalFor], [VNAssessmentFor]) use the grader of
// [medsec.DefaultRegistry]; build your own with [New] to grade under a
// registry that holds packs of your own.
//
// A registry need not state every scheme: grading under a scheme whose
// facts no pack states is an error wrapping [medsec.ErrInvalidData]. The
// zero Grader states none; a nil *Grader returns errors, never panics.
type Grader struct {
	reg       *medsec.Registry
	mlps      *mlpsFacts
	vn        *vnFacts
	size      *sizeFacts
	nis2      *nis2Facts
	cz        *czFacts
	templates []medsec.MessageTemplate // of the data, sorted by key
}

// New reads grading.json from every pack of reg (the default registry if
// reg is nil) and returns a grader that applies those facts. The files are
// read strictly: unknown fields, duplicate keys, text that is not UTF-8,
// citations that do not resolve in reg, instruments and legal dates that
// reg does not hold, a scheme stated by two packs, levels out of range,
// messages whose English text takes the wrong number of arguments and
// facts without a confidence (or, below verified, without a note) are
// errors. They are reported together, at most 100, as [medsec.FieldErrors]
// that wrap [medsec.ErrInvalidData] and name the file ("cn/grading.json")
// and the JSON Pointer of the fact ("/mlps/editions/1/matrix/citizens").
func New(reg *medsec.Registry) (*Grader, error) {
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	return load(reg)
}

// defaultGrader is the grader of the default registry, built on first use.
var defaultGrader = sync.OnceValues(func() (*Grader, error) { return New(medsec.DefaultRegistry()) })

// Registry returns the registry whose facts g applies, or nil for a nil or
// zero Grader.
func (g *Grader) Registry() *medsec.Registry {
	if g == nil {
		return nil
	}
	return g.reg
}

// MessageTemplates returns the templates of every message g produces: the
// package's own (reasons' frames, level and class names, errors) and those
// of the facts of g's registry (criteria, floors, notes...), sorted by key,
// each key once.
func (g *Grader) MessageTemplates() []medsec.MessageTemplate {
	out := slices.Clone(templates[:])
	if g != nil {
		out = append(out, g.templates...)
	}
	slices.SortFunc(out, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(out, func(a, b medsec.MessageTemplate) bool { return a.Key == b.Key })
}

// MessageTemplates returns the templates of every message package grading
// produces under the default registry (reasons, level and class names,
// notes and errors), sorted by key, so that translators and package i18n
// can cover them all. See [Grader.MessageTemplates]; the reader of CSV
// inventories has its own, gradingio.MessageTemplates.
func MessageTemplates() []medsec.MessageTemplate {
	g, _ := defaultGrader()
	return g.MessageTemplates()
}

// errNilGrader is returned by the methods of a nil *Grader.
var errNilGrader = fmt.Errorf("grading: %w: the Grader is nil; build one with grading.New", medsec.ErrInvalidInput)

// noFacts returns the error of a scheme whose facts the registry lacks;
// member is the member of grading.json that states them.
func noFacts(s Scheme, member string) error {
	return fmt.Errorf("grading: %w: no pack of the registry states the %s facts: add a pack whose grading.json has %q", medsec.ErrInvalidData, s, member)
}
