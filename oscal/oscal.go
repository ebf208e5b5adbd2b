package oscal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/strictjson"
	"github.com/medsec-go/medsec/obligations"
)

// Version is the OSCAL version of the documents the package writes.
const Version = "1.2.2"

// Namespace qualifies every property, part and link relation that medsec
// adds to OSCAL's own vocabulary (the "ns" of a prop or part).
const Namespace = "https://github.com/medsec-go/medsec/ns/oscal"

// NamespaceID is the UUID under which medsec derives its UUIDs: the
// version-5 UUID of [Namespace] in the URL namespace of RFC 4122,
// uuid.NewSHA1(uuid.NameSpaceURL, []byte(Namespace)). Anyone can compute it
// again; a test does.
const NamespaceID = "7cc0cd4d-b7f6-5021-9c10-ca3be7e34f71"

var namespaceUUID = uuid.MustParse(NamespaceID)

// ErrNothingToPlan is returned by [WritePOAM] for a report with no item to
// plan: OSCAL cannot express a plan of action without items, so nothing is
// written.
var ErrNothingToPlan = errors.New("oscal: the report has no overdue or missing item, so there is nothing to plan")

// URN returns the URN that names a thing medsec writes to OSCAL:
// "urn:medsec:" + kind + ":" + the parts joined by ":", each part
// percent-encoded byte by byte (every byte outside the unreserved
// characters of RFC 3986, A-Z a-z 0-9 - . _ ~, becomes %XX with upper-case
// hex digits), so that a ":" inside a part never splits it. An empty part
// is allowed and means "none". The kinds and their parts are listed in
// the package documentation. The URNs are names to hash, never to
// dereference: "medsec" is not a registered URN namespace.
func URN(kind string, parts ...string) string {
	var b strings.Builder
	b.WriteString("urn:medsec:")
	b.WriteString(pct(kind))
	for _, p := range parts {
		b.WriteByte(':')
		b.WriteString(pct(p))
	}
	return b.String()
}

func pct(s string) string {
	const hexUpper = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexUpper[c>>4])
		b.WriteByte(hexUpper[c&15])
	}
	return b.String()
}

// UUID returns the version-5 UUID of urn under medsec's namespace
// ([NamespaceID]): uuid.NewSHA1 of the URN's bytes. The same thing always
// gets the same UUID.
func UUID(urn string) uuid.UUID { return uuid.NewSHA1(namespaceUUID, []byte(urn)) }

// Options tune the documents. The zero Options writes English documents
// of the default catalog.
type Options struct {
	// Catalog is the catalog whose duties, registry and mappings the
	// documents describe; nil is [obligations.DefaultCatalog].
	Catalog *obligations.Catalog
	// Text renders the titles, statements and evidence texts of the
	// duties (for example the method value Format of a localizer of
	// package i18n); nil renders them in English ([medsec.Message.String]).
	Text func(medsec.Message) string
	// Locale is the language of Text, recorded in every document and part
	// of its URN. Required with Text; "en" without it.
	Locale string
	// Href returns the file name or URL under which the catalog of a pack
	// is published, for the profiles, results and mapping collections
	// that point to it; nil gives "<pack>-catalog.json". The result must
	// be a URI reference (RFC 3986).
	Href func(pack string) string
	// Namespace, when set, replaces medsec's namespace for the UUIDs of
	// the objects of a gap report (institution, systems, report, items),
	// which are keyed by the user's own IDs: give your organisation's, so
	// that two users' hospitals called "H1" do not share UUIDs. Catalogs,
	// profiles and mappings always use medsec's.
	Namespace uuid.UUID
	// AsOf is the day on which a baseline selects the duties in force;
	// zero is the version date of the baseline's pack.
	AsOf medsec.Date
	// DueSoon also puts the items due soon into a plan of action.
	DueSoon bool
}

// settings are Options resolved.
type settings struct {
	cat    *obligations.Catalog
	reg    *medsec.Registry
	text   func(medsec.Message) string
	locale string
	href   func(string) string
	ns     uuid.UUID
	asOf   medsec.Date
	soon   bool
}

func (o *Options) resolve() (*settings, error) {
	s := &settings{cat: o.Catalog, text: o.Text, locale: o.Locale, href: o.Href, ns: o.Namespace, asOf: o.AsOf, soon: o.DueSoon}
	if s.cat == nil {
		s.cat = obligations.DefaultCatalog()
	}
	s.reg = s.cat.Registry()
	if s.text == nil {
		s.text = medsec.Message.String
		if s.locale == "" {
			s.locale = "en"
		}
	}
	if s.ns == uuid.Nil {
		s.ns = namespaceUUID
	}
	var errs medsec.FieldErrors
	if !localeSyntax.MatchString(s.locale) {
		errs = append(errs, &medsec.FieldError{Path: "/locale", Rule: "locale", Value: clip(s.locale), Message: msgLocale.New(clip(s.locale))})
	}
	if !s.asOf.IsZero() && !s.asOf.Valid() {
		errs = append(errs, &medsec.FieldError{Path: "/asOf", Rule: "date", Value: s.asOf.String(), Message: msgDate.New(s.asOf.String())})
	}
	if errs != nil {
		return nil, fmt.Errorf("oscal: invalid options: %w", errs)
	}
	if s.href == nil {
		s.href = func(pack string) string { return url.PathEscape(pack) + "-catalog.json" }
	}
	return s, nil
}

