package grading

import (
	"fmt"
	"strings"

	"github.com/medsec-go/medsec"
)

// Message returns the level's name, e.g. "level 3".
func (l VNLevel) Message() medsec.Message {
	if l.Valid() {
		return msgVNLevel.New(int(l))
	}
	return msgVNLevelUnknown.New()
}

// A VNSystemType is a type of information system under Decree 85/2016
// art. 6(2). The zero value means "not given".
type VNSystemType uint8

// System types.
const (
	VNTypeUnknown       VNSystemType = iota
	VNInternal                       // serves the organisation's internal work (phục vụ hoạt động nội bộ)
	VNPublicFacing                   // serves citizens and businesses (phục vụ người dân, doanh nghiệp), e.g. patient portals
	VNInfrastructure                 // information infrastructure (cơ sở hạ tầng thông tin)
	VNIndustrialControl              // industrial control (điều khiển công nghiệp)
	VNOtherType                      // any other system
)

var vnTypeText = enumText{"unknown", "internal", "public-facing", "infrastructure", "industrial-control", "other"}

// Valid reports whether t is set.
func (t VNSystemType) Valid() bool { return t >= VNInternal && t <= VNOtherType }

// String returns the text form, e.g. "public-facing".
func (t VNSystemType) String() string { return vnTypeText.String(uint8(t), "VNSystemType") }

// MarshalText implements [encoding.TextMarshaler].
func (t VNSystemType) MarshalText() ([]byte, error) {
	return vnTypeText.Marshal("grading", uint8(t), "Vietnamese system type")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *VNSystemType) UnmarshalText(b []byte) error {
	v, err := vnTypeText.Parse("grading", b, "Vietnamese system type")
	*t = VNSystemType(v)
	return err
}

// Message returns the type's name.
func (t VNSystemType) Message() medsec.Message {
	switch t {
	case VNInternal:
		return msgVNTypeInternal.New()
	case VNPublicFacing:
		return msgVNTypePublic.New()
	case VNInfrastructure:
		return msgVNTypeInfra.New()
	case VNIndustrialControl:
		return msgVNTypeICS.New()
	}
	return msgVNTypeOther.New()
}

// VNInfo is the set of information classes a system processes (Decree
// 85/2016 art. 6(1)). The zero value, the empty set, means "not given".
type VNInfo uint8

// Information classes; combine them with |.
const (
	InfoPublic      VNInfo = 1 << iota // thông tin công cộng
	InfoPrivate                        // thông tin riêng
	InfoPersonal                       // thông tin cá nhân
	InfoStateSecret                    // thông tin bí mật nhà nước
)

var vnInfoNames = [...]string{"public", "private", "personal", "state-secret"}

const vnInfoAll = InfoPublic | InfoPrivate | InfoPersonal | InfoStateSecret

// Valid reports whether i is a non-empty set of known classes.
func (i VNInfo) Valid() bool { return i != 0 && i&^vnInfoAll == 0 }

// Has reports whether i contains every class of c.
func (i VNInfo) Has(c VNInfo) bool { return i&c == c }

// String returns the classes joined by "|", e.g. "public|personal".
func (i VNInfo) String() string {
	if i == 0 {
		return "none"
	}
	var parts []string
	for b, n := range vnInfoNames {
		if i&(1<<b) != 0 {
			parts = append(parts, n)
		}
	}
	if rest := i &^ vnInfoAll; rest != 0 {
		parts = append(parts, fmt.Sprintf("VNInfo(%#x)", uint8(rest)))
	}
	return strings.Join(parts, "|")
}

