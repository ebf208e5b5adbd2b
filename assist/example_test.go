package assist_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/assist"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
)

// Two offers and two needs: the hospital under attack is served first and
// gets the on-site team; the laboratory that is preparing gets what is
// left.
func ExampleMatch() {
	offers := []assist.Offer{
		{
			ID:       "O-1",
			Offerer:  assist.Offerer{Kind: assist.Organisation, Name: "Jihomoravská kybernetická s.r.o.", Country: "CZ", Contact: assist.Contact{Email: "pomoc@jmkyber.example.cz"}},
			Services: []assist.Service{assist.IncidentResponse, assist.Forensics},
			Terms:    assist.ProBono, Capacity: assist.Capacity{Engagements: 1},
			Modes: []assist.Mode{assist.OnSite}, Regions: []assist.Region{"CZ-64"}, Languages: []assist.Language{"cs"},
			Valid: assist.Validity{From: medsec.NewDate(2026, 3, 16)},
		},
		{
			ID:       "O-2",
			Offerer:  assist.Offerer{Kind: assist.Individual, Name: "Petra Svobodová", Country: "CZ", Contact: assist.Contact{Email: "petra@example.cz"}},
			Services: []assist.Service{assist.Forensics},
			Terms:    assist.ProBono, Capacity: assist.Capacity{PersonDays: 10},
			Modes: []assist.Mode{assist.Remote}, Languages: []assist.Language{"cs", "en"},
			Valid: assist.Validity{From: medsec.NewDate(2026, 3, 16)},
		},
	}
	needs := []assist.Need{
		{
			ID:        "N-2",
			Provider:  assist.Provider{ID: "P-2", Name: "Laboratoř Medilab", Type: assist.Laboratory, Region: "CZ-64"},
			Situation: assist.Preparing, Reported: medsec.NewDate(2026, 3, 13),
			Requests: []assist.Request{{Service: assist.Forensics, PersonDays: 4}},
			Modes:    []assist.Mode{assist.OnSite, assist.Remote}, Contact: assist.Contact{Email: "it@medilab.example.cz"},
		},
		{
			ID:        "N-1",
			Provider:  assist.Provider{ID: "P-1", Name: "Fakultní nemocnice Jih", Type: assist.UniversityHospital, Region: "CZ-64", NIS2: grading.Essential},
			Situation: assist.UnderAttack, Reported: medsec.NewDate(2026, 3, 14),
			Requests: []assist.Request{{Service: assist.IncidentResponse, PersonDays: 20}, {Service: assist.Forensics, PersonDays: 5}},
			Modes:    []assist.Mode{assist.OnSite, assist.Remote}, Languages: []assist.Language{"cs"}, Contact: assist.Contact{Email: "it@fnjih.example.cz"},
		},
	}
	res, err := assist.Match(offers, needs, assist.Options{AsOf: medsec.NewDate(2026, 3, 20)})
	if err != nil {
		fmt.Println(err)
		return
	}
	l := i18n.NewLocalizer(i18n.EN)
	for _, a := range res.Assignments() {
		fmt.Printf("%s %s → %s (%s)\n", a.Need, a.Service, a.Offer, a.Mode)
	}
	a := res.Assignments()[1]
	for _, r := range a.Reasons {
		fmt.Println("  ", l.Format(r))
	}
	fmt.Println("clean:", res.Clean())
	// Output:
	// N-1 incident-response → O-1 (on-site)
	// N-1 forensics → O-1 (on-site)
	// N-2 forensics → O-2 (remote)
	//    Need N-1 is number 1 of 2 in the order of service: under attack; essential entity under NIS2; reported on 14 March 2026.
	//    Offer O-1 of Jihomoravská kybernetická s.r.o. provides digital forensics and malware analysis.
	//    On site in South Moravian Region, which the offer covers.
	//    Shared language: cs.
	//    Pro bono.
	//    Chosen before offer O-2 (2 fitting offers in all): Jihomoravská kybernetická s.r.o. already helps this provider.
	//    Takes 5 person-days; left: 0 engagements (person-days not limited).
	// clean: true
}

