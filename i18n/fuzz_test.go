package i18n_test

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/medsec-go/medsec/internal/rendertest"
	"golang.org/x/text/language"
)

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"zh-TW", "zh-CN,zh;q=0.9", "cs-CZ", "vi", "en-US;q=0.1", "", "*", "x-klingon", "zh-Hant-HK", "sr-Latn;q=0.5,,,", "de;q=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc, tag, conf := i18n.Match(s)
		if !loc.Valid() {
			t.Fatalf("Match(%q) gave invalid locale %v", s, loc)
		}
		if conf == language.No && loc != i18n.EN {
			t.Fatalf("Match(%q): no confidence but locale %v", s, loc)
		}
		_ = tag.String()
		if l, err := i18n.ParseLocale(s); err == nil && !l.Valid() {
			t.Fatalf("ParseLocale(%q) gave invalid locale", s)
		}
	})
}

// ownTags matches the markup the HTML renderer itself writes: the
// document's head, and the elements of the notice with their classes and
// languages.
var ownTags = regexp.MustCompile(`</?(html|head|title|body|article|div|span|h1|p|strong|em|ol|ul|li|dl|dt|dd|hr)( class="[a-z0-9 -]+"| lang="[A-Za-z-]+")*>` +
	`|<!DOCTYPE html>|<meta charset="utf-8">|<meta name="viewport" content="width=device-width, initial-scale=1">`)

// styleElement matches the style sheet of an HTML document: the package's
// own CSS, which holds no "<" (TestStyleSheets).
var styleElement = regexp.MustCompile(`<style>\n[^<]*</style>\n`)

// withoutStyle returns an HTML output without its style sheet, whose
// quotes and ">" are CSS, not text.
func withoutStyle(out string) string { return styleElement.ReplaceAllString(out, "<style></style>\n") }

// entity matches the escapes of html/template.
var entity = regexp.MustCompile(`&(amp|lt|gt|#34|#39|quot|#x[0-9a-fA-F]+|#[0-9]+);`)

// verbRE finds the verbs of a medsec format: %s, %d, %v, %q, with an
// optional argument index, but not %%.
var verbRE = regexp.MustCompile(`%%|%(\[(\d+)\])?([sdvq])`)

// verbs returns the verb of each argument a format uses, by argument
// position; an argument used with two verbs keeps the first.
func verbs(format string) []byte {
	var out []byte
	next := 0
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		i := next
		if m[2] != "" {
			n, err := strconv.Atoi(m[2])
			if err != nil || n < 1 || n > 32 {
				continue // not a valid index: the format prints as it is
			}
			i = n - 1
		}
		for len(out) <= i {
			out = append(out, 0)
		}
		if out[i] == 0 {
			out[i] = m[3][0]
		}
		next = i + 1
	}
	return out
}

// argsFor builds arguments that fit the verbs of a format: integers for
// %d, and for the other verbs a string, a float (not for %q), a date, a
// nested message or a Text, chosen by mode.
func argsFor(vs []byte, s string, n int64, fl float64, mode uint8) []any {
	args := make([]any, len(vs))
	for i, v := range vs {
		if v == 'd' || v == 0 {
			args[i] = n + int64(i)
			continue
		}
		switch (int(mode) + i) % 5 {
		case 0:
			args[i] = s
		case 1:
			args[i] = fl
			if v == 'q' {
				args[i] = s // %q quotes text
			}
		case 2:
			args[i] = medsec.NewDate(2026, 2, 9)
		case 3:
			args[i] = medsec.Verified.Message()
		default:
			args[i] = i18n.Lit(s)
		}
	}
	return args
}

// catalogTemplates are the message templates of every medsec package.
var catalogTemplates = allTemplates()