// MarshalText implements [encoding.TextMarshaler]; the empty set and
// unknown bits are errors.
func (i VNInfo) MarshalText() ([]byte, error) {
	if !i.Valid() {
		return nil, fmt.Errorf("grading: information classes %s are not valid (want a non-empty set of %v): %w", i, vnInfoNames, medsec.ErrInvalidInput)
	}
	return []byte(i.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts class
// names joined by "|", each at most once, e.g. "public|personal".
func (i *VNInfo) UnmarshalText(b []byte) error {
	var v VNInfo
	for _, p := range strings.Split(string(b), "|") {
		bit := VNInfo(0)
		for k, n := range vnInfoNames {
			if p == n {
				bit = 1 << k
			}
		}
		if bit == 0 || v&bit != 0 {
			*i = 0
			return fmt.Errorf("grading: invalid information classes %q (want names from %v joined by \"|\", each once): %w", b, vnInfoNames, medsec.ErrInvalidInput)
		}
		v |= bit
	}
	*i = v
	return nil
}

// A VNSecretGrade is the grade of state secret (độ mật) a system processes.
type VNSecretGrade uint8

// State-secret grades.
const (
	SecretUnknown  VNSecretGrade = iota
	SecretMat                    // Mật (confidential)
	SecretToiMat                 // Tối mật (secret)
	SecretTuyetMat               // Tuyệt mật (top secret)
)

var secretText = enumText{"unknown", "mat", "toi-mat", "tuyet-mat"}

// Valid reports whether g is set.
func (g VNSecretGrade) Valid() bool { return g >= SecretMat && g <= SecretTuyetMat }

// String returns "mat", "toi-mat", "tuyet-mat" or "unknown".
func (g VNSecretGrade) String() string { return secretText.String(uint8(g), "VNSecretGrade") }

// MarshalText implements [encoding.TextMarshaler].
func (g VNSecretGrade) MarshalText() ([]byte, error) {
	return secretText.Marshal("grading", uint8(g), "state-secret grade")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *VNSecretGrade) UnmarshalText(b []byte) error {
	v, err := secretText.Parse("grading", b, "state-secret grade")
	*g = VNSecretGrade(v)
	return err
}

// Message returns the grade's name.
func (g VNSecretGrade) Message() medsec.Message {
	switch g {
	case SecretToiMat:
		return msgVNSecretToiMat.New()
	case SecretTuyetMat:
		return msgVNSecretTuyetMat.New()
	}
	return msgVNSecretMat.New()
}

// A VNHarm is how badly a compromise of a state-secret or defence system
// would harm defence and national security (Decree 85 arts. 9(1), 10(1),
// 11(1)).
type VNHarm uint8

// Degrees of harm to defence and national security.
const (
	VNHarmUnknown           VNHarm = iota
	VNHarmSome                     // harm (tổn hại): level 3
	VNHarmSerious                  // serious harm (nghiêm trọng): level 4
	VNHarmEspeciallySerious        // especially serious harm (đặc biệt nghiêm trọng): level 5
)

var vnHarmText = enumText{"unknown", "harm", "serious", "especially-serious"}

// Valid reports whether h is set.
func (h VNHarm) Valid() bool { return h >= VNHarmSome && h <= VNHarmEspeciallySerious }

// String returns "harm", "serious", "especially-serious" or "unknown".
func (h VNHarm) String() string { return vnHarmText.String(uint8(h), "VNHarm") }

// MarshalText implements [encoding.TextMarshaler].
func (h VNHarm) MarshalText() ([]byte, error) {
	return vnHarmText.Marshal("grading", uint8(h), "defence harm")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (h *VNHarm) UnmarshalText(b []byte) error {
	v, err := vnHarmText.Parse("grading", b, "defence harm")
	*h = VNHarm(v)
	return err
}

// A VNPublicService is the online public-service level (mức độ dịch vụ
// công trực tuyến) a public-facing system provides, or that it provides
// none.
type VNPublicService uint8

// Online public-service levels.
const (
	PublicServiceUnknown VNPublicService = iota
	NoPublicService                      // not an online public service
	PublicService1                       // mức độ 1
	PublicService2                       // mức độ 2
	PublicService3                       // mức độ 3
	PublicService4                       // mức độ 4
)

var publicServiceText = enumText{"unknown", "none", "1", "2", "3", "4"}

// Valid reports whether s is set.
func (s VNPublicService) Valid() bool { return s >= NoPublicService && s <= PublicService4 }

// String returns "none", "1" to "4", or "unknown".
func (s VNPublicService) String() string {
	return publicServiceText.String(uint8(s), "VNPublicService")
}

// MarshalText implements [encoding.TextMarshaler].
func (s VNPublicService) MarshalText() ([]byte, error) {
	return publicServiceText.Marshal("grading", uint8(s), "online public-service level")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *VNPublicService) UnmarshalText(b []byte) error {
	v, err := publicServiceText.Parse("grading", b, "online public-service level")
	*s = VNPublicService(v)
	return err
}

// A VNReach is how far an information infrastructure reaches.
type VNReach uint8

// Infrastructure reaches.
const (
	ReachUnknown          VNReach = iota
	ReachOneOrganisation          // serves one agency or organisation (art. 8(3))
	ReachSectorOrProvince         // one sector, one province or several provinces (art. 9(3))
	ReachNationwide               // nationwide (art. 10(3) with 24/7)
	ReachInternational            // national infrastructure connecting Vietnam internationally (art. 11(3))
)

var reachText = enumText{"unknown", "one-organisation", "sector-or-province", "nationwide", "international"}

// Valid reports whether r is set.
func (r VNReach) Valid() bool { return r >= ReachOneOrganisation && r <= ReachInternational }

// String returns the text form, e.g. "nationwide".
func (r VNReach) String() string { return reachText.String(uint8(r), "VNReach") }

// MarshalText implements [encoding.TextMarshaler].
func (r VNReach) MarshalText() ([]byte, error) {
	return reachText.Marshal("grading", uint8(r), "infrastructure reach")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *VNReach) UnmarshalText(b []byte) error {
	v, err := reachText.Parse("grading", b, "infrastructure reach")
	*r = VNReach(v)
	return err
}

// A VNWorksGrade is the grade of the construction works an industrial
// control system runs.
type VNWorksGrade uint8

// Construction-works grades.
const (
	WorksUnknown VNWorksGrade = iota
	WorksSpecial              // cấp đặc biệt (art. 11(4))
	WorksI                    // cấp I (art. 10(4))
	WorksII                   // cấp II (art. 9(4))
	WorksIII                  // cấp III (art. 9(4))
	WorksIV                   // cấp IV (art. 9(4))
)

var worksText = enumText{"unknown", "special", "I", "II", "III", "IV"}

// Valid reports whether g is set.
func (g VNWorksGrade) Valid() bool { return g >= WorksSpecial && g <= WorksIV }

// String returns "special", "I", "II", "III", "IV" or "unknown".
func (g VNWorksGrade) String() string { return worksText.String(uint8(g), "VNWorksGrade") }

// MarshalText implements [encoding.TextMarshaler].
func (g VNWorksGrade) MarshalText() ([]byte, error) {
	return worksText.Marshal("grading", uint8(g), "construction-works grade")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *VNWorksGrade) UnmarshalText(b []byte) error {
	v, err := worksText.Parse("grading", b, "construction-works grade")
	*g = VNWorksGrade(v)
	return err
}

// Message returns the grade's name.
func (g VNWorksGrade) Message() medsec.Message {
	if g == WorksSpecial {
		return msgVNWorksSpecial.New()
	}
	return msgVNWorksGrade.New(g.String())
}
