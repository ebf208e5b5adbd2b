package medsec

import (
	"fmt"
	"slices"
	"strings"
)

// A Citation points into a legal instrument: an instrument ID, and
// optionally an article (or annex, or a clause of a standard), a paragraph
// and a point. Its text form is
//
//	CN-NHC-2022-29                 the instrument as a whole
//	CN-NHC-2022-29 art. 6          an article
//	EU-NIS2 art. 21(2)(d)          article 21, paragraph 2, point (d)
//	VN-ND-85-2016 art. 9(2)(c)     Decree 85 art. 9, point 2(c)
//	EU-NIS2 Annex I                an annex
//
// [ParseCitation] reads that form and checks that the instrument and the
// article exist in the registry; [Citation.String] writes it.
type Citation struct {
	Instrument string `json:"instrument"`          // the instrument's registry ID, e.g. "EU-NIS2"
	Article    string `json:"article,omitempty"`   // the article, annex ("Annex I") or clause; empty for the whole instrument
	Paragraph  string `json:"paragraph,omitempty"` // the paragraph (or point, in Vietnamese usage "khoản") within the article
	Point      string `json:"point,omitempty"`     // the point within the paragraph ("điểm", "(d)")
}

// Cite returns the citation of article (which may be empty) of instrument
// id, with an optional paragraph and point. It does not check the registry;
// use [Registry.Resolve] for that.
func Cite(id, article string, paraPoint ...string) Citation {
	c := Citation{Instrument: id, Article: article}
	if len(paraPoint) > 0 {
		c.Paragraph = paraPoint[0]
	}
	if len(paraPoint) > 1 {
		c.Point = paraPoint[1]
	}
	return c
}

const annexPrefix = "Annex "

// String returns the canonical text form; see [Citation].
func (c Citation) String() string {
	if c.Article == "" {
		return c.Instrument
	}
	var b strings.Builder
	b.Grow(len(c.Instrument) + len(c.Article) + len(c.Paragraph) + len(c.Point) + 10)
	b.WriteString(c.Instrument)
	if strings.HasPrefix(c.Article, annexPrefix) {
		b.WriteByte(' ')
	} else {
		b.WriteString(" art. ")
	}
	b.WriteString(c.Article)
	if c.Paragraph != "" {
		b.WriteByte('(')
		b.WriteString(c.Paragraph)
		b.WriteByte(')')
		if c.Point != "" {
			b.WriteByte('(')
			b.WriteString(c.Point)
			b.WriteByte(')')
		}
	}
	return b.String()
}

// IsZero reports whether c names no instrument.
func (c Citation) IsZero() bool { return c == Citation{} }