// The order of service is a policy, not a law: here every essential entity
// comes before any other provider, whatever its situation.
func ExampleMatch_options() {
	offer := assist.Offer{
		ID:       "O-1",
		Offerer:  assist.Offerer{Kind: assist.Organisation, Name: "Firma", Country: "CZ", Contact: assist.Contact{Email: "a@example.cz"}},
		Services: []assist.Service{assist.Hardening}, Terms: assist.ProBono, Capacity: assist.Capacity{Engagements: 1},
		Modes: []assist.Mode{assist.Remote}, Languages: []assist.Language{"cs"}, Valid: assist.Validity{From: medsec.NewDate(2026, 1, 1)},
	}
	need := func(id string, s assist.Situation, c grading.EntityClass) assist.Need {
		return assist.Need{ID: id, Provider: assist.Provider{ID: id, Name: id, Type: assist.Hospital, Region: "CZ-10", NIS2: c},
			Situation: s, Reported: medsec.NewDate(2026, 3, 1), Requests: []assist.Request{{Service: assist.Hardening, PersonDays: 3}},
			Modes: []assist.Mode{assist.Remote}, Contact: assist.Contact{Email: "b@example.cz"}}
	}
	needs := []assist.Need{need("N-1", assist.UnderAttack, grading.Important), need("N-2", assist.Preparing, grading.Essential)}
	for _, order := range [][]assist.Criterion{nil, {assist.ByClass, assist.BySituation}} {
		res, _ := assist.Match([]assist.Offer{offer}, needs, assist.Options{AsOf: medsec.NewDate(2026, 3, 20), Order: order})
		fmt.Println(res.Order(), "→", res.Assignments()[0].Need)
	}
	// Output:
	// [situation class reported] → N-1
	// [class situation] → N-2
}

// A zero as-of date is an error that names the field.
func ExampleMatch_asOf() {
	_, err := assist.Match(nil, nil, assist.Options{})
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		fmt.Println(fes[0].Path, fes[0].Rule, errors.Is(err, medsec.ErrInvalidInput))
		fmt.Println(i18n.NewLocalizer(i18n.CS).Format(fes[0].Message))
	}
	// Output:
	// AsOf required true
	// chybí rozhodné datum: uveďte den, ke kterému se nabídky posuzují
}

// Decode reports every problem of a file, each with a JSON Pointer.
func ExampleDecode() {
	const offer = `{"offers": [{
	  "id": "O-1",
	  "offerer": {"kind": "organisation", "name": "Příklad s.r.o.", "country": "CZ",
	              "registration": "12345678", "contact": {"email": "pomoc@priklad"}},
	  "services": ["incident-response"], "terms": "free",
	  "capacity": {"engagements": 1}, "modes": ["on-site"], "regions": ["CZ-JM"],
	  "languages": ["cs"], "valid": {"from": "2026-02-30"}, "colour": "red"
	}]}`
	_, err := assist.Decode(strings.NewReader(offer))
	var fes medsec.FieldErrors
	errors.As(err, &fes)
	for _, fe := range fes {
		fmt.Printf("%s: %s\n", fe.Path, i18n.NewLocalizer(i18n.EN).Format(fe.Message))
	}
	// Output:
	// /offers/0/terms: “free” is not allowed here; use one of: pro-bono, paid
	// /offers/0/valid/from: “2026-02-30”: that month has no day 30
	// /offers/0/colour: unknown field “colour”; check its spelling and case against the schema
}

// Once the JSON is well-formed, the values are checked.
func ExampleDecodeBytes() {
	_, err := assist.DecodeBytes([]byte(`{"offers": [{
	  "id": "O-1",
	  "offerer": {"kind": "organisation", "name": "Příklad s.r.o.", "country": "CZ",
	              "registration": "12345678", "contact": {"email": "pomoc@priklad"}},
	  "services": ["incident-response"], "terms": "pro-bono",
	  "capacity": {"engagements": 1}, "modes": ["on-site"], "regions": ["CZ-JM"],
	  "languages": ["cs"], "valid": {"from": "2026-03-16"}
	}]}`))
	var fes medsec.FieldErrors
	errors.As(err, &fes)
	for _, fe := range fes {
		fmt.Printf("%s: %s\n", fe.Path, fe.Message)
	}
	// Output:
	// /offers/0/offerer/registration: "12345678" is not a Czech company ID (IČO): eight digits, the last a check digit
	// /offers/0/offerer/contact/email: "pomoc@priklad" is not an e-mail address of the form name@example.cz
	// /offers/0/regions/0: "CZ-JM" is a withdrawn code; use CZ-64
}

