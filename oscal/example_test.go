package oscal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
	"github.com/medsec-go/medsec/oscal"
)

// The catalog of a pack: its duties as OSCAL controls, grouped by
// instrument and article.
func ExampleWriteCatalog() {
	var b bytes.Buffer
	if err := oscal.WriteCatalog(&b, "eu", oscal.Options{}); err != nil {
		panic(err)
	}
	var doc struct {
		Catalog struct {
			Metadata struct{ Title, Version string }
			Groups   []struct {
				ID     string
				Groups []struct {
					ID       string
					Controls []struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.Catalog.Metadata.Title, doc.Catalog.Metadata.Version)
	for _, g := range doc.Catalog.Groups {
		for _, a := range g.Groups {
			fmt.Println(a.ID, len(a.Controls), "controls, first", a.Controls[0].ID)
		}
	}
	// Output:
	// medsec duty catalog: European Union (pack eu) 2026-11-29
	// i.EU-NIS2.art.3 2 controls, first EU-NIS2-REGISTRATION-CHANGES-14D
	// i.EU-NIS2.art.20 2 controls, first EU-NIS2-MGMT-APPROVAL
	// i.EU-NIS2.art.21 11 controls, first EU-NIS2-21-2-A
	// i.EU-NIS2.art.23 7 controls, first EU-NIS2-EARLY-WARNING-24H
}

// The baselines and the duties each selects.
func ExampleWriteProfile() {
	for _, b := range oscal.Baselines() {
		if b.Scheme != grading.SchemeCZ {
			continue
		}
		var buf bytes.Buffer
		if err := oscal.WriteProfile(&buf, b, oscal.Options{}); err != nil {
			panic(err)
		}
		var doc struct {
			Profile struct {
				Imports []struct {
					IncludeControls []struct {
						WithIDs []string `json:"with-ids"`
					} `json:"include-controls"`
				}
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			panic(err)
		}
		fmt.Println(b, doc.Profile.Imports[0].IncludeControls[0].WithIDs)
	}
	// Output:
	// cz-regime-higher [CZ-264-CONTACT-DATA-30D CZ-264-HIGHER-FINAL-30D CZ-264-HIGHER-INITIAL-24H CZ-264-HIGHER-UPDATE-72H CZ-264-MANAGEMENT CZ-264-MEASURES-1Y CZ-264-NOTIFY-SERVICE-60D CZ-409-ACCESS-CONTROL CZ-409-ACQUISITION CZ-409-ASSET-GUARANTORS CZ-409-ASSETS CZ-409-AUDIT-24M CZ-409-AUDIT-FULL-60M CZ-409-AVAILABILITY CZ-409-CHANGE-MGMT CZ-409-COMMITTEE CZ-409-COMMITTEE-MEETING-12M CZ-409-CONTINUITY CZ-409-CONTROL-ASSETS CZ-409-CRYPTO CZ-409-CYBER-ARCHITECT CZ-409-CYBER-AUDITOR CZ-409-CYBER-MANAGER CZ-409-DETECTION CZ-409-EVENT-EVALUATION CZ-409-HR-SECURITY CZ-409-IDENTITY CZ-409-INCIDENT-HANDLING CZ-409-ISMS CZ-409-ISMS-REVIEW-12M CZ-409-LOG-RETENTION-18M CZ-409-LOGGING CZ-409-MGMT-DUTIES CZ-409-MGMT-TRAINING CZ-409-NETWORK CZ-409-PASSWORD-POLICY CZ-409-PATCHING CZ-409-PENTEST-24M CZ-409-PHYSICAL CZ-409-POLICY-DOCS CZ-409-RECOVERY-ACCOUNT CZ-409-RISK-ASSESSMENT-12M CZ-409-ROLE-DEPUTIES CZ-409-ROLE-QUALIFICATIONS CZ-409-SUPPLIER-CONTRACTS CZ-409-SUPPLIER-RISK CZ-409-SUPPLIERS CZ-409-VULN-SCAN-12M]
	// cz-regime-lower [CZ-264-CONTACT-DATA-30D CZ-264-LOWER-FINAL-30D CZ-264-LOWER-INITIAL-24H CZ-264-LOWER-UPDATE-72H CZ-264-MANAGEMENT CZ-264-MEASURES-1Y CZ-264-NOTIFY-SERVICE-60D CZ-410-ACCESS-CONTROL CZ-410-ACQUISITION CZ-410-CONTINUITY CZ-410-CRYPTO CZ-410-CYBER-PERSON CZ-410-DETECTION CZ-410-HR-SECURITY CZ-410-INCIDENT-HANDLING CZ-410-LOGGING CZ-410-MFA CZ-410-MGMT-DUTIES CZ-410-MGMT-TRAINING CZ-410-NETWORK CZ-410-OVERVIEW CZ-410-OVERVIEW-REVIEW-12M CZ-410-PASSWORD-POLICY CZ-410-PATCHING CZ-410-POLICY CZ-410-RECOVERY-CREDENTIALS CZ-410-SUPPLIER-CONTRACTS CZ-410-VULN-SCAN]
}

// What a baseline selects, without writing it.
func ExampleSelect() {
	ids := oscal.Select(nil, oscal.Baseline{Scheme: grading.SchemeVN, Grade: "3"}, medsec.NewDate(2026, 11, 22))
	fmt.Println(len(ids), ids[:3])
	// Output:
	// 30 [VN-HOLIDAY-DUTY-ROSTER VN-HOLIDAY-FOLLOW-WARNINGS VN-HOLIDAY-REPORT-ATTACK-MPS]
}

// The packs that have a catalog.
func ExampleCatalogs() {
	fmt.Println(oscal.Catalogs(nil))
	// Output:
	// [cn cz enisa eu vn]
}

// czech is a Czech hospital of the higher regime, an essential entity
// under NIS2, with a significant incident, and its report crediting its
// reports to NÚKIB against NIS2.
func czech() (*obligations.Report, *obligations.Profile, time.Time) {
	cet := time.FixedZone("CET", 3600)
	detected := time.Date(2026, 11, 20, 8, 0, 0, 0, cet)
	asOf := time.Date(2026, 11, 22, 9, 0, 0, 0, cet)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "FN-1", Name: "Fakultní nemocnice", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
			Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential, CZ: grading.CZHigher},
		Incidents: []obligations.Incident{{ID: "INC-1", Detected: detected, Significant: true}},
	}
	ev := []obligations.Evidence{{Duty: "CZ-264-HIGHER-UPDATE-72H", Incident: "INC-1", Done: medsec.DateOf(detected),
		At: detected.Add(30 * time.Hour), Reference: "NUKIB-2026-118"}}
	c := obligations.DefaultCatalog()
	r, err := c.GapReport(p, ev, obligations.Options{AsOf: medsec.DateOf(asOf), Now: asOf, Mappings: c.Mappings()})
	if err != nil {
		panic(err)
	}
	return r, p, asOf
}

// A gap report as assessment results: one finding per item.
func ExampleWriteAssessmentResults() {
	r, p, asOf := czech()
	var b bytes.Buffer
	if err := oscal.WriteAssessmentResults(&b, r, p, asOf, oscal.Options{}); err != nil {
		panic(err)
	}
	var doc struct {
		AR struct {
			Results []struct {
				Start    string
				Findings []struct {
					Target struct {
						TargetID string `json:"target-id"`
						Status   struct{ State string }
					}
					Props []struct{ Name, Value string }
				}
			}
		} `json:"assessment-results"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		panic(err)
	}
	res := doc.AR.Results[0]
	fmt.Println(res.Start, len(res.Findings), "findings")
	for _, f := range res.Findings {
		for _, p := range f.Props {
			if p.Name == "via-mapping" {
				fmt.Println(f.Target.TargetID, f.Target.Status.State, "via", p.Value)
			}
		}
	}
	// Output:
	// 2026-11-22T09:00:00+01:00 68 findings
	// EU-NIS2-NOTIFICATION-72H_smt satisfied via CZ-264-HIGHER-UPDATE-72H
}

// A plan of action for what is overdue or missing, with deadlines.
func ExampleWritePOAM() {
	r, p, asOf := czech()
	var b bytes.Buffer
	if err := oscal.WritePOAM(&b, r, p, asOf, oscal.Options{}); err != nil {
		panic(err)
	}
	var doc struct {
		POAM struct {
			Risks []struct {
				Deadline string
				Props    []struct{ Name, Value string }
			}
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		panic(err)
	}
	for _, rk := range doc.POAM.Risks {
		if rk.Props[0].Value == "overdue" {
			fmt.Println(rk.Props[0].Value, rk.Deadline)
		}
	}
	fmt.Println(len(doc.POAM.Risks), "risks")
	// Output:
	// overdue 2026-11-21T08:00:00+01:00
	// overdue 2026-11-21T08:00:00+01:00
	// 58 risks
}

// The cross-framework mappings as an OSCAL mapping collection.
func ExampleWriteMappingCollection() {
	var b bytes.Buffer
	m := obligations.DefaultCatalog().Mappings()
	if err := oscal.WriteMappingCollection(&b, m, "medsec", oscal.Options{}); err != nil {
		panic(err)
	}
	var doc struct {
		MC struct {
			Provenance struct{ Status, Method string }
			Mappings   []struct {
				Props []struct{ Value string }
				Maps  []struct{ Relationship string }
			}
		} `json:"mapping-collection"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.MC.Provenance.Status, doc.MC.Provenance.Method)
	for _, mp := range doc.MC.Mappings {
		fmt.Println(mp.Props[0].Value, len(mp.Maps))
	}
	// Output:
	// draft human
	// cn-nis2 47
	// vn-nis2 27
	// cz-nis2 85
	// cn-vn-l3 17
	// enisa-nis2 29
}
