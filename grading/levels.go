package grading

import (
	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
)

// enumText is the text form of this package's enumerations.
type enumText = enum.Names

// A Scheme is a grading scheme.
type Scheme uint8

// The grading schemes. The zero value is unknown.
const (
	SchemeUnknown Scheme = iota
	SchemeMLPS           // China: MLPS 2.0 protection levels (GB/T 22240)
	SchemeVN             // Vietnam: information-system security levels (Decree 85/2016)
	SchemeNIS2           // EU: NIS2 essential and important entities
	SchemeCZ             // Czechia: regimes of Act 264/2025
)

var schemeText = enumText{"unknown", "cn-mlps", "vn-levels", "eu-nis2", "cz-regime"}

// Valid reports whether s is a known scheme.
func (s Scheme) Valid() bool { return s > SchemeUnknown && int(s) < len(schemeText) }

// String returns the scheme's text form, e.g. "cn-mlps".
func (s Scheme) String() string { return schemeText.String(uint8(s), "Scheme") }

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (s Scheme) MarshalText() ([]byte, error) {
	return schemeText.Marshal("grading", uint8(s), "scheme")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Scheme) UnmarshalText(b []byte) error {
	v, err := schemeText.Parse("grading", b, "scheme")
	*s = Scheme(v)
	return err
}

// Jurisdiction returns the jurisdiction whose law defines the scheme.
func (s Scheme) Jurisdiction() medsec.Jurisdiction {
	switch s {
	case SchemeMLPS:
		return medsec.CN
	case SchemeVN:
		return medsec.VN
	case SchemeNIS2:
		return medsec.EU
	case SchemeCZ:
		return medsec.CZ
	}
	return ""
}

// An MLPSLevel is a Chinese MLPS 2.0 protection level (网络安全等级保护),
// 1 to 5. The zero value means "not graded" and is not valid.
type MLPSLevel uint8

// MLPS levels with their official names.
const (
	MLPSLevelUnknown MLPSLevel = iota
	MLPS1                      // 第一级 自主保护级, user-discretionary protection
	MLPS2                      // 第二级 指导保护级, guided protection
	MLPS3                      // 第三级 监督保护级, supervised protection
	MLPS4                      // 第四级 强制保护级, mandatory protection
	MLPS5                      // 第五级 专控保护级, specially controlled protection
)

var levelText = enumText{"unknown", "1", "2", "3", "4", "5"}

// Valid reports whether l is 1 to 5.
func (l MLPSLevel) Valid() bool { return l >= MLPS1 && l <= MLPS5 }

// String returns "1" to "5", or "unknown".
func (l MLPSLevel) String() string { return levelText.String(uint8(l), "MLPSLevel") }

// MarshalText implements [encoding.TextMarshaler] ("1" to "5"); the zero
// value is an error.
func (l MLPSLevel) MarshalText() ([]byte, error) {
	return levelText.Marshal("grading", uint8(l), "MLPS level")
}

// UnmarshalText implements [encoding.TextUnmarshaler] ("1" to "5").
func (l *MLPSLevel) UnmarshalText(b []byte) error {
	v, err := levelText.Parse("grading", b, "MLPS level")
	*l = MLPSLevel(v)
	return err
}

// A VNLevel is a Vietnamese information-system security level (cấp độ),
// 1 to 5, under Law 86/2015 art. 21 and Decree 85/2016. The zero value
// means "not graded" and is not valid.
type VNLevel uint8

// Vietnamese levels.
const (
	VNLevelUnknown VNLevel = iota
	VN1                    // cấp độ 1
	VN2                    // cấp độ 2
	VN3                    // cấp độ 3
	VN4                    // cấp độ 4
	VN5                    // cấp độ 5
)

// Valid reports whether l is 1 to 5.
func (l VNLevel) Valid() bool { return l >= VN1 && l <= VN5 }

