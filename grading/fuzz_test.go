package grading

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/apitest"
)

// decodeStrict decodes a JSON document into v as a program reading
// grading input from a file would: unknown fields and trailing data are
// errors.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data")
	}
	return nil
}

// checkGradingError fails unless err is what grading returns for bad
// input: field errors wrapping ErrInvalidInput, each with a path, a rule
// and a message that formats.
func checkGradingError(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, medsec.ErrInvalidInput) {
		t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
	}
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes {
			if fe.Rule == "" || fe.Message.Key == "" || apitest.Misformatted(fe.Message, medsec.Message.String) {
				t.Fatalf("bad field error %+v", fe)
			}
		}
	}
}

// checkResult fails unless every reason formats and every citation
// resolves in the embedded registry.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	if !r.Scheme.Valid() || !r.Confidence.Valid() || !r.AsOf.Valid() {
		t.Fatalf("result without scheme, confidence or date: %+v", r)
	}
	for _, m := range r.Reasons {
		if s := m.String(); strings.Contains(s, "%!") || m.Key == "" {
			t.Fatalf("reason %q does not format", s)
		}
	}
	for _, c := range r.Citations {
		if err := medsec.DefaultRegistry().Resolve(c); err != nil {
			t.Fatalf("citation %v does not resolve: %v", c, err)
		}
	}
}

// satAdd adds two non-negative amounts, stopping at the largest int64.
func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// nonNeg turns a fuzzed amount into a non-negative one.
func nonNeg(n int64) int64 {
	if n < 0 {
		if n == math.MinInt64 {
			return math.MaxInt64
		}
		return -n
	}
	return n
}

// staff turns a fuzzed head count into a non-negative finite one.
func staff(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Abs(f)
}

// asOfDay turns a fuzzed offset into a day between 2005 and 2034, so that
// every scheme is tried under each of its editions of the rules.
func asOfDay(off uint16) medsec.Date {
	return medsec.NewDate(2005, 1, 1).AddDays(int(off) % (30 * 366))
}

// grow makes e bigger by the fuzzed amounts: its own figures grow (up to
// the largest int64), a linked enterprise with those figures joins it,
// and, when partner is set, a partner at a 30 % share.
func grow(e *Enterprise, dStaff float64, dTurnover, dBalance int64, partner bool) {
	hc, to, bs := staff(dStaff), nonNeg(dTurnover), nonNeg(dBalance)
	e.Headcount += hc
	e.TurnoverEUR = satAdd(e.TurnoverEUR, to)
	e.BalanceSheetEUR = satAdd(e.BalanceSheetEUR, bs)
	e.Linked = append(slices.Clone(e.Linked), Linked{Headcount: hc, TurnoverEUR: to, BalanceSheetEUR: bs})
	if partner {
		e.Partners = append(slices.Clone(e.Partners), Partner{SharePercent: 30, Headcount: hc, TurnoverEUR: to, BalanceSheetEUR: bs})
	}
}

