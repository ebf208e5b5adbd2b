package medsec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/costtest"
)

// decodeBudget bounds what decoding an instrument file may allocate. The
// embedded files cost 6–8 bytes and 0.03 allocations per byte; a file of
// empty articles, each an error, about 100 bytes and one allocation per
// byte. The budget leaves room above that but not for growth faster than
// the input.
var decodeBudget = costtest.Budget{Bytes: 256 << 10, PerByte: 256, Allocs: 2000, AllocsPerByte: 4}

// instrumentFiles returns the embedded instrument files, smallest first.
func instrumentFiles(tb testing.TB) [][]byte {
	names, err := filepath.Glob("law/*/instruments/*.json")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no instrument files: %v", err)
	}
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	slices.SortStableFunc(out, func(a, b []byte) int { return len(a) - len(b) })
	return out
}

// checkInstrument checks what every successfully decoded instrument must
// satisfy: it builds a registry on its own (unless it supersedes another),
// every article resolves and round-trips through ParseCitation, and it
// survives a JSON round trip unchanged.
func checkInstrument(t *testing.T, in medsec.Instrument) {
	t.Helper()
	if len(in.Supersedes) == 0 {
		reg, err := medsec.NewRegistry(in)
		if err != nil {
			t.Fatalf("decoded instrument %s does not make a registry: %v", in.ID, err)
		}
		got, err := reg.Lookup(in.ID)
		if err != nil || !reflect.DeepEqual(got, in) {
			t.Fatalf("Lookup(%q) = %+v, %v; want the decoded instrument", in.ID, got, err)
		}
		for _, a := range in.Articles {
			c := in.Cite(a.Number)
			if err := reg.Resolve(c); err != nil {
				t.Fatalf("article %q of %s does not resolve: %v", a.Number, in.ID, err)
			}
			back, err := reg.ParseCitation(c.String())
			if err != nil || back != c {
				t.Fatalf("ParseCitation(%q) = %v, %v", c.String(), back, err)
			}
			if reg.Confidence(c) != a.Confidence {
				t.Fatalf("Confidence(%v) = %v, want %v", c, reg.Confidence(c), a.Confidence)
			}
		}
	}
	// JSON is a fixed point: an empty list and a missing one (nil)
	// are the same instrument, so compare the JSON, not the structs.
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatalf("a decoded instrument does not marshal: %v", err)
	}
	again, err := medsec.DecodeInstrument(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("a marshalled instrument does not decode: %v\n%s", err, b)
	}
	if b2, err := json.Marshal(again); err != nil || !bytes.Equal(b, b2) {
		t.Fatalf("JSON round trip changed the instrument:\n%s\n%s", b, b2)
	}
}

