package oscal

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/oscaltest"
	"github.com/medsec-go/medsec/obligations"
)

// FuzzWriteResults writes the assessment results and plan of action of
// institutions whose IDs, names, references and time zone come from the
// fuzzer. Either the writer refuses with field errors that name the field,
// or the documents are valid JSON whose values OSCAL accepts, whose
// references resolve, and (where NIST's schema is at hand) which validate.
func FuzzWriteResults(f *testing.F) {
	f.Add("H1", "City Hospital", "HIS", "Hospital information system", "REF-1", "INC-1", int16(480), uint8(3))
	f.Add("h:1", "# <b>x</b>\n- [a](b)", "S 1", "", "*ref*\x1b[31m", "i\u202e", int16(-725), uint8(1))
	f.Add(" H", "", "HIS\n", "x", "", "", int16(345), uint8(5))
	f.Add("中文医院", "示例医院", "系统", "系统名", "院发〔2022〕41号", "事件", int16(0), uint8(2))
	c := obligations.DefaultCatalog()
	f.Fuzz(func(t *testing.T, inst, name, sys, sysName, ref, inc string, offMin int16, level uint8) {
		zone := time.FixedZone("Z", int(offMin)%(15*60)*60)
		at := time.Date(2026, 11, 22, 9, 0, 0, 0, zone)
		p := obligations.Profile{Institution: grading.Institution{ID: inst, Name: name, Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Flags: []medsec.Flag{"personal-data"},
			Systems: []grading.System{{ID: sys, Name: sysName, MLPS: grading.MLPSLevel(1 + level%5)}}}}
		if inc != "" {
			p.Incidents = []obligations.Incident{{ID: inc, System: sys, Detected: at.Add(-5 * time.Hour), CNGrade: obligations.CNGradeMajor}}
		}
		var ev []obligations.Evidence
		if ref != "" {
			ev = append(ev, obligations.Evidence{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: medsec.DateOf(at).AddDays(-30), Reference: ref})
		}
		r, err := c.GapReport(&p, ev, obligations.Options{AsOf: medsec.DateOf(at), Now: at})
		if err != nil {
			return // not a valid profile: package obligations' concern
		}
		for _, w := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &p, at, Options{}) },
			func(b *bytes.Buffer) error { return WritePOAM(b, r, &p, at, Options{}) },
		} {
			var b bytes.Buffer
			err := w(&b)
			if errors.Is(err, ErrNothingToPlan) {
				continue
			}
			if err != nil {
				var fes medsec.FieldErrors
				if !errors.As(err, &fes) || !errors.Is(err, medsec.ErrInvalidInput) {
					t.Fatalf("want field errors, got %v", err)
				}
				for _, fe := range fes {
					if !strings.HasPrefix(fe.Path, "/") {
						t.Fatalf("path %q", fe.Path)
					}
				}
				if b.Len() != 0 {
					t.Fatal("an error wrote output")
				}
				continue
			}
			d, err := oscaltest.Parse("doc", b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if probs := oscaltest.Rules([]*oscaltest.Doc{d}, Namespace); len(probs) > 0 {
				t.Fatal(strings.Join(probs, "\n"))
			}
			if oscaltest.Available() {
				if err := oscaltest.Validate(t, b.Bytes()); err != nil {
					t.Fatalf("%v\n%s", err, b.Bytes())
				}
			}
		}
	})
}