// FuzzNIS2 classifies entities read from JSON and checks that the result
// explains itself and that the classification is monotonic: a bigger
// enterprise (more staff, turnover or balance sheet, one more linked or
// partner enterprise) never gets a smaller size class or a lower NIS2
// class, and a size-independent designation never lowers it either.
func FuzzNIS2(f *testing.F) {
	for _, s := range []string{
		`{"type":"healthcare-provider","enterprise":{"headcount":120,"turnoverEur":30000000,"balanceSheetEur":20000000}}`,
		`{"type":"medical-devices","enterprise":{"headcount":300,"turnoverEur":60000000,"balanceSheetEur":50000000,"linked":[{"headcount":10,"turnoverEur":1,"balanceSheetEur":1}]}}`,
		`{"type":"healthcare-provider","enterprise":{"headcount":40,"turnoverEur":9000000,"balanceSheetEur":9000000,"partners":[{"sharePercent":30,"headcount":100,"turnoverEur":100000000,"balanceSheetEur":1}]}}`,
		`{"type":"other","enterprise":{"headcount":1,"turnoverEur":1,"balanceSheetEur":1},"criticalEntity":true}`,
		`{"type":"healthcare-provider","enterprise":{"headcount":100,"turnoverEur":9223372036854775807,"balanceSheetEur":9223372036854775807}}`,
		`{"type":"healthcare-provider","enterprise":{"headcount":0.5,"turnoverEur":-1,"balanceSheetEur":1}}`,
	} {
		f.Add([]byte(s), 0.0, int64(0), int64(0), false, uint16(7300), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, dStaff float64, dTurnover, dBalance int64, partner bool, day uint16, desig uint8) {
		var in NIS2Input
		if decodeStrict(data, &in) != nil {
			return
		}
		opts := Options{AsOf: asOfDay(day)}
		r, err := NIS2(in, opts)
		if err != nil {
			checkGradingError(t, err)
			return
		}
		checkResult(t, r.Result)
		if !r.Class.Valid() || !r.Size.Valid() {
			t.Fatalf("class %v, size %v", r.Class, r.Size)
		}
		if again, _ := NIS2(in, opts); !reflect.DeepEqual(again, r) {
			t.Fatal("NIS2 is not deterministic")
		}
		if lo, _ := NIS2(in, Options{AsOf: opts.AsOf, LevelOnly: true}); lo.Class != r.Class || lo.Size != r.Size || lo.Confidence != r.Confidence {
			t.Fatalf("LevelOnly gives %v/%v, full %v/%v", lo.Class, lo.Size, r.Class, r.Size)
		}

		big := in
		grow(&big.Enterprise, dStaff, dTurnover, dBalance, partner)
		switch desig % 4 {
		case 1:
			big.CriticalEntity = true
		case 2:
			big.SoleProvider = true
		case 3:
			big.MemberStateEssential = true
		}
		r2, err := NIS2(big, opts)
		if err != nil {
			// Figures too large to add up may be refused, but only as
			// bad input.
			checkGradingError(t, err)
			return
		}
		if r2.Size < r.Size || r2.Class < r.Class {
			t.Fatalf("a bigger enterprise got a smaller class: %v/%v (figures %+v) became %v/%v (figures %+v)",
				r.Size, r.Class, r.Figures, r2.Size, r2.Class, r2.Figures)
		}
	})
}

// FuzzCzech places providers read from JSON in a Czech regime and checks
// that a bigger enterprise never gets a lower regime.
func FuzzCzech(f *testing.F) {
	for _, s := range []string{
		`{"regulatedService":"yes","enterprise":{"headcount":300,"turnoverEur":60000000,"balanceSheetEur":50000000}}`,
		`{"regulatedService":"yes","significant":"no","enterprise":{"headcount":10,"turnoverEur":1,"balanceSheetEur":1}}`,
		`{"regulatedService":"yes","significant":"yes"}`,
		`{"regulatedService":"no"}`,
		`{"regulatedService":"yes","enterprise":{"headcount":100,"turnoverEur":9223372036854775807,"balanceSheetEur":9223372036854775807}}`,
	} {
		f.Add([]byte(s), 0.0, int64(0), int64(0), false, uint16(7800))
	}
	f.Fuzz(func(t *testing.T, data []byte, dStaff float64, dTurnover, dBalance int64, partner bool, day uint16) {
		var in CZInput
		if decodeStrict(data, &in) != nil {
			return
		}
		opts := Options{AsOf: asOfDay(day)}
		r, err := Czech(in, opts)
		if err != nil {
			checkGradingError(t, err)
			return
		}
		checkResult(t, r.Result)
		if again, _ := Czech(in, opts); !reflect.DeepEqual(again, r) {
			t.Fatal("Czech is not deterministic")
		}
		if in.Enterprise.isZero() {
			return
		}
		big := in
		grow(&big.Enterprise, dStaff, dTurnover, dBalance, partner)
		r2, err := Czech(big, opts)
		if err != nil {
			checkGradingError(t, err)
			return
		}
		if r2.Size < r.Size || r2.Regime < r.Regime {
			t.Fatalf("a bigger enterprise got a lower regime: %v/%v became %v/%v", r.Size, r.Regime, r2.Size, r2.Regime)
		}
	})
}

