package obligations_test

import (
	"fmt"
	"os"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

// A jurisdiction of your own, from data alone: a pack (here the test pack
// of Ruritania, an invented country, in testdata/packs/xa) with
// instruments, incident rules, duties.json and roles.json. Add it to a
// registry, build the registry's catalog, and the gap report and the role
// check use it.
func ExampleCatalogFor() {
	pack, err := medsec.LoadPack(os.DirFS("../testdata/packs/xa"))
	if err != nil {
		panic(err)
	}
	reg, err := medsec.DefaultRegistry().With(pack)
	if err != nil {
		panic(err)
	}
	cat, err := obligations.CatalogFor(reg)
	if err != nil {
		panic(err)
	}
	p := obligations.Profile{
		Institution: grading.Institution{ID: "XA-H1", Jurisdictions: []medsec.Jurisdiction{"XA"},
			Type: grading.TypeHospital, Flags: []medsec.Flag{"xa-teaching-hospital"}},
		Incidents: []obligations.Incident{{ID: "INC-1", Significant: true,
			Detected: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}},
	}
	r, err := cat.GapReport(&p, nil, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)})
	if err != nil {
		panic(err)
	}
	for _, it := range r.Items {
		fmt.Printf("%-9s %-26s %s\n", it.Status, it.DutyID, it.Title())
	}
	fs, err := cat.CheckRoles(&p, nil)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("%s [%s]: %s\n", f.Rule.ID, f.Rule.Citations[0], f.Message)
	}
	// Output:
	// overdue   XA-HSA-INCIDENT-48H        Report a significant incident to the Ruritanian health CERT within 48 hours
	// missing   XA-HSA-SECURITY-OFFICER    Name a hospital security officer
	// missing   XA-HSA-TEACHING-TRAINING   Train students and residents in security every year
	// due-soon  XA-HSA-INCIDENT-FINAL-14D  Send the final report within 14 days of the first report
	// XA-ROLE-SECURITY-OFFICER [XA-HSA-2026 art. 4]: no hospital security officer is named
}
