package oscal

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

var (
	cst = time.FixedZone("CST", 8*3600)
	ict = time.FixedZone("ICT", 7*3600)
	cet = time.FixedZone("CET", 3600)
)

func day(s string) medsec.Date {
	d, err := medsec.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// A hospital is a profile with its evidence, judged at an instant.
type hospital struct {
	name     string
	profile  obligations.Profile
	evidence []obligations.Evidence
	at       time.Time
	credit   bool // credit evidence across the catalog's mappings
}

// hospitals are the tests' institutions: a Chinese provincial hospital
// with an incident, a Vietnamese one, a Czech one of the higher regime
// that credits its Czech reports to NIS2, and one whose every duty is met.
func hospitals() []hospital {
	cn := hospital{name: "cn", at: time.Date(2026, 11, 22, 9, 0, 0, 0, cst), profile: obligations.Profile{
		Institution: grading.Institution{ID: "CN-PROV-1", Name: "Sample Provincial People's Hospital", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Flags: []medsec.Flag{"health-data", "personal-data", "vendor-remote-access"}, Principal: "P001",
			Systems: []grading.System{
				{ID: "HIS", Name: "Hospital information system", MLPS: grading.MLPS3, Events: map[medsec.Event]medsec.Date{"grading": day("2023-05-01"), "go-live": day("2019-06-01")}},
				{ID: "EMR", Name: "Electronic medical records", MLPS: grading.MLPS3, Events: map[medsec.Event]medsec.Date{"grading": day("2023-05-01")}},
				{ID: "WIFI", Name: "Guest Wi-Fi", MLPS: grading.MLPS1},
			}},
		Incidents: []obligations.Incident{{ID: "INC-7", System: "HIS", Detected: time.Date(2026, 11, 21, 23, 30, 0, 0, cst), CNGrade: obligations.CNGradeRelativelyMajor}},
	}, evidence: []obligations.Evidence{
		{Duty: "CN-NHC-LEADERSHIP-GROUP", Done: day("2022-10-10"), Reference: "院发〔2022〕41号"},
		{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: day("2026-03-16"), Reference: "minutes <2026> *1*"},
		{Duty: "CN-MLPS-FILING-30D", System: "HIS", Done: day("2023-05-25"), Reference: "备案证明 HIS-2023"},
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: day("2025-09-10"), Reference: "测评报告 2025-HIS"},
		{Duty: "CN-MLPS-TEST-L3", System: "EMR", Done: day("2026-06-20"), Reference: "测评报告 2026-EMR"},
		{Duty: "CN-CAC-REPORT-OTHER-4H", Incident: "INC-7", Done: day("2026-11-22"), At: time.Date(2026, 11, 22, 2, 0, 0, 0, cst), Reference: "网信办 2026-118"},
	}}
	vn := hospital{name: "vn", at: time.Date(2026, 11, 22, 9, 0, 0, 0, ict), profile: obligations.Profile{
		Institution: grading.Institution{ID: "VN-PROV-1", Name: "Bệnh viện Đa khoa Mẫu", Jurisdictions: []medsec.Jurisdiction{medsec.VN},
			Type: grading.TypeHospital, Events: map[medsec.Event]medsec.Date{"holiday": day("2026-12-31")},
			Systems: []grading.System{
				{ID: "HIS", VN: grading.VN3, Events: map[medsec.Event]medsec.Date{"dossier": day("2026-11-10")}},
				{ID: "PORTAL", VN: grading.VN2},
			}},
	}, evidence: []obligations.Evidence{
		{Duty: "VN-ND85-SECURITY-UNIT", Done: day("2024-01-15"), Reference: "QĐ 15/QĐ-BV"},
	}}
	det := time.Date(2026, 11, 20, 8, 0, 0, 0, cet)
	cz := hospital{name: "cz", at: time.Date(2026, 11, 22, 9, 0, 0, 0, cet), credit: true, profile: obligations.Profile{
		Institution: grading.Institution{ID: "CZ-FN-1", Name: "Fakultní nemocnice Ukázková", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
			Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential, CZ: grading.CZHigher,
			Events: map[medsec.Event]medsec.Date{"in-scope": day("2025-11-01"), "registration-decision": day("2026-02-02")}},
		Incidents: []obligations.Incident{{ID: "INC-1", Detected: det, Significant: true}},
	}, evidence: []obligations.Evidence{
		{Duty: "CZ-264-HIGHER-INITIAL-24H", Incident: "INC-1", Done: medsec.DateOf(det), At: det.Add(5 * time.Hour), Reference: "NUKIB-INI-1"},
		{Duty: "CZ-264-HIGHER-UPDATE-72H", Incident: "INC-1", Done: medsec.DateOf(det.Add(30 * time.Hour)), At: det.Add(30 * time.Hour), Reference: "NUKIB-UPD-1"},
		{Duty: "CZ-264-MEASURES-1Y", Done: day("2026-10-01"), Reference: "Přehled opatření 2026"},
	}}
	return []hospital{cn, vn, cz}
}

