package i18n

import (
	"fmt"
	"math/bits"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
	"github.com/medsec-go/medsec/obligations"
	"golang.org/x/text/feature/plural"
)

// pluralSamples are the counts every message is rendered with: they reach
// every CLDR form the five locales have (Czech: other, one, few, other,
// many; English: other, one, other, other, other).
var pluralSamples = []any{0, 1, 2, 5, 1.5}

// notCounts lists messages whose %d argument is followed by a word that it
// does not count, with the reason. Every other %d followed by a word is a
// count and must select its plural form.
var notCounts = map[string]string{
	"obligations.render.totals": "the counts qualify adjectives (overdue, met, due soon) that English does not inflect; the other locales write 'label: number'",
}

// functionWords may follow a number without being counted by it ("from 1
// to 5", "úrovně 2 až 4").
var functionWords = map[string]bool{"to": true, "and": true, "or": true, "only": true, "do": true, "až": true, "a": true, "nebo": true, "jen": true}

// countArgs returns the 0-based indexes of the %d arguments of format that
// count the word after them: "%d hours" counts, "level %d" and "%d to %d"
// do not, nor does a unit in capitals ("%d EUR").
func countArgs(format string) []int {
	segs, ok := segments(format)
	if !ok {
		return nil
	}
	var out []int
	for i, s := range segs {
		if s.arg < 0 || s.verb != 'd' || i+1 >= len(segs) || segs[i+1].arg >= 0 {
			continue
		}
		next := segs[i+1].lit
		if !strings.HasPrefix(next, " ") {
			continue
		}
		word := strings.FieldsFunc(next[1:], func(r rune) bool { return !unicode.IsLetter(r) })
		if len(word) == 0 || !strings.HasPrefix(next[1:], word[0]) {
			continue // a digit, a bracket or punctuation follows
		}
		w := word[0]
		if functionWords[strings.ToLower(w)] || strings.ToUpper(w) == w {
			continue
		}
		out = append(out, s.arg)
	}
	return out
}

// segments splits a format into literal text and verbs, one segment each.
func segments(format string) ([]token, bool) {
	var out []token
	for i, next := 0, 0; i < len(format); {
		t, end, err := nextToken(format, i, next)
		if err != nil {
			return nil, false
		}
		if t.lit != "" {
			out = append(out, token{lit: t.lit, arg: -1})
		}
		if t.arg >= 0 {
			out = append(out, token{arg: t.arg, verb: t.verb})
			next = t.arg + 1
		}
		i = end
	}
	return out, true
}

func pluralTemplates() []medsec.MessageTemplate {
	var all []medsec.MessageTemplate
	for _, ts := range [][]medsec.MessageTemplate{medsec.MessageTemplates(), grading.MessageTemplates(),
		gradingio.MessageTemplates(), obligations.MessageTemplates(), contracts.MessageTemplates(), MessageTemplates()} {
		all = append(all, ts...)
	}
	return all
}

// sampleArgs fills every placeholder of format: n for the count argument,
// 3 for other numbers and a word for the rest.
func sampleArgs(format string, count int, n any) []any {
	segs, _ := segments(format)
	var args []any
	for _, s := range segs {
		if s.arg < 0 {
			continue
		}
		for len(args) <= s.arg {
			args = append(args, "X")
		}
		if s.verb == 'd' {
			args[s.arg] = 3
		}
	}
	if count >= 0 && count < len(args) {
		args[count] = n
	}
	return args
}

