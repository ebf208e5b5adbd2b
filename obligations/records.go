package obligations

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// A Grade is one grading that [Records.Profile] made: of the institution
// under NIS2 or Czech law, or of one system under the MLPS or Vietnam's
// levels.
type Grade struct {
	// Subject is the ID of what was graded: the institution's for NIS2
	// and Czech grades, a system's for MLPS and Vietnamese ones.
	Subject string
	// Path is the JSON Pointer of the grading input in the records:
	// "/nis2", "/cz", "/systems/0/mlps" or "/systems/0/vn".
	Path string
	// Grade names the result: the entity class, the regime or the level.
	Grade medsec.Message
	// Result explains it: the scheme, the reasons with their citations
	// and the confidence.
	grading.Result
}

// Profile grades the records as of opts.AsOf and returns the [Profile]
// of the institution with its graded systems and its incidents, and the
// grades made, in the order of the records: NIS2, Czech, then each
// system's MLPS and Vietnamese grade. The NIS2 and Czech inputs name the
// institution when they name no entity of their own.
//
// g grades; nil means the default grader (grading's package functions),
// which reads the embedded law: give the grader of the registry your
// catalog uses. The records are not changed.
//
// Errors are [medsec.FieldErrors] whose paths point into the records
// document, as [DecodeRecords] reads it: a grading error at "/nis2/type" or
// "/systems/2/mlps/information/citizens", a profile error at
// "/institution/id" or "/systems/1/id".
func (r *Records) Profile(g *grading.Grader, opts grading.Options) (*Profile, []Grade, error) {
	if r == nil {
		return nil, nil, fmt.Errorf("obligations: invalid records: %w", medsec.FieldErrors{
			{Path: "", Rule: "required", Message: msgErrRequired.New("records")}})
	}
	gr := grader{g}
	inst := r.Institution.Clone()
	var grades []Grade
	if r.NIS2 != nil {
		in := *r.NIS2
		if in.Entity == "" {
			in.Entity = inst.Name
		}
		res, err := gr.nis2(in, opts)
		if err != nil {
			return nil, nil, under("/nis2", err)
		}
		inst.NIS2, inst.Size = res.Class, res.Size
		grades = append(grades, Grade{Subject: inst.ID, Path: "/nis2", Grade: res.Class.Message(), Result: res.Result})
	}
	if r.CZ != nil {
		in := *r.CZ
		if in.Entity == "" {
			in.Entity = inst.Name
		}
		res, err := gr.czech(in, opts)
		if err != nil {
			return nil, nil, under("/cz", err)
		}
		inst.CZ = res.Regime
		grades = append(grades, Grade{Subject: inst.ID, Path: "/cz", Grade: res.Regime.Message(), Result: res.Result})
	}
	inst.Systems = make([]grading.System, 0, len(r.Systems))
	for i, s := range r.Systems {
		at := "/systems/" + strconv.Itoa(i)
		var mlps grading.MLPSLevel
		var vn grading.VNLevel
		if s.MLPS != nil {
			in := *s.MLPS
			in.System = s.ID
			res, err := gr.mlps(in, opts)
			if err != nil {
				return nil, nil, under(at+"/mlps", err)
			}
			mlps = res.Level
			grades = append(grades, Grade{Subject: s.ID, Path: at + "/mlps", Grade: res.Level.Message(), Result: res.Result})
		}
		if s.VN != nil {
			in := *s.VN
			in.System = s.ID
			res, err := gr.vietnam(in, opts)
			if err != nil {
				return nil, nil, under(at+"/vn", err)
			}
			vn = res.Level
			grades = append(grades, Grade{Subject: s.ID, Path: at + "/vn", Grade: res.Level.Message(), Result: res.Result})
		}
		inst.Systems = append(inst.Systems, s.System(mlps, vn)) // with copies of its flags and events
	}
	p := &Profile{Institution: inst, Incidents: cloneIncidents(r.Incidents)}
	var reg *medsec.Registry
	if g != nil {
		reg = g.Registry()
	}
	if err := p.Validate(reg); err != nil {
		return nil, nil, under("", err)
	}
	return p, grades, nil
}

// grader is a [grading.Grader], or the package-level functions for nil.
type grader struct{ g *grading.Grader }

func (x grader) nis2(in grading.NIS2Input, o grading.Options) (grading.NIS2Result, error) {
	if x.g == nil {
		return grading.NIS2(in, o)
	}
	return x.g.NIS2(in, o)
}

func (x grader) czech(in grading.CZInput, o grading.Options) (grading.CZResult, error) {
	if x.g == nil {
		return grading.Czech(in, o)
	}
	return x.g.Czech(in, o)
}

func (x grader) mlps(in grading.MLPSInput, o grading.Options) (grading.MLPSResult, error) {
	if x.g == nil {
		return grading.MLPS(in, o)
	}
	return x.g.MLPS(in, o)
}

func (x grader) vietnam(in grading.VNInput, o grading.Options) (grading.VNResult, error) {
	if x.g == nil {
		return grading.Vietnam(in, o)
	}
	return x.g.Vietnam(in, o)
}

// cloneIncidents returns a copy of is, nil for none.
func cloneIncidents(is []Incident) []Incident {
	if len(is) == 0 {
		return nil
	}
	return append([]Incident(nil), is...)
}

// under returns err's field errors with their paths below prefix; the
// paths of a profile's systems ("/institution/systems/N") become those of
// the records, where the systems are a top-level list. Any other error is
// returned as it is.
func under(prefix string, err error) error {
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) {
		return err
	}
	out := make(medsec.FieldErrors, len(fes))
	for i, fe := range fes {
		c := *fe
		if rest, ok := strings.CutPrefix(c.Path, "/institution/systems/"); ok {
			c.Path = "/systems/" + rest
		}
		c.Path = prefix + c.Path
		out[i] = &c
	}
	return out
}