// The catalogue lists the offers that stand on its day; Render prints it,
// or the announcement that links to it.
func ExampleCatalogue_Render() {
	committee := assist.Committee{
		Name:         assist.Name{Text: "Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví", Lang: "cs"},
		ShortName:    &assist.Name{Text: "Akční výbor KB", Lang: "cs"},
		Parent:       assist.Name{Text: "Ministerstvo zdravotnictví", Lang: "cs"},
		Email:        "kb@mzcr.cz",
		Place:        assist.Name{Text: "V Praze", Lang: "cs"},
		CatalogueURL: "https://www.example.cz/katalog-pomoci",
	}
	offer := assist.Offer{
		ID:       "O-1",
		Offerer:  assist.Offerer{Kind: assist.Organisation, Name: "Zálohy a obnova, s.r.o.", Country: "CZ", Registration: "05120331", Contact: assist.Contact{Email: "obnova@example.cz"}},
		Services: []assist.Service{assist.Recovery, assist.BackupReview},
		Terms:    assist.ProBono, Capacity: assist.Capacity{Engagements: 4},
		Modes: []assist.Mode{assist.OnSite}, Regions: []assist.Region{"CZ"}, Languages: []assist.Language{"cs", "sk"},
		Valid: assist.Validity{From: medsec.NewDate(2020, 3, 16), Until: medsec.NewDate(2020, 6, 30)},
	}
	cat, err := assist.NewCatalogue(committee, medsec.NewDate(2020, 3, 20), []assist.Offer{offer})
	if err != nil {
		fmt.Println(err)
		return
	}
	text, _ := cat.Render(assist.CatalogueNotice, i18n.NewLocalizer(i18n.CS), i18n.PlainText)
	fmt.Print(text)
	// Output:
	// Ministerstvo zdravotnictví
	// Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví
	//
	// Katalog pomoci v kybernetické bezpečnosti pro poskytovatele zdravotních služeb
	//
	// Nabídky pomoci platné ke dni 20. 3. 2020
	//
	// Tuto pomoc nabízejí poskytovatelům zdravotních služeb firmy i jednotlivci. Koordinuje ji Akční výbor KB a nabídky přiděluje poskytovatelům, kteří je potřebují nejvíce: nejprve těm, kdo čelí útoku, potom těm, kdo se z útoku zotavují, a nakonec těm, kdo se na útok připravují.
	//
	// Poskytovatelé, kteří pomoc potřebují, i zájemci o její nabízení se mohou obrátit na adresu kb@mzcr.cz.
	//
	// Služby
	//
	// - obnova systémů a dat: O-1
	// - prověrka záloh a plánů kontinuity: O-1
	//
	// Nabídky
	//
	// O-1 Zálohy a obnova, s.r.o.
	//   Nabízející: organizace, Česko, IČO 05120331
	//   Služby: obnova systémů a dat; prověrka záloh a plánů kontinuity
	//   Podmínky: bezplatně
	//   Forma pomoci: na místě: celá Česká republika
	//   Jazyky: čeština, slovenština
	//   Kapacita: 4 zakázky současně
	//   Platnost: od 16. 3. 2020 do 30. 6. 2020
	//   Kontakt: obnova@example.cz
	//
	// Nabídky zveřejňujeme tak, jak je nabízející předložili; zveřejnění není zárukou jejich kvality. Placenou pomoc účtuje nabízející za svých podmínek.
	//
	// V Praze dne 20. 3. 2020
}

// An offering firm validates its file against the schema before sending it.
func ExampleOffersSchema() {
	var schema map[string]any
	if err := json.Unmarshal(assist.OffersSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema["$schema"])
	fmt.Println(schema["$id"])
	fmt.Println(schema["required"])
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// https://github.com/medsec-go/medsec/assist/offers.schema.json
	// [offers]
}

