package assist

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// Limits on user data. Sizes are bounded so that hostile input cannot make
// decoding or matching slow.
const (
	maxErrors       = 100    // errors reported by one call
	maxName         = 200    // characters in a name
	maxNote         = 1000   // characters in a note
	maxRegistration = 40     // characters in a registration number
	maxEmail        = 254    // characters in an e-mail address
	maxURL          = 2000   // characters in the catalogue's address
	maxRegions      = 100    // regions of one offer
	maxLanguages    = 20     // languages of one offer or need
	maxEngagements  = 1000   // concurrent engagements of one offer
	maxPersonDays   = 100000 // person-days of one offer
	maxRequestDays  = 365    // person-days of one request
	maxItems        = 10000  // offers or needs in one document or one call
)

// Patterns shared with the JSON Schemas; a test checks that the schemas
// use the same ones. They are written so that Go's regexp (RE2) and the
// ECMA-262 engines of JSON Schema validators read them alike.
const (
	idPattern    = `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`
	emailPattern = `^[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`
	phonePattern = `^\+[1-9][0-9]{0,2}( ?[0-9]){4,14}$`
	tagPattern   = `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`
)

var (
	idRE    = regexp.MustCompile(idPattern)
	emailRE = regexp.MustCompile(emailPattern)
	phoneRE = regexp.MustCompile(phonePattern)
	tagRE   = regexp.MustCompile(tagPattern)
)

// validEmail reports whether s is an address medsec accepts: an ASCII
// dot-atom local part, "@", and a domain of letter-digit-hyphen labels
// with an alphabetic top-level label, 254 characters at most.
// Internationalised addresses are not accepted.
func validEmail(s string) bool { return len(s) <= maxEmail && emailRE.MatchString(s) }

// errList collects field errors, at most maxErrors of them: the last
// place says that more were left out.
type errList struct {
	errs medsec.FieldErrors
	full bool
}

func (e *errList) add(path, rule, value string, m medsec.Message) {
	if e.full {
		return
	}
	if len(e.errs) == maxErrors-1 {
		e.errs = append(e.errs, &medsec.FieldError{Path: "", Rule: "too-many", Message: msgErrTooMany.New(maxErrors - 1), Err: medsec.ErrInvalidInput})
		e.full = true
		return
	}
	e.errs = append(e.errs, &medsec.FieldError{Path: path, Rule: rule, Value: value, Message: m, Err: medsec.ErrInvalidInput})
}

func (e *errList) required(path string) { e.add(path, "required", "", msgErrRequired.New()) }

// err returns the errors, or nil.
func (e *errList) err() error {
	if len(e.errs) == 0 {
		return nil
	}
	return e.errs
}

// text checks a single-line text field.
func (e *errList) text(path, s string, required bool, max int) {
	if s == "" {
		if required {
			e.required(path)
		}
		return
	}
	if r, bad := badRune(s); bad {
		if r == utf8.RuneError {
			e.add(path, "utf8", s, msgErrReplacement.New())
		} else {
			e.add(path, "control", s, msgErrControl.New(fmt.Sprintf("U+%04X", r)))
		}
		return
	}
	if strings.TrimSpace(s) != s {
		e.add(path, "space", s, msgErrSpace.New())
	}
	if n := utf8.RuneCountInString(s); n > max {
		e.add(path, "max-length", "", msgErrTooLong.New(max, n))
	}
}

// badRune returns the first rune of s that no text field may hold: a
// control character, a line or paragraph separator, a bidirectional
// formatting character (which can reorder what a reader sees), or the
// replacement character U+FFFD (the trace of text that was not valid).
func badRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case unicode.IsControl(r), r == 0x2028, r == 0x2029,
			r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F,
			r == utf8.RuneError:
			return r, true
		}
	}
	return 0, false
}

// id checks an identifier.
func (e *errList) id(path, s string) {
	switch {
	case s == "":
		e.required(path)
	case !idRE.MatchString(s):
		e.add(path, "id", s, msgErrID.New(s))
	}
}

func (e *errList) intRange(path string, v, lo, hi int) {
	if v < lo || v > hi {
		e.add(path, "range", strconv.Itoa(v), msgErrRange.New(lo, hi, v))
	}
}

// validateList checks the length of a list of enumeration values, that
// each is valid, and that none repeats.
func validateList[T comparable](e *errList, path string, list []T, min, max int, valid func(T) bool) {
	switch {
	case len(list) < min:
		e.add(path, "min-items", "", msgErrMinItems.New(min))
	case len(list) > max:
		e.add(path, "max-items", "", msgErrMaxItems.New(max))
		return
	}
	seen := make(map[T]int, len(list))
	for i, v := range list {
		p := path + "/" + strconv.Itoa(i)
		if !valid(v) {
			e.required(p)
			continue
		}
		if j, dup := seen[v]; dup {
			e.add(p, "unique", fmt.Sprint(v), msgErrDuplicate.New(fmt.Sprint(v), j))
			continue
		}
		seen[v] = i
	}
}

func validateLanguages(e *errList, path string, langs []Language, min int) {
	validateList(e, path, langs, min, maxLanguages, func(Language) bool { return true })
	for i, l := range langs {
		if !l.valid() {
			e.add(path+"/"+strconv.Itoa(i), "language", string(l), msgErrLanguage.New(string(l)))
		}
	}
}

// checkDate checks the text form of a date and returns what is wrong with
// it: the form, a month out of range or a day the month does not have.
func checkDate(s string) (medsec.Date, medsec.Message) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return medsec.Date{}, msgErrDateForm.New(s)
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if y < 1 {
		return medsec.Date{}, msgErrDateYear.New(s)
	}
	if m < 1 || m > 12 {
		return medsec.Date{}, msgErrDateMonth.New(s, m)
	}
	date, err := medsec.ParseDate(s)
	if err != nil {
		return medsec.Date{}, msgErrDateDay.New(s, d)
	}
	return date, medsec.Message{}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