// FuzzDecodeInstrument: DecodeInstrument never panics, fails only with
// ErrInvalidData, allocates at most linearly in its input, and what it
// accepts is a valid instrument that round-trips.
func FuzzDecodeInstrument(f *testing.F) {
	for _, b := range instrumentFiles(f) {
		f.Add(b)
	}
	for _, s := range []string{"", "{}", "[]", `{"id":"A","id":"B"}`, `{"id":"X-1","ID":"X-2"}`, "\xef\xbb\xbf{}", `{"articles":[{},{}]}`, `{"inForce":{"from":"2026-02-30"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in medsec.Instrument
		var err error
		costtest.Linear(t, len(data), decodeBudget, func() {
			in, err = medsec.DecodeInstrument(bytes.NewReader(data))
		})
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("error does not wrap ErrInvalidData: %v", err)
			}
			if !reflect.DeepEqual(in, medsec.Instrument{}) {
				t.Fatal("an error came with a partial instrument")
			}
			return
		}
		checkInstrument(t, in)
	})
}

// splitFiles turns fuzz data into the files of a directory: parts
// separated by NUL bytes, which JSON text cannot hold raw. Every fourth
// part is given a name that is not *.json, which LoadRegistry must skip.
func splitFiles(data []byte) (fstest.MapFS, []string) {
	fsys := fstest.MapFS{}
	var jsonFiles []string
	for i, part := range bytes.Split(data, []byte{0}) {
		if i >= 16 {
			break
		}
		name := "reg/f" + strconv.Itoa(i) + ".json"
		if i%4 == 3 {
			name = "reg/f" + strconv.Itoa(i) + ".txt"
		} else {
			jsonFiles = append(jsonFiles, name)
		}
		fsys[name] = &fstest.MapFile{Data: part}
	}
	return fsys, jsonFiles
}

// FuzzLoadRegistry: LoadRegistry on a directory of fuzzed files never
// panics, fails only with ErrInvalidData, allocates at most linearly, and
// succeeds exactly when every *.json file decodes and together they make a
// registry; the registry then holds each of them, sorted by ID.
func FuzzLoadRegistry(f *testing.F) {
	files := instrumentFiles(f)
	f.Add(bytes.Join(files[:3], []byte{0}))
	f.Add(bytes.Join([][]byte{files[0], files[0]}, []byte{0}))
	f.Add(bytes.Join([][]byte{files[1], files[2], files[3], []byte("not json")}, []byte{0}))
	f.Add(bytes.Join([][]byte{files[4], []byte("{")}, []byte{0}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys, names := splitFiles(data)
		var reg *medsec.Registry
		var err error
		costtest.Linear(t, len(data), decodeBudget, func() {
			reg, err = medsec.LoadRegistry(fsys, "reg")
		})
		// The same result, file by file.
		var want []medsec.Instrument
		var wantErr error
		for _, name := range names {
			in, err := medsec.DecodeInstrument(bytes.NewReader(fsys[name].Data))
			if err != nil {
				wantErr = err
				break
			}
			want = append(want, in)
		}
		if wantErr == nil {
			_, wantErr = medsec.NewRegistry(want...)
		}
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("LoadRegistry: %v; decoding file by file: %v", err, wantErr)
		}
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("error does not wrap ErrInvalidData: %v", err)
			}
			return
		}
		got := reg.Instruments()
		if len(got) != len(want) || reg.Len() != len(want) {
			t.Fatalf("registry holds %d instruments, want %d", len(got), len(want))
		}
		for i := range got {
			if i > 0 && got[i-1].ID >= got[i].ID {
				t.Fatalf("instruments not sorted by ID: %s, %s", got[i-1].ID, got[i].ID)
			}
			in, err := reg.Lookup(got[i].ID)
			if err != nil || !reflect.DeepEqual(in, got[i]) {
				t.Fatalf("Lookup(%s): %v", got[i].ID, err)
			}
		}
	})
}

// FuzzParseDate: ParseDate accepts exactly the real calendar days written
// YYYY-MM-DD, round-trips them, and agrees with Date.UnmarshalText.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-28", "2026-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "2026-1-01", "2026-13-01", "", " 2026-01-01", "2026-01-01T00:00:00Z", "+2026-01-01", "２０２６-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := medsec.ParseDate(s)
		var u medsec.Date
		uerr := u.UnmarshalText([]byte(s))
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidInput) || !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			if s != "" && uerr == nil {
				t.Fatalf("UnmarshalText(%q) accepted what ParseDate rejects", s)
			}
			return
		}
		if uerr != nil || u != d {
			t.Fatalf("UnmarshalText(%q) = %v, %v; ParseDate gave %v", s, u, uerr, d)
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %v (valid %v)", s, d, d.Valid())
		}
		if b, err := d.MarshalText(); err != nil || string(b) != s {
			t.Fatalf("MarshalText(%v) = %q, %v", d, b, err)
		}
		if medsec.DateOf(d.Time(time.UTC)) != d || medsec.DateOf(d.Time(time.FixedZone("X", -11*3600))) != d {
			t.Fatalf("%v does not survive a trip through time.Time", d)
		}
		if next := d.AddDays(1); !next.After(d) || next.Compare(d) != 1 || d.Compare(next) != -1 {
			t.Fatalf("%v + 1 day = %v is not after it", d, next)
		}
	})
}

// textEnum is an enumeration of package medsec with a text form.
type textEnum interface {
	MarshalText() ([]byte, error)
	Valid() bool
}

// FuzzUnmarshalText: the UnmarshalText methods of the root package's
// enumerations and of Citation, and ParseJurisdiction, accept only valid
// values, reject with the package's sentinel errors, leave the value alone
// on error, and round-trip what they accept.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"verified", "partial", "unverified", "Verified", "obligations", "none", "unknown", "law", "directive", "notice",
		"cn", " EU ", "Cz", "XX", "", "EU-NIS2 art. 21(2)(d)", "EU-NIS2 Annex I", "A art. 1(2)(3)(4)", "\x00", "ǅ"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		b := []byte(s)
		check := func(name string, v interface {
			textEnum
			UnmarshalText([]byte) error
		}, zero textEnum, err error, kinds ...error) {
			t.Helper()
			if err != nil {
				ok := false
				for _, k := range kinds {
					ok = ok || errors.Is(err, k)
				}
				if !ok || !strings.HasPrefix(err.Error(), "medsec: ") {
					t.Fatalf("%s(%q): error %v", name, s, err)
				}
				if reflect.ValueOf(v).Elem().Interface() != zero {
					t.Fatalf("%s(%q): the value changed on error", name, s)
				}
				return
			}
			if !v.Valid() {
				t.Fatalf("%s(%q) accepted an invalid value", name, s)
			}
			m, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%s(%q): accepted value does not marshal: %v", name, s, err)
			}
			again := reflect.New(reflect.TypeOf(v).Elem()).Interface().(interface{ UnmarshalText([]byte) error })
			if err := again.UnmarshalText(m); err != nil || reflect.ValueOf(again).Elem().Interface() != reflect.ValueOf(v).Elem().Interface() {
				t.Fatalf("%s: %q does not round-trip: %v", name, m, err)
			}
		}
		var c medsec.Confidence
		check("Confidence", &c, medsec.Confidence(0), c.UnmarshalText(b), medsec.ErrInvalidInput)
		var e medsec.Effect
		check("Effect", &e, medsec.Effect(0), e.UnmarshalText(b), medsec.ErrInvalidInput, medsec.ErrInvalidData)
		var k medsec.InstrumentKind
		check("InstrumentKind", &k, medsec.InstrumentKind(0), k.UnmarshalText(b), medsec.ErrInvalidInput)
		var j medsec.Jurisdiction
		check("Jurisdiction", &j, medsec.Jurisdiction(""), j.UnmarshalText(b), medsec.ErrUnknownJurisdiction)
		// UnmarshalText takes the exact code; ParseJurisdiction is lenient
		// about case and space, and what it returns is an exact code.
		pj, perr := medsec.ParseJurisdiction(s)
		if j.Valid() && (perr != nil || pj != j) {
			t.Fatalf("ParseJurisdiction(%q) = %q, %v; UnmarshalText gave %q", s, pj, perr, j)
		}
		if perr == nil {
			var exact medsec.Jurisdiction
			if err := exact.UnmarshalText([]byte(pj)); err != nil || exact != pj {
				t.Fatalf("ParseJurisdiction(%q) = %q, which UnmarshalText refuses: %v", s, pj, err)
			}
		}
		if perr == nil && (pj.String() != string(pj) || pj.Message().Key == "") {
			t.Fatalf("jurisdiction %q has no name", pj)
		}

		var cit medsec.Citation
		if err := cit.UnmarshalText(b); err != nil {
			if !errors.Is(err, medsec.ErrInvalidCitation) || !cit.IsZero() {
				t.Fatalf("Citation.UnmarshalText(%q): %v, %v", s, cit, err)
			}
			return
		}
		if cit.String() != s {
			t.Fatalf("Citation.UnmarshalText(%q).String() = %q", s, cit.String())
		}
		if m, err := cit.MarshalText(); err != nil || string(m) != s {
			t.Fatalf("Citation %q marshals as %q, %v", s, m, err)
		}
	})
}

// citeRegistry is a small registry of one's own, as a user builds it.
func citeRegistry(tb testing.TB) *medsec.Registry {
	in := medsec.Instrument{
		ID: "ACME-POLICY-1", Jurisdiction: medsec.CZ, Kind: medsec.KindGuidance, Title: "Bezpečnostní politika",
		TitleEN: "Security policy", Language: "cs", Issuer: "ACME", Confidence: medsec.Verified,
		InForce: medsec.Period{From: medsec.NewDate(2024, 1, 1)},
		Articles: []medsec.Article{
			{Number: "1", Effect: medsec.EffectObligations, Confidence: medsec.Verified},
			{Number: "2a", Effect: medsec.EffectNone, Confidence: medsec.Partial},
			{Number: "Annex I", Effect: medsec.EffectUnknown, Confidence: medsec.Unverified, Note: "not read yet"},
			{Number: "4.3", Effect: medsec.EffectObligations, Confidence: medsec.Verified},
		},
	}
	reg, err := medsec.NewRegistry(in)
	if err != nil {
		tb.Fatal(err)
	}
	return reg
}

// FuzzRegistryCitation: Registry.ParseCitation, Resolve, Article and
// Confidence agree with each other, on the embedded registry and on a
// user's own, and ParseCitation accepts exactly the citations whose
// syntax is valid and that resolve.
func FuzzRegistryCitation(f *testing.F) {
	for _, s := range []string{"ACME-POLICY-1", "ACME-POLICY-1 art. 2a", "ACME-POLICY-1 Annex I", "ACME-POLICY-1 art. 4.3(1)(b)", "ACME-POLICY-1 art. 3",
		"EU-NIS2 art. 21(2)(d)", "EU-NIS2 Annex I", "CN-CSL-2016 art. 21", "NOPE-1 art. 1", "EU-NIS2 art. 999", ""} {
		f.Add(s)
	}
	regs := []*medsec.Registry{medsec.DefaultRegistry(), citeRegistry(f)}
	f.Fuzz(func(t *testing.T, s string) {
		var syntax medsec.Citation
		synErr := syntax.UnmarshalText([]byte(s))
		for _, reg := range regs {
			c, err := reg.ParseCitation(s)
			if synErr != nil {
				if err == nil || !errors.Is(err, medsec.ErrInvalidCitation) {
					t.Fatalf("ParseCitation(%q) = %v, %v; the syntax is invalid: %v", s, c, err, synErr)
				}
				continue
			}
			resErr := reg.Resolve(syntax)
			if (err == nil) != (resErr == nil) {
				t.Fatalf("ParseCitation(%q): %v; Resolve: %v", s, err, resErr)
			}
			if err != nil {
				if !errors.Is(err, medsec.ErrUnknownInstrument) && !errors.Is(err, medsec.ErrUnknownArticle) {
					t.Fatalf("ParseCitation(%q): error kind %v", s, err)
				}
				if reg.Confidence(syntax) != medsec.ConfidenceUnknown {
					t.Fatalf("Confidence of unresolvable %q is set", s)
				}
				continue
			}
			if c != syntax || c.String() != s {
				t.Fatalf("ParseCitation(%q) = %v", s, c)
			}
			in, lerr := reg.Lookup(c.Instrument)
			if lerr != nil {
				t.Fatalf("resolved %q but Lookup fails: %v", s, lerr)
			}
			a, aerr := reg.Article(c)
			switch {
			case c.Article == "":
				if aerr == nil || reg.Confidence(c) != in.Confidence {
					t.Fatalf("whole-instrument citation %q: Article err %v, confidence %v", s, aerr, reg.Confidence(c))
				}
			case aerr != nil || a.Number != c.Article || reg.Confidence(c) != a.Confidence:
				t.Fatalf("Article(%q) = %+v, %v", s, a, aerr)
			}
		}
	})
}
