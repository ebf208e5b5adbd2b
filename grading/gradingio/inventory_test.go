package gradingio

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// inventorySample is an inventory of four systems, with a byte order mark
// as spreadsheet programs write it.
const inventorySample = "\uFEFFid,name,flags,events.go-live,mlps.information.citizens,mlps.information.society,mlps.information.nation," +
	"mlps.service.citizens,mlps.service.society,mlps.service.nation,mlps.tertiaryHospitalCore,vn.type,vn.information,vn.publicService,vn.conditionalBusiness,vn.users\r\n" +
	"HIS,Hospital information system,health-data;personal-data,2024-02-29,serious,general,none,general,general,none,true,,,,,\r\n" +
	"PORTAL,\"Patient portal, public\",personal-data,,,,,,,,,public-facing,public|personal,3,no,48000\r\n" +
	"LIS,Laboratory,,2025-01-15,general,none,none,general,none,none,false,internal,personal,,,\r\n" +
	"WIFI,Guest Wi-Fi,,,,,,,,,,,,,,\r\n"

func TestReadInventory(t *testing.T) {
	systems, err := ReadInventory(strings.NewReader(inventorySample))
	require.NoError(t, err)
	require.Len(t, systems, 4)
	his := systems[0]
	assert.Equal(t, "HIS", his.ID)
	assert.Equal(t, []medsec.Flag{"health-data", "personal-data"}, his.Flags)
	assert.Equal(t, map[medsec.Event]medsec.Date{"go-live": medsec.NewDate(2024, 2, 29)}, his.Events)
	assert.Equal(t, &grading.MLPSInput{Information: grading.HarmProfile{Citizens: grading.SeriousHarm, Society: grading.GeneralHarm, Nation: grading.NoHarm}, Service: grading.HarmProfile{Citizens: grading.GeneralHarm, Society: grading.GeneralHarm, Nation: grading.NoHarm},
		TertiaryHospitalCore: true}, his.MLPS)
	assert.Nil(t, his.VN)
	assert.Equal(t, "Patient portal, public", systems[1].Name)
	assert.Equal(t, &grading.VNInput{Type: grading.VNPublicFacing, Information: grading.InfoPublic | grading.InfoPersonal, PublicService: grading.PublicService3,
		ConditionalBusiness: grading.No, Users: 48000}, systems[1].VN)
	assert.NotNil(t, systems[2].MLPS)
	assert.NotNil(t, systems[2].VN)
	assert.Equal(t, SystemInput{ID: "WIFI", Name: "Guest Wi-Fi"}, systems[3])

	// Every system grades.
	for _, s := range systems {
		if s.MLPS != nil {
			_, err := grading.MLPS(*s.MLPS, grading.Options{AsOf: dayNow})
			assert.NoError(t, err, s.ID)
		}
		if s.VN != nil {
			_, err := grading.Vietnam(*s.VN, grading.Options{AsOf: dayNow})
			assert.NoError(t, err, s.ID)
		}
	}
	assert.Contains(t, InventoryColumns(), "vn.users")
	assert.Contains(t, InventoryColumns(), "mlps.service.nation")
	assert.NotContains(t, InventoryColumns(), "vn.system")
}