// FuzzFormat formats every message of every medsec package in every
// locale with arbitrary arguments that fit its verbs: the output never
// holds a formatting error ("%!"), is valid UTF-8 for valid input, and
// shows every text argument it is given with %s or %v. It also formats
// arbitrary formats, which fall back to being printed as they are.
func FuzzFormat(f *testing.F) {
	f.Add(uint16(0), "Thanh Hóa", int64(1234567), 1.5, uint8(0), "%s has %d items")
	f.Add(uint16(100), "%!s(MISSING)", int64(-1), math.Inf(1), uint8(3), "%[2]q %[1]v %%")
	f.Add(uint16(7), "", int64(math.MinInt64), math.NaN(), uint8(1), "100%")
	f.Add(uint16(42), "\x00\n", int64(0), math.Copysign(0, -1), uint8(4), "%x %")
	locs := i18n.Locales()
	f.Fuzz(func(t *testing.T, which uint16, s string, n int64, fl float64, mode uint8, format string) {
		tm := catalogTemplates[int(which)%len(catalogTemplates)]
		vs := verbs(tm.Format)
		m := tm.New(argsFor(vs, s, n, fl, mode)...)
		// The same message with the input's "%" replaced: only there is
		// "%!" sure to be fmt's. The input can reach the text inside an
		// i18n.Lit, which apitest.Misformatted cannot see into.
		defused := tm.New(argsFor(vs, strings.ReplaceAll(s, "%", "_"), n, fl, mode)...)
		for _, loc := range locs {
			lz := i18n.NewLocalizer(loc)
			out := lz.Format(m)
			if strings.Contains(lz.Format(defused), "%!") {
				t.Fatalf("%s in %s: %q", tm.Key, loc, lz.Format(defused))
			}
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Fatalf("%s in %s: invalid UTF-8 %q", tm.Key, loc, out)
			}
			for i, v := range vs {
				if a, ok := m.Args[i].(string); ok && (v == 's' || v == 'v') && !strings.Contains(out, a) {
					t.Fatalf("%s in %s: argument %d %q missing from %q", tm.Key, loc, i+1, a, out)
				}
			}
		}
		// An arbitrary format of an unknown key.
		own := medsec.Message{Key: "fuzz.unknown", Format: format, Args: argsFor(verbs(format), s, n, fl, mode)}
		out := i18n.NewLocalizer(locs[int(mode)%len(locs)]).Format(own)
		if !strings.Contains(format, "%") && out != format {
			t.Fatalf("format without verbs %q printed as %q", format, out)
		}
		if utf8.ValidString(format) && utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("format %q: invalid UTF-8 %q", format, out)
		}
	})
}

// FuzzDeadlines computes the deadlines of incident reports at any stage,
// operator class and times from 2026 on, and checks their count, that each falls in the
// detection time's location after the event it runs from and within a
// month and three days of it, that each cites a provision of the
// embedded registry, and that each step and note formats in every locale.
func FuzzDeadlines(f *testing.F) {
	f.Add(uint8(1), uint8(0), int64(1_795_000_000), int32(3600), int64(0), int64(0))
	f.Add(uint8(3), uint8(0), int64(1_795_000_000), int32(-5*3600), int64(1_795_100_000), int64(0))
	f.Add(uint8(4), uint8(0), int64(1_771_000_000), int32(7*3600), int64(0), int64(1_771_200_000))
	f.Add(uint8(5), uint8(3), int64(1_790_000_000), int32(8*3600), int64(0), int64(0))
	f.Add(uint8(5), uint8(0), int64(1_790_000_000), int32(8*3600), int64(0), int64(0))
	f.Add(uint8(0), uint8(1), int64(0), int32(0), int64(0), int64(0))
	locs := i18n.Locales()
	f.Fuzz(func(t *testing.T, stage, op uint8, detected int64, offset int32, notified, ended int64) {
		// Times between 2026 and 2100, when every stage's rules are in
		// force (the days on which rules change are unit-tested), zones
		// within ±14 hours.
		const start, span = 1_767_225_600, 74 * 365 * 24 * 3600 // 2026-01-01
		at := func(sec int64) time.Time {
			if sec == 0 {
				return time.Time{}
			}
			return time.Unix(start+(sec%span+span)%span, 0)
		}
		loc := time.FixedZone("Z", int(offset)%(14*3600))
		r := i18n.IncidentReport{Stage: i18n.IncidentStage(stage % 7), Operator: i18n.CNOperator(op % 5),
			Detected: at(detected), Notified: at(notified), ResponseEnded: at(ended)}
		if !r.Detected.IsZero() {
			r.Detected = r.Detected.In(loc)
		}
		ds := i18n.Deadlines(r)
		want := 0
		switch {
		case r.Detected.IsZero():
		case r.Stage >= i18n.NIS2EarlyWarning && r.Stage <= i18n.NIS2FinalReport:
			want = 1
		case r.Stage == i18n.VNInitialReport:
			want = 1
			if !r.ResponseEnded.IsZero() {
				want = 2
			}
		case r.Stage == i18n.CNReport && r.Operator >= i18n.CNCII && r.Operator <= i18n.CNOtherOperator:
			want = 1
		}
		if len(ds) != want {
			t.Fatalf("%d deadlines for %+v, want %d", len(ds), r, want)
		}
		for i, d := range ds {
			from := r.Detected
			switch {
			case r.Stage == i18n.NIS2FinalReport && !r.Notified.IsZero():
				from = r.Notified
			case r.Stage == i18n.VNInitialReport && i == 1:
				from = r.ResponseEnded
			}
			if d.Due.Location() != r.Detected.Location() {
				t.Fatalf("deadline %d is in %v, detection in %v", i, d.Due.Location(), r.Detected.Location())
			}
			if !d.Due.After(from) || d.Due.Sub(from) > (31+3)*24*time.Hour {
				t.Fatalf("deadline %d at %v runs from %v", i, d.Due, from)
			}
			if err := medsec.DefaultRegistry().Resolve(d.Citation); err != nil {
				t.Fatalf("deadline %d cites %v: %v", i, d.Citation, err)
			}
			for _, l := range locs {
				lz := i18n.NewLocalizer(l)
				for _, m := range []medsec.Message{d.Step, d.Note} {
					if !m.IsZero() && apitest.Misformatted(m, lz.Format) {
						t.Fatalf("deadline %d in %s: %q", i, l, lz.Format(m))
					}
				}
			}
		}
	})
}