// report evaluates h.
func (h *hospital) report(t testing.TB) *obligations.Report {
	t.Helper()
	c := obligations.DefaultCatalog()
	opts := obligations.Options{AsOf: medsec.DateOf(h.at), Now: h.at}
	if h.credit {
		opts.Mappings = c.Mappings()
	}
	r, err := c.GapReport(&h.profile, h.evidence, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// bigHospital is a Chinese hospital of n systems at levels 1 to 4, with
// evidence for every other applicable duty.
func bigHospital(t testing.TB, n int) hospital {
	h := hospital{name: fmt.Sprintf("big-%d", n), at: time.Date(2026, 11, 22, 9, 0, 0, 0, cst), profile: obligations.Profile{
		Institution: grading.Institution{ID: "CN-BIG", Name: "Large hospital", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
			Flags: []medsec.Flag{"health-data", "personal-data", "vendor-remote-access"}, Principal: "P1"}}}
	for i := 0; i < n; i++ {
		h.profile.Institution.Systems = append(h.profile.Institution.Systems, grading.System{ID: fmt.Sprintf("S%03d", i), Name: fmt.Sprintf("System %d", i),
			MLPS: grading.MLPSLevel(1 + i%4), Events: map[medsec.Event]medsec.Date{"grading": day("2026-06-01").AddDays(i)}})
	}
	bs, err := obligations.DefaultCatalog().Applicable(&h.profile, medsec.DateOf(h.at))
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range bs {
		if d, _ := obligations.DefaultCatalog().Duty(b.DutyID); d.Recurrence.Kind == obligations.FromIncidentRule || i%2 == 1 {
			continue
		}
		h.evidence = append(h.evidence, obligations.Evidence{Duty: b.DutyID, System: b.System, Done: day("2026-03-01").AddDays(i % 200), Reference: fmt.Sprintf("DOC-%d", i)})
	}
	return h
}

// write runs a writer into a buffer and returns the bytes.
func write(t testing.TB, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allDocs writes every kind of document: the catalog of each pack, every
// baseline, the embedded mapping collection, and the assessment results
// and plan of action of each hospital.
func allDocs(t testing.TB, o Options) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range Catalogs(o.Catalog) {
		out[p+"-catalog.json"] = write(t, func(b *bytes.Buffer) error { return WriteCatalog(b, p, o) })
	}
	for _, bl := range Baselines() {
		out[bl.String()+"-profile.json"] = write(t, func(b *bytes.Buffer) error { return WriteProfile(b, bl, o) })
	}
	out["medsec-mappings.json"] = write(t, func(b *bytes.Buffer) error {
		return WriteMappingCollection(b, obligations.DefaultCatalog().Mappings(), "medsec", o)
	})
	for _, h := range hospitals() {
		r := h.report(t)
		out[h.name+"-assessment-results.json"] = write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, o) })
		out[h.name+"-poam.json"] = write(t, func(b *bytes.Buffer) error { return WritePOAM(b, r, &h.profile, h.at, o) })
	}
	return out
}