// FuzzMLPS grades systems read from JSON and checks that more harm to any
// object in either aspect never gives a lower level, and that the
// health-sector floor never lowers it.
func FuzzMLPS(f *testing.F) {
	for _, s := range []string{
		`{"information":{"citizens":"serious","society":"none","nation":"none"},"service":{"citizens":"general","society":"none","nation":"none"}}`,
		`{"information":{"citizens":"particularly-serious","society":"none","nation":"none"},"service":{"citizens":"none","society":"none","nation":"none"}}`,
		`{"information":{"citizens":"none","society":"serious","nation":"general"},"service":{"citizens":"none","society":"none","nation":"serious"},"tertiaryHospitalCore":true}`,
		`{"information":{"citizens":"none","society":"none","nation":"none"},"service":{"citizens":"none","society":"none","nation":"none"}}`,
	} {
		f.Add([]byte(s), uint8(0), false, false, uint16(6000))
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8, draft2018, floor bool, day uint16) {
		var in MLPSInput
		if decodeStrict(data, &in) != nil {
			return
		}
		opts := Options{AsOf: asOfDay(day), MLPSCitizensCellDraft2018: draft2018}
		r, err := MLPS(in, opts)
		if err != nil {
			checkGradingError(t, err)
			return
		}
		checkResult(t, r.Result)
		if !r.Level.Valid() || r.Level < r.MatrixLevel {
			t.Fatalf("level %v, matrix level %v", r.Level, r.MatrixLevel)
		}
		if again, _ := MLPS(in, opts); !reflect.DeepEqual(again, r) {
			t.Fatal("MLPS is not deterministic")
		}
		more := in
		aspect := &more.Information
		if which&1 != 0 {
			aspect = &more.Service
		}
		h := [...]*Harm{&aspect.Citizens, &aspect.Society, &aspect.Nation}[int(which>>1)%3]
		if *h < ParticularlySeriousHarm {
			*h++
		}
		if floor {
			more.TertiaryHospitalCore = true
		}
		r2, err := MLPS(more, opts)
		if err != nil {
			t.Fatalf("more harm is rejected: %v", err)
		}
		if r2.Level < r.Level || r2.MatrixLevel < r.MatrixLevel {
			t.Fatalf("more harm gave a lower level: %v (matrix %v) became %v (matrix %v)\n%+v\n%+v", r.Level, r.MatrixLevel, r2.Level, r2.MatrixLevel, in, more)
		}
	})
}

// FuzzVietnam grades systems read from JSON and checks that more users,
// a national data store or a Prime Minister's designation never give a
// lower level.
func FuzzVietnam(f *testing.F) {
	for _, s := range []string{
		`{"type":"public-facing","information":"public|personal","publicService":"2","conditionalBusiness":"no","users":9999}`,
		`{"type":"internal","information":"public"}`,
		`{"type":"infrastructure","information":"private","reach":"nationwide","nonStop":"yes"}`,
		`{"type":"industrial-control","information":"public","worksGrade":"I"}`,
		`{"type":"internal","information":"state-secret","secretGrade":"mat","secretHarm":"serious"}`,
	} {
		f.Add([]byte(s), int32(1), uint8(0), uint16(7700))
	}
	f.Fuzz(func(t *testing.T, data []byte, dUsers int32, flag uint8, day uint16) {
		var in VNInput
		if decodeStrict(data, &in) != nil {
			return
		}
		opts := Options{AsOf: asOfDay(day)}
		r, err := Vietnam(in, opts)
		if err != nil {
			checkGradingError(t, err)
			return
		}
		checkResult(t, r.Result)
		if !r.Level.Valid() {
			t.Fatalf("level %v", r.Level)
		}
		if again, _ := Vietnam(in, opts); !reflect.DeepEqual(again, r) {
			t.Fatal("Vietnam is not deterministic")
		}
		more := in
		if d := int(nonNeg(int64(dUsers))); more.Users <= math.MaxInt-d {
			more.Users += d
		}
		switch flag % 3 {
		case 1:
			more.NationalDataStore = true
		case 2:
			more.PMDesignated = true
		}
		r2, err := Vietnam(more, opts)
		if err != nil {
			t.Fatalf("more users are rejected: %v", err)
		}
		if r2.Level < r.Level {
			t.Fatalf("more users gave a lower level: %v became %v", r.Level, r2.Level)
		}
	})
}
