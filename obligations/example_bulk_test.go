package obligations_test

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

// hospitals yields n small Chinese hospitals, a new value each time.
func hospitals(n int) iter.Seq[obligations.PortfolioEntry] {
	return func(yield func(obligations.PortfolioEntry) bool) {
		for i := range n {
			p := &obligations.Profile{Institution: grading.Institution{ID: fmt.Sprintf("H%d", i+1),
				Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
				Systems: []grading.System{{ID: "HIS", MLPS: grading.MLPSLevel(1 + i%3)}}}}
			if !yield(obligations.PortfolioEntry{Profile: p}) {
				return
			}
		}
	}
}

// The gap reports of many institutions, one line of JSON each, written
// by two workers in the order of the input.
func ExampleCatalog_WriteJSONLines() {
	c := obligations.DefaultCatalog()
	var out bytes.Buffer
	st, err := c.WriteJSONLines(&out, hospitals(3), obligations.BulkOptions{
		Options: obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)},
		Workers: 2,
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d reports, %d items\n", st.Reports, st.Items)
	for line := range strings.Lines(out.String()) {
		r, err := c.DecodeReport(strings.NewReader(line))
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %d items, %d missing evidence\n", r.Institution, len(r.Items), r.Total(obligations.StatusMissing))
	}
	// Output:
	// 3 reports, 65 items
	// H1: 16 items, 14 missing evidence
	// H2: 23 items, 21 missing evidence
	// H3: 26 items, 24 missing evidence
}

// An iterator of gap reports: only what the loop keeps stays in memory.
func ExampleCatalog_GapReports() {
	entries := func(yield func(obligations.PortfolioEntry) bool) {
		for en := range hospitals(3) {
			if !yield(en) {
				return
			}
		}
		yield(obligations.PortfolioEntry{}) // no profile: an error
	}
	missing := 0
	for r, err := range obligations.DefaultCatalog().GapReports(entries, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		missing += r.Total(obligations.StatusMissing)
	}
	fmt.Println("missing evidence:", missing)
	// Output:
	// obligations: entry 3 (institution ""): /profile: profile is missing: give a value
	// missing evidence: 59
}

// A report written as JSON reads back into the same report.
func ExampleCatalog_DecodeReport() {
	c := obligations.DefaultCatalog()
	p := obligations.Profile{Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
		Type: grading.TypeHospital, Systems: []grading.System{{ID: "HIS", MLPS: grading.MLPS1}}}}
	r, err := c.GapReport(&p, nil, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)})
	if err != nil {
		panic(err)
	}
	b, err := r.MarshalJSON()
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b[:38]))
	back, err := c.DecodeReport(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	again, _ := back.MarshalJSON()
	fmt.Println("same bytes:", bytes.Equal(b, again))
	it := back.Items[0]
	fmt.Println(it.DutyID, it.Status, "-", it.Reason())

	_, err = c.DecodeReport(strings.NewReader(`{"format": "medsec.gap-report/9"}`))
	fmt.Println(err)
	// Output:
	// {"format":"medsec.gap-report/1","insti
	// same bytes: true
	// CN-CAC-INCIDENT-CONTENT missing - the institution is subject to Chinese law
	// obligations: invalid report: /format: the format is "medsec.gap-report/9", not "medsec.gap-report/1": give a report of this kind as medsec writes it (a later version of the format needs a later release of medsec); /institution: institution is missing: give a value; /asOf: asOf is missing: give a value; /items: items is missing: give a value; /totals: totals is missing: give a value
}

// The findings of a role check as a document that reads back.
func ExampleRoleReport() {
	c := obligations.DefaultCatalog()
	p := obligations.Profile{Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.VN},
		Type: grading.TypeHospital, Systems: []grading.System{{ID: "HIS", VN: grading.VN2}}}}
	fs, err := c.CheckRoles(&p, nil)
	if err != nil {
		panic(err)
	}
	rep := &obligations.RoleReport{Institution: p.Institution.ID, Findings: fs}
	if err := rep.WriteJSON(os.Stdout); err != nil {
		panic(err)
	}
	var b bytes.Buffer
	_ = rep.WriteJSON(&b)
	back, err := c.DecodeRoleReport(&b)
	if err != nil {
		panic(err)
	}
	fmt.Println(back.Findings[0].Rule.ID, "-", back.Findings[0].Message)
	// Output:
	// {
	//   "format": "medsec.role-report/1",
	//   "institution": "H1",
	//   "findings": [
	//     {
	//       "rule": "VN-ROLE-SECURITY-UNIT",
	//       "severity": "error",
	//       "role": "vn-security-unit",
	//       "system": "",
	//       "person": "",
	//       "message": {
	//         "key": "obligations.finding.missing",
	//         "format": "no %v is assigned",
	//         "args": [
	//           {
	//             "key": "obligations.role.vn-security-unit",
	//             "format": "specialised information-security unit"
	//           }
	//         ]
	//       },
	//       "citations": [
	//         "VN-ND-85-2016 art. 21",
	//         "VN-ND-85-2016 art. 12"
	//       ],
	//       "confidence": "verified"
	//     }
	//   ]
	// }
	// VN-ROLE-SECURITY-UNIT - no specialised information-security unit is assigned
}