// FuzzUnmarshalText: the package's enumerations accept exactly their
// names, leave the value alone otherwise, and round-trip; ParseFormat and
// ParseLocale agree with them.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"text", "markdown", "html", "md", "own", "for-head", "public", "nis2-early-warning", "cii", "yes", "unknown",
		"en", "zh-Hans", "zh-hant", "vi", "cs", "", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []interface {
			encoding.TextUnmarshaler
			encoding.TextMarshaler
		}{new(i18n.Format), new(i18n.Authority), new(i18n.Disclosure), new(i18n.IncidentStage), new(i18n.CNOperator),
			new(i18n.Suspicion), new(i18n.Locale)} {
			if err := v.UnmarshalText([]byte(s)); err != nil {
				if !errors.Is(err, medsec.ErrInvalidInput) {
					t.Fatalf("%T(%q): error kind %v", v, s, err)
				}
				if fmt.Sprint(v) != fmt.Sprint(zeroOf(v)) {
					t.Fatalf("%T(%q): value set on error", v, s)
				}
				continue
			}
			b, err := v.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("%T: %q round-trips to %q, %v", v, s, b, err)
			}
		}
		var lf i18n.Format
		pf, err := i18n.ParseFormat(s)
		if lf.UnmarshalText([]byte(s)) == nil && (err != nil || pf != lf) {
			t.Fatalf("ParseFormat(%q) = %v, %v; UnmarshalText gave %v", s, pf, err, lf)
		}
		// UnmarshalText takes any canonical BCP 47 tag; ParseLocale finds
		// the locale the default catalog speaks for a tag. They agree on
		// the locales the catalog has.
		var ll i18n.Locale
		if ll.UnmarshalText([]byte(s)) == nil && slices.Contains(i18n.Locales(), ll) {
			if pl, err := i18n.ParseLocale(s); err != nil || pl != ll {
				t.Fatalf("ParseLocale(%q) = %v, %v; UnmarshalText gave %v", s, pl, err, ll)
			}
		}
		if pl, err := i18n.ParseLocale(s); err == nil && !slices.Contains(i18n.Locales(), pl) {
			t.Fatalf("ParseLocale(%q) = %v, which the catalog does not speak", s, pl)
		}
	})
}

// zeroOf returns a pointer to the zero value of v's element type.
func zeroOf(v any) any {
	switch v.(type) {
	case *i18n.Format:
		return new(i18n.Format)
	case *i18n.Authority:
		return new(i18n.Authority)
	case *i18n.Disclosure:
		return new(i18n.Disclosure)
	case *i18n.IncidentStage:
		return new(i18n.IncidentStage)
	case *i18n.CNOperator:
		return new(i18n.CNOperator)
	case *i18n.Suspicion:
		return new(i18n.Suspicion)
	}
	return new(i18n.Locale)
}

