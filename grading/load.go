package grading

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/ident"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DataFile is the name of the file in a pack that states the facts of
// grading schemes.
const DataFile = "grading.json"

// fileJSON is the JSON form of grading.json: one member per scheme the
// pack states. A registry holds each member at most once.
type fileJSON struct {
	MLPS           *mlpsJSON `json:"mlps"`
	VN             *vnJSON   `json:"vn"`
	EnterpriseSize *sizeJSON `json:"enterpriseSize"`
	NIS2           *nis2JSON `json:"nis2"`
	CZ             *czJSON   `json:"cz"`
}

// ruleJSON is a legal fact with the reason a result gives when it applies.
type ruleJSON struct {
	Citations  []medsec.Citation      `json:"citations"`
	Confidence medsec.Confidence      `json:"confidence"`
	Note       string                 `json:"note"`
	Reason     medsec.MessageTemplate `json:"reason"`
}

// rule is a checked ruleJSON.
type rule struct {
	cites  []medsec.Citation
	conf   medsec.Confidence
	reason medsec.MessageTemplate
}

// dataDecoder reads grading.json files.
var dataDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: 1000, TextError: fielderr.TextError})
})

// load builds the grader of reg.
func load(reg *medsec.Registry) (*Grader, error) {
	l := &loader{reg: reg, g: &Grader{reg: reg}, keys: map[string]keyUse{}, owner: map[string]string{}}
	for _, t := range templates {
		l.keys[t.Key] = keyUse{format: t.Format, where: "package grading"}
	}
	var buf []byte // one buffer for every pack: each file is decoded before the next is read
	for _, p := range reg.Packs() {
		b, err := p.AppendFile(buf[:0], DataFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		buf = b
		l.file = p.Where(DataFile)
		var f fileJSON
		if errs := dataDecoder().Unmarshal(b, &f); errs != nil {
			for _, e := range fielderr.FromJSON(errs, medsec.ErrInvalidData) {
				e.File = l.file
				l.errs.Add(e)
			}
			continue
		}
		// A member stated twice is reported, and its facts are still
		// checked, so that one run reports every problem.
		if f.MLPS != nil {
			if m := l.mlps("/mlps", f.MLPS); l.claim("/mlps", "mlps") {
				l.g.mlps = m
			}
		}
		if f.VN != nil {
			if v := l.vn("/vn", f.VN); l.claim("/vn", "vn") {
				l.g.vn = v
			}
		}
		if f.EnterpriseSize != nil {
			if s := l.size("/enterpriseSize", f.EnterpriseSize); l.claim("/enterpriseSize", "enterpriseSize") {
				l.g.size = s
			}
		}
		if f.NIS2 != nil {
			if n := l.nis2("/nis2", f.NIS2); l.claim("/nis2", "nis2") {
				l.g.nis2 = n
			}
		}
		if f.CZ != nil {
			if c := l.cz("/cz", f.CZ); l.claim("/cz", "cz") {
				l.g.cz = c
			}
		}
	}
	if errs := l.errs.Errors(); errs != nil {
		return nil, errs
	}
	for k, u := range l.keys {
		if u.where != "package grading" {
			l.g.templates = append(l.g.templates, medsec.MessageTemplate{Key: k, Format: u.format})
		}
	}
	slices.SortFunc(l.g.templates, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return l.g, nil
}

// A loader checks the grading.json files of one registry and builds the
// grader's facts from them. Checking goes on after a problem, so that one
// run reports every problem; the facts built are then discarded.
type loader struct {
	reg   *medsec.Registry
	g     *Grader
	file  string // the file being read, as the pack names it
	errs  fielderr.List
	keys  map[string]keyUse // message key → its format and where it was first seen
	owner map[string]string // scheme member → the file that states it
}

type keyUse struct{ format, where string }

// bad records a problem at JSON Pointer path of the current file.
func (l *loader) bad(path, rule, value string, m medsec.Message) {
	l.errs.Add(&medsec.FieldError{File: l.file, Path: path, Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidData})
}

// claim records that the current file states member, or reports that
// another file already does.
func (l *loader) claim(at, member string) bool {
	if other, ok := l.owner[member]; ok {
		l.bad(at, "unique", member, msgDataTwice.New(member, other))
		return false
	}
	l.owner[member] = l.file
	return true
}

// confidence checks a confidence and the note that must explain anything
// less than verified.
func (l *loader) confidence(at string, c medsec.Confidence, note string) {
	switch {
	case !c.Valid():
		l.bad(at+"/confidence", "required", c.String(), msgDataConfidence.New())
	case c != medsec.Verified && strings.TrimSpace(note) == "":
		l.bad(at+"/note", "required", "", msgDataNote.New(c.Message()))
	}
}

// fact checks a legal fact: its citations resolve, it has a citation or a
// note that says why none, a confidence, and a note below verified.
func (l *loader) fact(at string, cites []medsec.Citation, c medsec.Confidence, note string) {
	l.citations(at+"/citations", cites)
	if len(cites) == 0 && strings.TrimSpace(note) == "" {
		l.bad(at+"/citations", "required", "", msgDataBasis.New())
	}
	l.confidence(at, c, note)
}

func (l *loader) citations(at string, cites []medsec.Citation) {
	for i, c := range cites {
		l.citation(fmt.Sprintf("%s/%d", at, i), c)
	}
}

func (l *loader) citation(at string, c medsec.Citation) {
	if c.IsZero() {
		l.bad(at, "required", "", msgDataRequired.New())
	} else if err := l.reg.Resolve(c); err != nil {
		l.bad(at, "resolve", c.String(), msgDataCitation.New(c.String(), err.Error()))
	}
}

// rule checks a ruleJSON whose reason takes args arguments.
func (l *loader) rule(at string, r *ruleJSON, args int) rule {
	if r == nil {
		l.bad(at, "required", "", msgDataRequired.New())
		return rule{}
	}
	l.fact(at, r.Citations, r.Confidence, r.Note)
	l.text(at+"/reason", r.Reason, args)
	return rule{cites: r.Citations, conf: r.Confidence, reason: r.Reason}
}

// text checks a message of the data: a dotted key, an English text that
// takes args arguments, and the same text wherever the key is used.
func (l *loader) text(at string, t medsec.MessageTemplate, args int) {
	switch {
	case t.Key == "" && t.Format == "":
		l.bad(at, "required", "", msgDataRequired.New())
	case !ident.MessageKey(t.Key):
		l.bad(at+"/key", "syntax", t.Key, msgDataKey.New(t.Key))
	case strings.TrimSpace(t.Format) == "" || formatArgs(t.Format) != args:
		l.bad(at+"/format", "text", t.Format, msgDataText.New(args))
	default:
		if u, ok := l.keys[t.Key]; ok {
			if u.format != t.Format {
				l.bad(at+"/format", "key", t.Key, msgDataKeyText.New(t.Key, u.where))
			}
			return
		}
		l.keys[t.Key] = keyUse{format: t.Format, where: l.file + " " + at}
	}
}

// formatArgs returns how many arguments a fmt format takes: the highest
// argument its verbs use, counting explicit indexes such as %[2]v.
func formatArgs(format string) int {
	n, next := 0, 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			j := strings.IndexByte(format[i:], ']')
			if j < 0 {
				return -1
			}
			k := 0
			for _, c := range format[i+1 : i+j] {
				if c < '0' || c > '9' {
					return -1
				}
				k = k*10 + int(c-'0')
			}
			next = k
			i += j + 1
		}
		if i >= len(format) {
			return -1
		}
		if format[i] == '%' {
			continue
		}
		n = max(n, next)
		next++
	}
	return n
}