// The provider's class within a situation comes from its NIS2 class or its
// Czech regime.
func ExampleProvider_Class() {
	p := assist.Provider{NIS2: grading.Important, CZ: grading.CZHigher}
	class, why := p.Class()
	fmt.Println(class, "—", why)
	// Output: essential — higher obligations regime under Act 264/2025 Sb.
}

// Each service has a stable code, a translatable name and the provisions
// that name it.
func ExampleService_Basis() {
	s := assist.BackupReview
	fmt.Println(s, "—", i18n.NewLocalizer(i18n.ZhHant).Format(s.Message()))
	for _, c := range s.Basis() {
		fmt.Println(c)
	}
	// Output:
	// backup-review — 備份及營運持續計畫審查
	// EU-NIS2 art. 21(2)(c)
	// ENISA-PROC-2020 art. GP-06
}

// Help available in a whole country reaches every region of it.
func ExampleRegion_Covers() {
	fmt.Println(assist.Region("CZ").Covers("CZ-64"), assist.Region("CZ-10").Covers("CZ-64"))
	fmt.Println(i18n.NewLocalizer(i18n.CS).Format(assist.Region("CZ-64").Message()))
	// Output:
	// true false
	// Jihomoravský kraj
}

// Language names come from CLDR, in the reader's language.
func ExampleLanguage_Name() {
	for _, loc := range i18n.Locales() {
		fmt.Println(loc, assist.Language("uk").Name(loc))
	}
	// Output:
	// en Ukrainian
	// cs ukrajinština
	// vi tiếng Ucraina
	// zh-Hans 乌克兰语
	// zh-Hant 烏克蘭文
}

// A catalogue keeps the offers that stand on its day and indexes them by
// service.
func ExampleNewCatalogue() {
	committee := assist.Committee{
		Name:   assist.Name{Text: "Help desk", Lang: "en"},
		Parent: assist.Name{Text: "Hospital Association", Lang: "en"},
		Email:  "help@example.org", Place: assist.Name{Text: "Brno", Lang: "cs"},
		CatalogueURL: "https://example.org/catalogue",
	}
	offer := func(id string, from medsec.Date, s ...assist.Service) assist.Offer {
		return assist.Offer{ID: id, Offerer: assist.Offerer{Kind: assist.Organisation, Name: id, Country: "CZ", Contact: assist.Contact{Email: "a@example.org"}},
			Services: s, Terms: assist.ProBono, Capacity: assist.Capacity{Engagements: 1},
			Modes: []assist.Mode{assist.Remote}, Languages: []assist.Language{"en"}, Valid: assist.Validity{From: from}}
	}
	march, may := medsec.NewDate(2026, 3, 1), medsec.NewDate(2026, 5, 1)
	cat, err := assist.NewCatalogue(committee, medsec.NewDate(2026, 3, 20), []assist.Offer{
		offer("B", march, assist.Forensics, assist.IncidentResponse),
		offer("A", march, assist.IncidentResponse),
		offer("C", may, assist.Monitoring), // not yet
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range cat.Index() {
		fmt.Println(e.Service, e.Offers)
	}
	// Output:
	// incident-response [A B]
	// forensics [B]
}

// Validate checks a Go value with the rules Decode applies, and reports
// JSON Pointers into the value.
func ExampleNeed_Validate() {
	n := assist.Need{
		ID:        "N-1",
		Provider:  assist.Provider{ID: "P-1", Name: "Nemocnice", Type: assist.Hospital, Region: "CZ"},
		Situation: assist.UnderAttack, Reported: medsec.NewDate(2026, 3, 13),
		Requests: []assist.Request{{Service: assist.IncidentResponse, PersonDays: 400}},
		Modes:    []assist.Mode{assist.OnSite}, Contact: assist.Contact{Email: "it@nemocnice.example.cz"},
	}
	var fes medsec.FieldErrors
	if errors.As(n.Validate(), &fes) {
		for _, fe := range fes {
			fmt.Printf("%s [%s] %s\n", fe.Path, fe.Rule, fe.Message)
		}
	}
	// Output:
	// /provider/region [region] "CZ" is a whole country; give the provider's region, such as CZ-64
	// /requests/0/personDays [range] must be from 1 to 365 (it is 400)
}
