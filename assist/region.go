package assist

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// A Region is a place: an ISO 3166-2 subdivision code such as "CZ-64"
// (Jihomoravský kraj) or, for a whole country, its ISO 3166-1 alpha-2 code
// such as "CZ". Offers name the regions where their helpers can come on
// site; a need names the region where the provider is.
//
// Czech codes are checked against the 14 regions (kraje) of ISO
// 3166-2:CZ; the district codes (CZ-201, ...) and the letter codes
// withdrawn in 2011 (CZ-JM, ...) are rejected, the latter with the code
// that replaced them. Other countries' subdivisions are checked for form
// only (a known country code, a hyphen, one to three letters or digits),
// because medsec holds no list of them.
type Region string

// The Czech regions (kraje) and the capital, with their ISO 3166-2 codes.
// The codes follow the NUTS 3 numbering (CZ010 → CZ-10).
var czRegions = []Region{"CZ-10", "CZ-20", "CZ-31", "CZ-32", "CZ-41", "CZ-42", "CZ-51", "CZ-52",
	"CZ-53", "CZ-63", "CZ-64", "CZ-71", "CZ-72", "CZ-80"}

// czWithdrawn maps the letter codes that ISO 3166-2:CZ used for the
// regions before the numeric ones to their replacements.
var czWithdrawn = map[string]Region{
	"CZ-PR": "CZ-10", "CZ-ST": "CZ-20", "CZ-JC": "CZ-31", "CZ-PL": "CZ-32", "CZ-KA": "CZ-41",
	"CZ-US": "CZ-42", "CZ-LI": "CZ-51", "CZ-KR": "CZ-52", "CZ-PA": "CZ-53", "CZ-VY": "CZ-63",
	"CZ-JM": "CZ-64", "CZ-OL": "CZ-71", "CZ-ZL": "CZ-72", "CZ-MO": "CZ-80",
}

// CzechRegions returns the codes of the 14 Czech regions, in the order of
// their codes.
func CzechRegions() []Region { return slices.Clone(czRegions) }

// Country returns the ISO 3166-1 alpha-2 code of r's country: "CZ" for
// "CZ-64" and for "CZ".
func (r Region) Country() string {
	c, _, _ := strings.Cut(string(r), "-")
	return c
}

// IsCountry reports whether r names a whole country.
func (r Region) IsCountry() bool { return len(r) == 2 }

// Covers reports whether help available in r reaches a provider in p:
// r is p itself or p's whole country.
func (r Region) Covers(p Region) bool {
	return r == p || r.IsCountry() && r == Region(p.Country())
}

// Message returns the region's name as a translatable message: the name of
// a Czech region, the whole Czech Republic for "CZ", "all of SK" for
// another country, and the code itself for other subdivisions.
func (r Region) Message() medsec.Message {
	if i := slices.Index(czRegions, r); i >= 0 {
		return msgCZRegions[i].New()
	}
	if r == "CZ" {
		return msgRegionCzechia.New()
	}
	if r.IsCountry() {
		return msgRegionCountry.New(string(r))
	}
	return msgRegionCode.New(string(r))
}

// check returns what is wrong with r, or a zero Message. subdivision
// requires a subdivision rather than a whole country.
func (r Region) check(subdivision bool) (rule string, m medsec.Message) {
	s := string(r)
	if to, ok := czWithdrawn[s]; ok {
		return "region", msgErrRegionWithdrawn.New(s, string(to))
	}
	country, sub, hasSub := strings.Cut(s, "-")
	if !isCountry(country) || hasSub && !subdivisionForm(sub) {
		return "region", msgErrRegion.New(s)
	}
	if !hasSub {
		if subdivision {
			return "region", msgErrRegionCountry.New(s)
		}
		return "", medsec.Message{}
	}
	if country == "CZ" && !slices.Contains(czRegions, r) {
		return "region", msgErrRegionCZ.New(s)
	}
	return "", medsec.Message{}
}

func subdivisionForm(s string) bool {
	if len(s) < 1 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// isoCountries are the 249 officially assigned ISO 3166-1 alpha-2 codes
// (user-assigned codes such as XK are not among them).
const isoCountries = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
	"ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
	"LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
	"RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

// isCountry reports whether s is an assigned ISO 3166-1 alpha-2 code.
func isCountry(s string) bool {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	for i := 0; i+2 <= len(isoCountries); i += 3 {
		if isoCountries[i:i+2] == s {
			return true
		}
	}
	return false
}

// countryCodes returns the assigned country codes, sorted.
func countryCodes() []string { return strings.Fields(isoCountries) }