// level checks a level from 1 to 5.
func (l *loader) level(at string, n int) bool {
	if n < 1 || n > 5 {
		l.bad(at, "range", fmt.Sprint(n), msgDataRange.New(1, 5))
		return false
	}
	return true
}

// instrument returns the in-force period of instrument id, which bounds
// the rules that rest on it, so its start must be known.
func (l *loader) instrument(at, id string) medsec.Period {
	p, err := l.reg.PeriodOf(id)
	switch {
	case err != nil:
		l.bad(at, "instrument", id, msgDataInstrument.New(id))
	case p.From.IsZero():
		l.bad(at, "in-force", id, msgDataNoStart.New(id))
	}
	return p
}

// periodOf returns the in-force period of the first citation's instrument,
// which bounds a fact that applies only while that instrument is in force.
func (l *loader) periodOf(at string, cites []medsec.Citation) medsec.Period {
	if len(cites) == 0 {
		l.bad(at+"/citations", "required", "", msgDataBasis.New())
		return medsec.Period{}
	}
	p, err := l.reg.PeriodOf(cites[0].Instrument)
	if err != nil {
		return medsec.Period{} // reported with the citation
	}
	if p.From.IsZero() {
		l.bad(at+"/citations/0", "in-force", cites[0].Instrument, msgDataNoStart.New(cites[0].Instrument))
	}
	return p
}

// oneOf checks that v is one of allowed.
func (l *loader) oneOf(at, v string, allowed ...string) bool {
	if !slices.Contains(allowed, v) {
		l.bad(at, "one-of", v, msgDataOneOf.New(v, strings.Join(allowed, ", ")))
		return false
	}
	return true
}

// clip shortens a value for an error message.
func clip(s string) string {
	const limit = 64
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