// TestReadInventoryErrors: every problem names its line, column and
// header, says what to do, and wraps ErrInvalidInput.
func TestReadInventoryErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"empty", "", "the file is empty: give a header line and one line per system"},
		{"header only", "id,name\n", ""},
		{"no id column", "name\nHIS\n", "line 1 (id): the header has no column \"id\": every system needs one"},
		{"unknown column", "id,nmae\nHIS,x\n", "line 1, column 2 (nmae): unknown column \"nmae\"; did you mean \"name\"?"},
		{"unknown column far", "id,colour\nHIS,x\n", "line 1, column 2 (colour): unknown column \"colour\"; see the list of columns in the documentation of gradingio.ReadInventory"},
		{"column twice", "id,name,name\nHIS,a,b\n", "line 1, column 3 (name): the column \"name\" appears twice: keep one"},
		{"semicolons", "id;name;flags\nHIS;x;y\n", "line 1: the header is separated by semicolons: save the file with commas between the columns (CSV), and semicolons only between the flags of a cell"},
		{"latin-1", "id,name\nHIS,Krajsk\xe1 nemocnice\n", "line 2, column 2 (name): the line is not valid UTF-8: save the file as CSV UTF-8"},
		{"utf-16", "\xff\xfei\x00d\x00\n\x00", "line 1: the line is not valid UTF-8: save the file as CSV UTF-8"},
		{"too many cells", "id,name\nHIS,a,b\n", "line 2: the number of cells (3) is not the number of columns of the header (2): give one cell per column, and quote a cell that holds commas"},
		{"bare quote", "id,name\nHIS,a\"b\n", "line 2: the line is not valid CSV at character 6: bare \" in non-quoted-field; quote a cell that holds commas, quotes or line breaks, and double the quotes inside it"},
		{"bare quote in the first cell", "id,name\n0\"0", "line 2: the line is not valid CSV at character 2: bare \" in non-quoted-field; quote a cell that holds commas, quotes or line breaks, and double the quotes inside it"},
		{"no id", "id,name\n,HIS\n", "line 2, column 1 (id): missing: the system's ID, unique within the institution"},
		{"id twice", "id\nHIS\nLIS\nHIS\n", "line 4, column 1 (id): the system ID \"HIS\" is used twice: give each system its own ID"},
		{"bad date", "id,events.go-live\nHIS,2026-13-01\n", "line 2, column 2 (events.go-live): \"2026-13-01\" does not exist: the month must be from 01 to 12"},
		{"bad event column", "id,events.Go_Live\nHIS,2026-01-01\n", "line 1, column 2 (events.Go_Live): unknown column \"events.Go_Live\"; see the list of columns in the documentation of gradingio.ReadInventory"},
		{"bad flag", "id,flags\nHIS,health-data;;cii\n", "line 2, column 2 (flags): the flags have an empty entry: separate flags by single semicolons, such as health-data;personal-data"},
		{"bad flag form", "id,flags\nHIS,Health Data\n", "line 2, column 2 (flags): \"Health Data\" is not a code: use lower-case words of letters and digits joined by hyphens, such as \"health-data\", at most 64 characters"},
		{"bad bool", "id,mlps.tertiaryHospitalCore\nHIS,yes\n", "line 2, column 2 (mlps.tertiaryHospitalCore): \"yes\" is not true or false: write true or false, or leave the cell empty"},
		{"bad number", "id,vn.type,vn.information,vn.publicService,vn.conditionalBusiness,vn.users\nP,public-facing,personal,1,no,\"48,000\"\n",
			"line 2, column 6 (vn.users): \"48,000\" is not a whole number: write digits only, such as 12000"},
		{"bad enum", "id,vn.type,vn.information\nP,Internal,public\n", "line 2, column 2 (vn.type): \"Internal\" is not allowed here; want one of: internal, public-facing, infrastructure, industrial-control, other"},
		{"missing input field", "id,vn.type,vn.information\nP,infrastructure,public\n", "line 2 (vn.reach): missing: the reach: one-organisation, sector-or-province, nationwide or international"},
		{"missing harm", "id,mlps.information.citizens\nHIS,serious\n", "line 2 (mlps.information.society): missing: state the degree of harm: none, general, serious or particularly-serious"},
		{"control character", "id,name\nHIS,\"a\x1b[2Jb\"\n", "line 2, column 2 (name): the text holds the control character U+001B, which is not allowed here"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadInventory(strings.NewReader(tt.in))
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			var ces CSVErrors
			require.True(t, errors.As(err, &ces), "%v", err)
			assert.Equal(t, tt.want, ces[0].Error())
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			var fe *medsec.FieldError
			require.ErrorAs(t, err, &fe)
			assert.NotEmpty(t, fe.Message.Key)
		})
	}
	_, err := ReadInventory(strings.NewReader("id\n"+strings.Repeat("HIS\n", 30)), WithMaxBytes(20))
	assert.EqualError(t, err, "the input is larger than the limit of 20 bytes")
	_, err = ReadInventory(errReader{})
	assert.ErrorIs(t, err, errBroken)
	var b strings.Builder
	b.WriteString("id,vn.type\n")
	for range 150 {
		b.WriteString("S,Bad\n")
	}
	_, err = ReadInventory(strings.NewReader(b.String()))
	var ces CSVErrors
	require.ErrorAs(t, err, &ces)
	assert.Len(t, ces, 100)
	assert.Equal(t, "and 51 more errors", ces[99].Error())
}

// FuzzReadInventory: no input makes ReadInventory panic; it returns
// systems or CSVErrors (or a read error), and every system it returns has
// an ID of its own and inputs that grade without an input error.
func FuzzReadInventory(f *testing.F) {
	f.Add(inventorySample)
	f.Add("id,name\nHIS,x\n")
	f.Add("id,vn.type,vn.information,vn.users\nP,public-facing,personal,-1\n")
	f.Add("id,events.go-live,flags\nA,2026-02-30,a;;b\n")
	f.Fuzz(func(t *testing.T, in string) {
		systems, err := ReadInventory(strings.NewReader(in))
		if err != nil {
			var ces CSVErrors
			if !errors.As(err, &ces) || len(ces) == 0 || len(ces) > 100 {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, s := range systems {
			if s.ID == "" || seen[s.ID] {
				t.Fatalf("system ID %q empty or repeated", s.ID)
			}
			seen[s.ID] = true
			if s.MLPS != nil {
				if _, err := grading.MLPS(*s.MLPS, grading.Options{AsOf: dayNow}); err != nil {
					t.Fatalf("%s: %v", s.ID, err)
				}
			}
			if s.VN != nil {
				if _, err := grading.Vietnam(*s.VN, grading.Options{AsOf: dayNow}); err != nil && !strings.Contains(err.Error(), "no criterion") {
					t.Fatalf("%s: %v", s.ID, err)
				}
			}
		}
	})
}