// MarshalText implements [encoding.TextMarshaler] with the canonical form.
// It checks the syntax but not the registry.
func (c Citation) MarshalText() ([]byte, error) {
	if err := c.checkSyntax(); err != nil {
		return nil, err
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It checks only the
// syntax, so that data citing instruments of a user's own [Registry] can be
// decoded; loaders then call [Registry.Resolve] on every citation.
func (c *Citation) UnmarshalText(b []byte) error {
	v, err := parseCitationSyntax(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCitation parses the canonical text form of a citation and checks it
// against the embedded registry: an unknown instrument or article is an
// error wrapping [ErrUnknownInstrument] or [ErrUnknownArticle].
func ParseCitation(s string) (Citation, error) {
	return DefaultRegistry().ParseCitation(s)
}

// ParseCitation is like the package-level [ParseCitation] but resolves
// against r.
func (r *Registry) ParseCitation(s string) (Citation, error) {
	c, err := parseCitationSyntax(s)
	if err != nil {
		return Citation{}, err
	}
	if err := r.Resolve(c); err != nil {
		return Citation{}, err
	}
	return c, nil
}

// parseCitationSyntax accepts exactly the strings Citation.String produces
// for syntactically valid citations, so that parsing round-trips.
func parseCitationSyntax(s string) (Citation, error) {
	bad := func(why string) (Citation, error) {
		return Citation{}, fmt.Errorf("%w %q: %s (want \"ID\", \"ID art. N\", \"ID art. N(P)(Q)\" or \"ID Annex N\")", ErrInvalidCitation, s, why)
	}
	var c Citation
	id, rest, hasRest := strings.Cut(s, " ")
	if !validID(id) {
		return bad("instrument ID must be upper-case letters, digits and inner hyphens")
	}
	c.Instrument = id
	if !hasRest {
		return c, nil
	}
	var prefix string
	switch {
	case strings.HasPrefix(rest, "art. "):
		rest = rest[len("art. "):]
	case strings.HasPrefix(rest, annexPrefix):
		rest, prefix = rest[len(annexPrefix):], annexPrefix
	default:
		return bad(`after the ID comes "art. " or "Annex "`)
	}
	art, tail, _ := strings.Cut(rest, "(")
	if !validArticleToken(art) {
		return bad("article must be letters, digits, dots and inner hyphens")
	}
	c.Article = prefix + art
	if len(tail) == 0 {
		if strings.HasSuffix(rest, "(") {
			return bad("unclosed parenthesis")
		}
		return c, nil
	}
	// tail is "P)" or "P)(Q)"
	para, tail, ok := strings.Cut(tail, ")")
	if !ok || !validPartToken(para) {
		return bad("paragraph must be letters, digits and dots inside parentheses")
	}
	c.Paragraph = para
	if tail == "" {
		return c, nil
	}
	if tail[0] != '(' || tail[len(tail)-1] != ')' || !validPartToken(tail[1:len(tail)-1]) {
		return bad("point must be letters, digits and dots inside parentheses")
	}
	c.Point = tail[1 : len(tail)-1]
	return c, nil
}

func (c Citation) checkSyntax() error {
	_, err := parseCitationSyntax(c.String())
	if err == nil && c.Article == "" && (c.Paragraph != "" || c.Point != "") {
		err = fmt.Errorf("%w %q: a paragraph or point needs an article", ErrInvalidCitation, c.String())
	}
	if err == nil && c.Paragraph == "" && c.Point != "" {
		err = fmt.Errorf("%w %q: a point needs a paragraph", ErrInvalidCitation, c.String())
	}
	return err
}

func isUpperAlnum(r byte) bool { return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' }
func isAlnum(r byte) bool      { return isUpperAlnum(r) || r >= 'a' && r <= 'z' }

// validID: [A-Z][A-Z0-9-]*[A-Z0-9], no double hyphens.
func validID(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' {
			if s[i-1] == '-' {
				return false
			}
			continue
		}
		if !isUpperAlnum(c) {
			return false
		}
	}
	return true
}

// validArticleToken: starts and ends alphanumeric; inner dots and hyphens.
func validArticleToken(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func validPartToken(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '.' {
			return false
		}
	}
	return true
}

// validArticleNumber reports whether n may be an article number in a
// registry: a token, or "Annex " followed by a token.
func validArticleNumber(n string) bool {
	return validArticleToken(strings.TrimPrefix(n, annexPrefix))
}

// Message returns c as a translatable [Message] (key "medsec.citation"):
// in English, [Citation.String]; package i18n prints it in the reader's
// language and the instrument's numbering style ("điểm a khoản 1 Điều 11
// Quyết định 05/2017/QĐ-TTg", "čl. 21 odst. 2 písm. d) směrnice NIS2").
// Reports print citations to readers this way; JSON keeps the canonical
// form.
func (c Citation) Message() Message { return msgCitation.New(c) }

// Citations is a list of citations printed together, as reports print the
// provisions a duty or a finding rests on.
type Citations []Citation

// String returns the canonical forms of the citations, separated by "; ".
func (cs Citations) String() string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}

// Message returns the list as a translatable [Message] (key
// "medsec.citation"): in English, [Citations.String]; package i18n prints
// each citation in the reader's language and joins them with the
// language's list separator.
func (cs Citations) Message() Message { return msgCitation.New(slices.Clone(cs)) }

// Annex returns the annex c cites ("I" for "EU-NIS2 Annex I") and true, or
// "" and false when c cites an article or the whole instrument.
func (c Citation) Annex() (string, bool) { return strings.CutPrefix(c.Article, annexPrefix) }