var localeSyntax = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// catalogHref returns the href of pack's catalog, checked.
func (s *settings) catalogHref(pack string) (string, error) {
	h := s.href(pack)
	if !validURIReference(h) {
		return "", fmt.Errorf("oscal: invalid options: %w", medsec.FieldErrors{{Path: "/href", Rule: "uri-reference", Value: clip(h),
			Message: msgHref.New(clip(h), pack)}})
	}
	return h, nil
}

// validURIReference reports whether s is a URI reference of RFC 3986 made
// only of unreserved and reserved characters and percent escapes: no
// space, no control character, nothing outside ASCII.
func validURIReference(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		default:
			return false
		}
	}
	_, err := url.Parse(s)
	return err == nil
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// render renders a message of the data and escapes it as OSCAL markup.
// An empty rendering is an error: OSCAL titles are never empty.
func (s *settings) render(m medsec.Message, what string) (string, error) {
	t := s.text(m)
	if strings.TrimSpace(t) == "" {
		return "", fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/text", Rule: "required", Value: m.Key,
			Message: msgEmptyText.New(m.Key, what), Err: medsec.ErrInvalidData}})
	}
	return markup(t), nil
}

// markup escapes s as OSCAL markup (CommonMark): it renders as s and adds
// no structure. Line breaks separate lines, each escaped as text that
// starts a line; other control characters show as escapes such as \x1b.
func markup(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		escape.WriteMarkdown(&b, line, true)
	}
	return b.String()
}

// markupLine escapes s as one line of OSCAL markup: a line break shows as
// the escape \n.
func markupLine(s string) string {
	var b strings.Builder
	escape.WriteMarkdown(&b, s, true)
	return b.String()
}

// valueSyntax is OSCAL's StringDatatype: no leading or trailing white
// space, no line break.
var valueSyntax = regexp.MustCompile(`^\S(.*\S)?$`)

// validValue reports whether s can be an OSCAL property value.
func validValue(s string) bool { return valueSyntax.MatchString(s) && escape.Index(s) < 0 }

// timestamp writes t as an OSCAL date-time: whole seconds, with t's own
// offset when OSCAL allows it (the offsets in use in the world: whole
// hours from -12:00 to +14:00 and a few half and three-quarter hours),
// else in UTC. A year outside 1900-2999 cannot be written.
func timestamp(t time.Time) (string, bool) {
	if t.Year() < 1900 || t.Year() > 2999 {
		return "", false
	}
	_, off := t.Zone()
	if !allowedOffset(off) {
		t = t.UTC()
	}
	return t.Truncate(time.Second).Format(time.RFC3339), true
}

func allowedOffset(sec int) bool {
	if sec%60 != 0 {
		return false
	}
	m := sec / 60
	if m%60 == 0 {
		return m >= -12*60 && m <= 14*60
	}
	switch m {
	case 3*60 + 30, 4*60 + 30, 5*60 + 30, 6*60 + 30, 9*60 + 30, 10*60 + 30, 5*60 + 45, 8*60 + 45, 12*60 + 45, -(3*60 + 30), -(9*60 + 30):
		return true
	}
	return false
}

// dayStamp is the date d at midnight UTC, for documents that have a date
// but no time: catalogs, profiles, mapping collections.
func dayStamp(d medsec.Date) string { return d.String() + "T00:00:00Z" }

// encode writes doc, a document whose UUID field is at *id, to w
// deterministically: the document's UUID is that of its URN and its
// content (the SHA-256 of the document written with an empty UUID), so
// that the same input gives the same bytes and any change a new UUID.
func encode(w io.Writer, doc any, id *string, urn string) error {
	if w == nil {
		return errNilWriter
	}
	*id = ""
	body, err := marshal(doc)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	*id = UUID(urn + "#sha256=" + hex.EncodeToString(sum[:])).String()
	body, err = marshal(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

// marshal writes v as indented JSON with a final newline, without
// escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("oscal: %w", err)
	}
	return b.Bytes(), nil
}

// hashOf returns the SHA-256 of what write writes, in hex.
func hashOf(write func(io.Writer) error) (string, error) {
	h := sha256.New()
	if err := write(h); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var errNilWriter = fmt.Errorf("oscal: %w: the io.Writer is nil", medsec.ErrInvalidInput)

func clip(s string) string { return strictjson.Clip(s) }

// mprop returns a property in medsec's namespace.
func mprop(name, value string) prop { return prop{Name: name, NS: Namespace, Value: value} }
