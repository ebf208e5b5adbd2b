package contracts_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
)

// The whole pipeline: decode strictly, validate, then check the clauses
// against the rules in force on a date.
func Example() {
	f, err := os.Open("testdata/valid/cn-his-2026.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	c, err := contracts.Decode(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := contracts.Validate(c); err != nil {
		fmt.Println(err)
		return
	}
	r, err := contracts.Check(c, medsec.NewDate(2026, time.June, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range r.Requirements {
		if q.Severity == contracts.Required {
			fmt.Printf("%-36s met=%-5v %s (%s)\n", q.ID, q.Met, q.Citation, q.Confidence)
		}
	}
	fmt.Println("findings:", len(r.Findings))
	// Output:
	// cn-nhc-art4-security                 met=true  CN-NHC-2022-29 art. 4 (verified)
	// cn-nhc-art4-liability                met=true  CN-NHC-2022-29 art. 4 (verified)
	// cn-nhc-data-localisation             met=true  CN-NHC-2022-29 (partial)
	// cn-nhc-storage-in-china              met=true  CN-NHC-2022-29 (partial)
	// findings: 10
}

// Decoding errors carry the JSON Pointer of the offending value.
func ExampleDecode() {
	in := `{"id": "6f1c2a4e-8b3d-4c5e-9a7f-0d1e2f3a4b5c", "jurisdiction": "cn",
	        "vendor": {"name": "Acme", "website": "acme.example"},
	        "clauses": [{"kind": "patching", "kind": "sbom"}]}`
	_, err := contracts.Decode(strings.NewReader(in))
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, e := range fes {
			fmt.Printf("%s [%s] %s\n", e.Path, e.Rule, e.Message)
		}
	}
	// Output:
	// /jurisdiction [jurisdiction] "cn" is not a jurisdiction code: use two upper-case letters, such as CZ
	// /vendor/website [unknown-field] unknown field "website"; check its spelling and case against the schema
	// /clauses/0/kind [duplicate-key] the key "kind" appears more than once in this object
}

// Validation errors are typed: path, rule, value and a translatable
// message.
func ExampleValidate() {
	f, _ := os.Open("testdata/valid/cz-pacs-2026.json")
	defer f.Close()
	c, _ := contracts.Decode(f)
	hours, critical := 0, 60
	c.Clauses[1].NotifyWithinHours = &hours
	c.Clauses[2].RemediationDays.Critical = &critical
	c.Term.End = c.Term.Start.AddDays(-1) // a one-day term (End == Start) would be valid

	var fes medsec.FieldErrors
	if errors.As(contracts.Validate(c), &fes) {
		for _, e := range fes {
			fmt.Printf("%s [%s=%s] %s (%s)\n", e.Path, e.Rule, e.Value, e.Message, e.Message.Key)
		}
	}
	// Output:
	// /clauses/1/notifyWithinHours [positive=0] must be a positive number (contracts.validate.positive)
	// /clauses/2/remediationDays/critical [severity-order=60] must not be longer than the high-severity deadline of 30 days (contracts.validate.severity-order.high)
	// /term/end [order=2025-12-31] the end must not be before the start (2026-01-01) (contracts.validate.order)
}

// A vendor notice slower than the hospital's own reporting deadline is
// flagged with the deadline's citation.
func ExampleCheck() {
	f, _ := os.Open("testdata/valid/cn-his-2026.json")
	defer f.Close()
	c, _ := contracts.Decode(f)
	slow := 8
	c.Clauses[3].NotifyWithinHours = &slow

	for _, asOf := range []medsec.Date{medsec.NewDate(2025, time.October, 31), medsec.NewDate(2025, time.November, 1)} {
		r, err := contracts.Check(c, asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range r.Findings {
			if f.Kind == contracts.IncidentNotification {
				fmt.Printf("%s: %s %s\n  %s — %s (%s)\n", asOf, f.Severity, f.Path, f.Message, f.Citation, f.Confidence)
			}
		}
	}
	// Output:
	// 2025-11-01: recommended /clauses/3/notifyWithinHours
	//   the vendor notifies incidents within 8 hours, but the hospital itself must report within 4 hours — CN-CAC-2025-IR art. 4 (verified)
}

// JSONSchema gives vendors a schema to validate against before sending.
func ExampleJSONSchema() {
	s := contracts.JSONSchema()
	fmt.Println(strings.Contains(string(s), `"$schema": "https://json-schema.org/draft/2020-12/schema"`))
	// Output: true
}

// A jurisdiction of your own works from data alone: a pack (here the
// invented Ruritania of medsec's tests) brings its instruments, incident
// rules and clause rules, and a checker of the embedded law with the pack
// added applies them. Ruritania's Hospital Security Act requires a
// supplier's incident notice no slower than the hospital's own 48-hour
// report.
func ExampleNewChecker() {
	pack, err := medsec.LoadPack(os.DirFS("../testdata/packs/xa"))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := medsec.DefaultRegistry().With(pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	ch, err := contracts.NewChecker(reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := os.Open("testdata/xa/strelsau-pacs.json")
	defer f.Close()
	c, _ := contracts.Decode(f)
	if err := ch.Validate(c); err != nil {
		fmt.Println(err)
		return
	}
	r, err := ch.Check(c, medsec.NewDate(2026, time.June, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		if f.Severity == contracts.Required {
			fmt.Printf("%s %s:\n  %s (%s)\n", f.Rule, f.Path, f.Message, f.Citation)
		}
	}
	// Output:
	// xa-hsa-art12-notice-period /clauses/1/notifyWithinHours:
	//   the vendor notifies incidents within 72 hours, but the hospital itself must report within 48 hours (XA-HSA-2026 art. 12)
}

// The checker of the embedded law is the one the package-level functions
// use; its rules' messages are listed for translation.
func ExampleDefaultChecker() {
	ch := contracts.DefaultChecker()
	var reasons int
	for _, m := range ch.MessageTemplates() {
		if strings.HasPrefix(m.Key, "contracts.reason.") {
			reasons++
		}
	}
	fmt.Println("reasons:", reasons)
	_, err := ch.Check(&contracts.Contract{}, medsec.Date{})
	fmt.Println(err)
	// Output:
	// reasons: 13
	// asOf: give the as-of date, the day whose rules apply, as a real day
}
