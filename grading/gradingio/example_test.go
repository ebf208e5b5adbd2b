package gradingio_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
)

var asOf = medsec.NewDate(2026, 11, 22)

// An MLPS input read from JSON grades like one written in Go.
func ExampleDecodeMLPS() {
	in, err := gradingio.DecodeMLPS(strings.NewReader(`{
	  "system": "HIS",
	  "information": {"citizens": "serious", "society": "general", "nation": "none"},
	  "service": {"citizens": "general", "society": "general", "nation": "none"}
	}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := grading.MLPS(in, grading.Options{AsOf: asOf, LevelOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.System, "level", r.Level)
	// Output: HIS level 2
}

// Every problem of a document comes back at once, each with the JSON
// Pointer of its field.
func ExampleDecodeMLPS_errors() {
	_, err := gradingio.DecodeMLPS(strings.NewReader(`{
	  "information": {"citizens": "grave", "society": "none", "nation": "none"},
	  "service": {"citizens": "none", "society": "none"},
	  "colour": "red"
	}`))
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes {
			fmt.Println(fe)
		}
	}
	fmt.Println(errors.Is(err, medsec.ErrInvalidInput))
	// Output:
	// /information/citizens: "grave" is not allowed here; want one of: none, general, serious, particularly-serious
	// /colour: unknown field "colour"; check its spelling and case against the schema
	// true
}

func ExampleDecodeVN() {
	in, err := gradingio.DecodeVN(strings.NewReader(`{"system": "PORTAL", "type": "public-facing", "information": "public|personal",
	  "publicService": "3", "conditionalBusiness": "no", "users": 48000}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := grading.Vietnam(in, grading.Options{AsOf: asOf, LevelOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.System, "level", r.Level)
	// Output: PORTAL level 3
}

func ExampleDecodeNIS2() {
	in, err := gradingio.DecodeNIS2(strings.NewReader(`{"entity": "Krajská nemocnice Vzor", "type": "healthcare-provider",
	  "enterprise": {"headcount": 180.5, "turnoverEur": 42000000, "balanceSheetEur": 30000000}}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := grading.NIS2(in, grading.Options{AsOf: asOf, LevelOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.Entity+":", r.Class, r.Size)
	// Output: Krajská nemocnice Vzor: important medium
}

func ExampleDecodeCZ() {
	in, err := gradingio.DecodeCZ(strings.NewReader(`{"entity": "Nemocnice Vzor", "regulatedService": "yes", "significant": "yes"}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := grading.Czech(in, grading.Options{AsOf: asOf, LevelOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.Entity+":", r.Regime)
	// Output: Nemocnice Vzor: higher
}

// The inputs of an institution in one document: grade each system and
// add it to the institution with SystemInput.System.
func ExampleDecodeInputs() {
	in, err := gradingio.DecodeInputs(strings.NewReader(`{
	  "nis2": {"type": "healthcare-provider", "enterprise": {"headcount": 1850, "turnoverEur": 142000000, "balanceSheetEur": 96000000}},
	  "systems": [
	    {"id": "HIS", "flags": ["health-data"], "events": {"go-live": "2024-02-29"},
	     "mlps": {"information": {"citizens": "serious", "society": "general", "nation": "none"},
	              "service": {"citizens": "general", "society": "general", "nation": "none"}}},
	    {"id": "WIFI", "name": "Guest Wi-Fi"}
	  ]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	nis2, err := grading.NIS2(*in.NIS2, grading.Options{AsOf: asOf, LevelOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("NIS2:", nis2.Class)
	inst := grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital}
	for _, s := range in.Systems {
		var level grading.MLPSLevel
		if s.MLPS != nil {
			r, err := grading.MLPS(*s.MLPS, grading.Options{AsOf: asOf, LevelOnly: true})
			if err != nil {
				log.Fatal(err)
			}
			level = r.Level
		}
		inst.Systems = append(inst.Systems, s.System(level, 0))
	}
	for _, s := range inst.Systems {
		fmt.Printf("%s: MLPS %v, flags %v, events %v\n", s.ID, s.MLPS, s.Flags, s.Events)
	}
	// Output:
	// NIS2: essential
	// HIS: MLPS 2, flags [health-data], events map[go-live:2024-02-29]
	// WIFI: MLPS unknown, flags [], events map[]
}

// Two systems in one document must not share an ID.
func ExampleDecodeInputs_errors() {
	_, err := gradingio.DecodeInputs(strings.NewReader(`{"systems": [{"id": "HIS"}, {"id": "HIS", "vn": {"type": "internal"}}]}`))
	fmt.Println(err)
	// Output: /systems/1/id: the system ID "HIS" is used twice: give each system its own ID; /systems/1/vn/information: missing: the information classes processed: public, private, personal, state-secret
}

// A limit below the default of 4 MiB, for a service that takes inputs
// from the network.
func ExampleWithMaxBytes() {
	_, err := gradingio.DecodeInputs(strings.NewReader(`{"systems": [{"id": "HIS"}]}`), gradingio.WithMaxBytes(16))
	fmt.Println(err)
	// Output: the input is larger than the limit of 16 bytes
}

// An inventory as a spreadsheet program saves it, one system a line.
func ExampleReadInventory() {
	systems, err := gradingio.ReadInventory(strings.NewReader(
		"id,name,flags,mlps.information.citizens,mlps.information.society,mlps.information.nation," +
			"mlps.service.citizens,mlps.service.society,mlps.service.nation,vn.type,vn.information\n" +
			"HIS,Hospital information system,health-data;personal-data,serious,general,none,general,general,none,,\n" +
			"LIS,Laboratory,,general,none,none,general,none,none,internal,personal\n"))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range systems {
		r, err := grading.MLPS(*s.MLPS, grading.Options{AsOf: asOf, LevelOnly: true})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (%s): MLPS %v, Vietnamese input %t\n", s.ID, s.Name, r.Level, s.VN != nil)
	}
	// Output:
	// HIS (Hospital information system): MLPS 2, Vietnamese input false
	// LIS (Laboratory): MLPS 1, Vietnamese input true
}

// Each problem of an inventory names its line, column and header.
func ExampleReadInventory_errors() {
	_, err := gradingio.ReadInventory(strings.NewReader("id,name,vn.type,vn.information\nHIS,x,intern,public\n,y,,\n"))
	var ces gradingio.CSVErrors
	if errors.As(err, &ces) {
		for _, e := range ces {
			fmt.Println(e)
		}
	}
	// Output:
	// line 2, column 3 (vn.type): "intern" is not allowed here; want one of: internal, public-facing, infrastructure, industrial-control, other
	// line 3, column 1 (id): missing: the system's ID, unique within the institution
}

func ExampleInventoryColumns() {
	cols := gradingio.InventoryColumns()
	fmt.Println(len(cols), "columns:", strings.Join(cols[:5], ", "), "...")
	// Output: 26 columns: id, name, flags, mlps.information.citizens, mlps.information.society ...
}

// The schemas are for editors, forms and programs in other languages;
// the decoders of the package check what they cannot state.
func ExampleMLPSSchema() {
	var s struct {
		ID       string   `json:"$id"`
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(gradingio.MLPSSchema(), &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID, s.Required)
	// Output: https://github.com/medsec-go/medsec/grading/gradingio/mlps-input.schema.json [information service]
}

func ExampleVNSchema() {
	printID(gradingio.VNSchema())
	// Output:
	// https://github.com/medsec-go/medsec/grading/gradingio/vn-input.schema.json
	// medsec Vietnamese grading input
}

func ExampleNIS2Schema() {
	printID(gradingio.NIS2Schema())
	// Output:
	// https://github.com/medsec-go/medsec/grading/gradingio/nis2-input.schema.json
	// medsec NIS2 classification input
}

func ExampleCZSchema() {
	printID(gradingio.CZSchema())
	// Output:
	// https://github.com/medsec-go/medsec/grading/gradingio/cz-input.schema.json
	// medsec Czech regime input
}

func ExampleInputsSchema() {
	printID(gradingio.InputsSchema())
	// Output:
	// https://github.com/medsec-go/medsec/grading/gradingio/inputs.schema.json
	// medsec grading inputs of an institution
}

func printID(schema []byte) {
	var s struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(schema, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID)
	fmt.Println(s.Title)
}

// The package's own messages, for translators; the decoders also pass on
// the messages of package grading's checks.
func ExampleMessageTemplates() {
	for _, m := range gradingio.MessageTemplates()[:3] {
		fmt.Println(m.Key)
	}
	// Output:
	// grading.csv.bool
	// grading.csv.cells
	// grading.csv.column-twice
}

func ExampleSystemInput_System() {
	s := gradingio.SystemInput{ID: "PACS", Flags: []medsec.Flag{"health-data"}}
	sys := s.System(grading.MLPS3, 0)
	fmt.Println(sys.ID, sys.MLPS, sys.VN, sys.Flags)
	// Output: PACS 3 unknown [health-data]
}