// FuzzCatalogExtend: a translation file that Extend accepts gives
// messages that format; a message whose placeholders Check finds
// consistent with its own format formats without "%!" for every plural
// form; and Check's verdict does not depend on anything but the formats.
func FuzzCatalogExtend(f *testing.F) {
	f.Add([]byte(`{"a.b": "x %s %[2]d"}`))
	f.Add([]byte(`{"a.b": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}}`))
	f.Add([]byte(`{"a.b": {"plural": {"arg": 2, "one": "%[2]d den %s", "few": "%[2]d dny %s", "other": "%[2]d dní %s"}}}`))
	f.Add([]byte(`{"a.b": {"plural": {"arg": 1, "one": "hodina", "other": "%d hodin"}}}`))
	f.Add([]byte(`{"a.b": {"format": "%q"}}`))
	f.Add([]byte(`{"a": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := i18n.NewCatalog().Extend(i18n.CS, bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("error kind: %v", err)
			}
			return
		}
		l := c.Localizer(i18n.CS)
		for _, tm := range c.Templates(i18n.CS) {
			vs := verbs(tm.Format)
			consistent := len(c.Check([]medsec.MessageTemplate{tm})) == 0
			for _, n := range []int64{0, 1, 2, 5, 22, 1000} {
				args := argsFor(vs, "text", n, 1.5, 0)
				out := l.Format(medsec.Message{Key: tm.Key, Format: "en", Args: args})
				if consistent && strings.Contains(out, "%!") {
					t.Fatalf("%s: Check finds %q consistent, but with %v it formats as %q", tm.Key, tm.Format, args, out)
				}
				if !utf8.ValidString(out) && utf8.Valid(data) {
					t.Fatalf("%s: invalid UTF-8 %q", tm.Key, out)
				}
			}
		}
	})
}

// FuzzParseTemplate: a layout that ParseTemplate accepts renders the
// sample dispatch in every format, the same every time; text output has
// no control character and ends with one newline; HTML output holds only
// the renderer's own tags, properly nested; and whatever the layout, user
// fields with hostile text give the structure (Markdown blocks and
// inlines, HTML tags, text lines) they give with plain words.
func FuzzParseTemplate(f *testing.F) {
	f.Add("head X\nline Số: {NumberSymbol}\nlist Tasks\nkv {@i18n.notice.incident.to} | {Recipient}\n")
	f.Add("line?Contacts {{x}} {Subject}\nparas Tasks\nblank\nrule\n")
	f.Add("title {Subject}\nright {PlaceDate}\nsig {SignerName}\nem {Date}\npara 1{Symbol}\nbullets Contacts\n")
	for _, k := range []string{"holiday.vi", "holiday.en", "holiday.cs"} {
		b, err := os.ReadFile("data/notices/" + k + ".tmpl")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	hostile := []string{"- x", "1. x", "    x", "# x", "<b>", "[a](b)", "**", "| a |", "===", "www.x.cz", " "}
	f.Fuzz(func(t *testing.T, src string) {
		tm, err := i18n.ParseTemplate(i18n.KindHoliday, src)
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("error kind: %v", err)
			}
			return
		}
		ts := i18n.DefaultTemplates().With("", tm).With(i18n.CS, tm)
		render := func(d i18n.HolidayDispatch, f i18n.Format) string {
			out, err := ts.Render(i18n.NewLocalizer(i18n.CS), d, f)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		for _, f := range []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML, i18n.HTMLFragment} {
			base := render(sampleHoliday(), f)
			if again := render(sampleHoliday(), f); again != base {
				t.Fatal("rendering is not deterministic")
			}
			switch f {
			case i18n.PlainText:
				if p := rendertest.CheckText(base); p != "" || !strings.HasSuffix(base, "\n") || strings.HasSuffix(base, "\n\n") {
					t.Fatalf("text output %q: %s", base, p)
				}
			case i18n.HTML, i18n.HTMLFragment:
				checkHTMLNesting(t, base)
			}
			for _, h := range hostile {
				d := sampleHoliday()
				d.Place, d.Symbol, d.Signer.Name = i18n.LitIn(i18n.VI, h), h, i18n.LitIn(i18n.VI, h)
				d.Tasks = append([]i18n.Text{i18n.Lit(h)}, d.Tasks[1:]...)
				d.Recipients = []i18n.Text{i18n.Lit(h)}
				checkOutput(t, fmt.Sprintf("template %q with %q", src, h), f, base, render(d, f))
			}
		}
	})
}

// checkHTMLNesting fails unless every tag in out is one the renderer
// writes and the tags nest properly.
func checkHTMLNesting(t *testing.T, out string) {
	t.Helper()
	out = strings.Replace(withoutStyle(out), "<style></style>\n", "", 1)
	rest := entity.ReplaceAllString(ownTags.ReplaceAllString(out, ""), "")
	if i := strings.IndexAny(rest, "<>&\"'"); i >= 0 {
		t.Fatalf("unescaped %q in HTML output:\n%s", rest[i], out)
	}
	var stack []string
	for _, tag := range ownTags.FindAllString(out, -1) {
		name := strings.Trim(strings.Fields(tag)[0], "</>")
		switch {
		case name == "hr", name == "meta", name == "!DOCTYPE":
		case strings.HasPrefix(tag, "</"):
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf("</%s> closes %v:\n%s", name, stack, out)
			}
			stack = stack[:len(stack)-1]
		default:
			stack = append(stack, name)
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed %v:\n%s", stack, out)
	}
}