// String returns "1" to "5", or "unknown".
func (l VNLevel) String() string { return levelText.String(uint8(l), "VNLevel") }

// MarshalText implements [encoding.TextMarshaler] ("1" to "5").
func (l VNLevel) MarshalText() ([]byte, error) {
	return levelText.Marshal("grading", uint8(l), "VN level")
}

// UnmarshalText implements [encoding.TextUnmarshaler] ("1" to "5").
func (l *VNLevel) UnmarshalText(b []byte) error {
	v, err := levelText.Parse("grading", b, "VN level")
	*l = VNLevel(v)
	return err
}

// An EntityClass is an entity's class under NIS2 art. 3. The zero value
// means "not classified" and is not valid.
type EntityClass uint8

// NIS2 entity classes.
const (
	EntityClassUnknown EntityClass = iota
	OutOfScope                     // not an essential or important entity
	Important                      // important entity (důležitý subjekt), art. 3(2)
	Essential                      // essential entity (základní subjekt), art. 3(1)
)

var classText = enumText{"unknown", "out-of-scope", "important", "essential"}

// Valid reports whether c is set.
func (c EntityClass) Valid() bool { return c >= OutOfScope && c <= Essential }

// String returns "out-of-scope", "important", "essential" or "unknown".
func (c EntityClass) String() string { return classText.String(uint8(c), "EntityClass") }

// MarshalText implements [encoding.TextMarshaler].
func (c EntityClass) MarshalText() ([]byte, error) {
	return classText.Marshal("grading", uint8(c), "entity class")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *EntityClass) UnmarshalText(b []byte) error {
	v, err := classText.Parse("grading", b, "entity class")
	*c = EntityClass(v)
	return err
}

// A SizeClass is an enterprise size under Recommendation 2003/361/EC, as
// NIS2 uses it (micro enterprises count as small). The zero value is
// unknown.
type SizeClass uint8

// Size classes.
const (
	SizeUnknown SizeClass = iota
	Small                 // below the medium thresholds (micro included)
	Medium                // medium-sized
	Large                 // above the medium ceilings
)

var sizeText = enumText{"unknown", "small", "medium", "large"}

// Valid reports whether s is set.
func (s SizeClass) Valid() bool { return s >= Small && s <= Large }

// String returns "small", "medium", "large" or "unknown".
func (s SizeClass) String() string { return sizeText.String(uint8(s), "SizeClass") }

// MarshalText implements [encoding.TextMarshaler].
func (s SizeClass) MarshalText() ([]byte, error) {
	return sizeText.Marshal("grading", uint8(s), "size class")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *SizeClass) UnmarshalText(b []byte) error {
	v, err := sizeText.Parse("grading", b, "size class")
	*s = SizeClass(v)
	return err
}

// A CZRegime is the obligations regime of a regulated-service provider
// under the Czech Act 264/2025 Sb. The zero value is unknown.
type CZRegime uint8

// Czech regimes.
const (
	CZRegimeUnknown CZRegime = iota
	CZNotRegulated           // not a regulated-service provider
	CZLower                  // režim nižších povinností (≈ NIS2 important)
	CZHigher                 // režim vyšších povinností (≈ NIS2 essential)
)

var regimeText = enumText{"unknown", "not-regulated", "lower", "higher"}

// Valid reports whether r is set.
func (r CZRegime) Valid() bool { return r >= CZNotRegulated && r <= CZHigher }

// String returns "not-regulated", "lower", "higher" or "unknown".
func (r CZRegime) String() string { return regimeText.String(uint8(r), "CZRegime") }

// MarshalText implements [encoding.TextMarshaler].
func (r CZRegime) MarshalText() ([]byte, error) {
	return regimeText.Marshal("grading", uint8(r), "Czech regime")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *CZRegime) UnmarshalText(b []byte) error {
	v, err := regimeText.Parse("grading", b, "Czech regime")
	*r = CZRegime(v)
	return err
}