// TestPluralForms renders every message of every package with a count of
// 0, 1, 2, 5 and 1.5 in all five locales. It fails when a message that
// carries a count is not plural-aware in a locale whose CLDR rules have
// more than one form (English, Czech), when the form the rules select for
// a sample is not written out (so that "1,5" would borrow the form of
// "5"), when a plural entry selects on the wrong argument, when a message
// carries two counts (one selector per message: nest a message instead),
// and when rendering breaks ("%!d").
func TestPluralForms(t *testing.T) {
	cat := DefaultCatalog()
	for _, tm := range pluralTemplates() {
		if _, ok := notCounts[tm.Key]; ok {
			continue
		}
		for _, loc := range Locales() {
			e := cat.locales[loc].load().msgs[tm.Key]
			// Chinese and Vietnamese nouns do not inflect for number, so
			// there only the rendering is checked.
			multi := bits.OnesCount8(languageForms(loc.Tag()).required) > 1
			// The counts of a message are those of its English text, of
			// its translation, and the argument a plural entry selects on.
			counts := map[int]bool{}
			for _, c := range countArgs(tm.Format) {
				counts[c] = true
			}
			if multi && e != nil && e.plural == nil {
				for _, c := range countArgs(e.format.src) {
					counts[c] = true
				}
			}
			if e != nil && e.plural != nil {
				counts[e.plural.arg] = true
			}
			if multi && len(counts) > 1 {
				t.Errorf("%s %s: %d counts in one message; nest a counted message so that each selects its own form", loc, tm.Key, len(counts))
				continue
			}
			for count := range counts {
				if multi && (e == nil || e.plural == nil || e.plural.arg != count) {
					text := tm.Format
					if e != nil && e.plural == nil {
						text = e.format.src
					}
					t.Errorf("%s %s: argument %d is a count but the text is not plural-aware: %q", loc, tm.Key, count+1, text)
					continue
				}
				l := cat.Localizer(loc)
				for _, n := range pluralSamples {
					out := l.Format(medsec.Message{Key: tm.Key, Format: tm.Format, Args: sampleArgs(tm.Format, count, n)})
					if strings.Contains(out, "%!") || !utf8.ValidString(out) {
						t.Errorf("%s %s with %v: broken rendering %q", loc, tm.Key, n, out)
					}
					if want := l.Format(medsec.Message{Key: "x", Format: "%v", Args: []any{n}}); !strings.Contains(out, want) {
						t.Errorf("%s %s with %v: the count %q is not in %q", loc, tm.Key, n, want, out)
					}
					if e == nil || e.plural == nil || e.plural.arg != count {
						continue
					}
					if f := pluralForm(loc.Tag(), n); f != plural.Other && e.plural.given&(1<<f) == 0 {
						t.Errorf("%s %s with %v: CLDR selects the %q form, which the translation does not give (it falls back to %q)",
							loc, tm.Key, n, formNames[f], e.plural.forms[plural.Other].src)
					}
				}
			}
		}
	}
}

// The detector itself: which arguments count a word.
func TestCountArgs(t *testing.T) {
	for _, tt := range []struct {
		format string
		want   string
	}{
		{"within %d hours", "[0]"},
		{"level %d", "[]"},
		{"from %d to %d", "[]"},
		{"turnover EUR %d, balance sheet EUR %d", "[]"},
		{"obrat %d EUR", "[]"},
		{"%s: %d linked enterprises and %d partner enterprises", "[1 2]"},
		{"do %[2]d dnů pro %[1]s", "[1]"},
		{"úrovně %[4]d až %[5]d", "[]"},
		{"%d个月", "[]"},
		{"at byte %d", "[]"},
	} {
		assert := fmt.Sprint(countArgs(tt.format))
		if assert != tt.want {
			t.Errorf("countArgs(%q) = %s, want %s", tt.format, assert, tt.want)
		}
	}
}

// A plural entry's fallback is visible: a Czech decimal uses the "many"
// form, which the detector above requires.
func TestPluralFormOfDecimal(t *testing.T) {
	cs := NewLocalizer(CS)
	got := cs.Format(medsec.Span{N: 1, Unit: medsec.Hours}.Message())
	if got != "1 hodina" {
		t.Errorf("1 hour in Czech = %q", got)
	}
	m := medsec.Span{N: 1, Unit: medsec.Hours}.Message()
	m.Args = []any{1.5}
	if got := cs.Format(m); got != "1,5 hodiny" {
		t.Errorf("1.5 hours in Czech = %q, want 1,5 hodiny", got)
	}
	if got := NewLocalizer(EN).Format(m); got != "1.5 hours" {
		t.Errorf("1.5 hours in English = %q", got)
	}
}
