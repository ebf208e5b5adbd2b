package medsec_test

import (
	"encoding/json"
	"testing"
	"time"
	_ "time/tzdata" // the DST cases need real zones on any machine

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The legal sources of the period rules, named in the test tables.
const (
	srcMonths = "EU Reg. 1182/71 art. 3(2)(c); PRC Civil Code art. 202; CZ Civil Code § 605(2); VN Civil Code 2015 art. 148(3)"
	srcYears  = "EU Reg. 1182/71 art. 3(2)(c); PRC Civil Code art. 202; CZ Civil Code § 605(2); VN Civil Code 2015 art. 148(4)"
	srcDays   = "EU Reg. 1182/71 art. 3(1), 3(2)(b); PRC Civil Code art. 201; CZ Civil Code § 605(1); VN Civil Code 2015 arts. 147(2), 148(1)"
	srcWork   = "working days Monday to Friday; public holidays not modelled (EU Reg. 1182/71 art. 3(3))"
	srcHours  = "elapsed hours: EU Reg. 1182/71 art. 3(2)(a); PRC Civil Code art. 201; VN Civil Code 2015 art. 147(1)"
)

func TestSpanLastDay(t *testing.T) {
	tests := []struct {
		source string
		from   string
		span   medsec.Span
		want   string
	}{
		// A month ends on the corresponding day, or on the last day of a
		// month that has none.
		{srcMonths, "2026-01-31", medsec.Span{N: 1, Unit: medsec.Months}, "2026-02-28"},
		{srcMonths, "2028-01-31", medsec.Span{N: 1, Unit: medsec.Months}, "2028-02-29"}, // leap year
		{srcMonths, "2026-03-31", medsec.Span{N: 1, Unit: medsec.Months}, "2026-04-30"},
		{srcMonths, "2026-01-15", medsec.Span{N: 1, Unit: medsec.Months}, "2026-02-15"},
		{srcMonths, "2026-02-28", medsec.Span{N: 1, Unit: medsec.Months}, "2026-03-28"}, // the corresponding day, not the month's end
		{srcMonths, "2026-08-31", medsec.Span{N: 6, Unit: medsec.Months}, "2027-02-28"},
		{srcMonths, "2026-05-31", medsec.Span{N: 6, Unit: medsec.Months}, "2026-11-30"},
		{srcMonths, "2026-12-31", medsec.Span{N: 1, Unit: medsec.Months}, "2027-01-31"}, // across the year's end
		{srcMonths, "2026-11-30", medsec.Span{N: 3, Unit: medsec.Months}, "2027-02-28"},
		{srcMonths, "2026-12-15", medsec.Span{N: 12, Unit: medsec.Months}, "2027-12-15"},
		{srcMonths, "2026-03-10", medsec.Span{N: 24, Unit: medsec.Months}, "2028-03-10"},
		// Years are twelve months: a leap day has no corresponding day.
		{srcYears, "2028-02-29", medsec.Span{N: 1, Unit: medsec.Years}, "2029-02-28"},
		{srcYears, "2028-02-29", medsec.Span{N: 4, Unit: medsec.Years}, "2032-02-29"},
		{srcYears, "2026-12-31", medsec.Span{N: 1, Unit: medsec.Years}, "2027-12-31"},
		{srcYears, "2028-02-29", medsec.Span{N: 12, Unit: medsec.Months}, "2029-02-28"},
		// Days: the event's day is not counted.
		{srcDays, "2026-12-27", medsec.Span{N: 5, Unit: medsec.Days}, "2027-01-01"},
		{srcDays, "2028-02-27", medsec.Span{N: 2, Unit: medsec.Days}, "2028-02-29"},
		{srcDays, "2026-01-30", medsec.Span{N: 30, Unit: medsec.Days}, "2026-03-01"},
		{srcDays, "2026-11-20", medsec.Span{N: 1, Unit: medsec.Days}, "2026-11-21"},
		// Working days skip Saturdays and Sundays.
		{srcWork, "2026-11-20", medsec.Span{N: 1, Unit: medsec.WorkingDays}, "2026-11-23"}, // Friday → Monday
		{srcWork, "2026-11-21", medsec.Span{N: 1, Unit: medsec.WorkingDays}, "2026-11-23"}, // Saturday → Monday
		{srcWork, "2026-11-22", medsec.Span{N: 5, Unit: medsec.WorkingDays}, "2026-11-27"}, // Sunday → Friday
		{srcWork, "2026-11-23", medsec.Span{N: 5, Unit: medsec.WorkingDays}, "2026-11-30"}, // Monday → Monday
		{srcWork, "2023-05-01", medsec.Span{N: 10, Unit: medsec.WorkingDays}, "2023-05-15"},
		{srcWork, "2026-11-10", medsec.Span{N: 7, Unit: medsec.WorkingDays}, "2026-11-19"},
		{srcWork, "2026-12-25", medsec.Span{N: 7, Unit: medsec.WorkingDays}, "2027-01-05"}, // across the year's end; holidays not skipped
		// Hours: the earliest day the period can end.
		{srcHours, "2026-11-20", medsec.Span{N: 4, Unit: medsec.Hours}, "2026-11-20"},
		{srcHours, "2026-11-20", medsec.Span{N: 72, Unit: medsec.Hours}, "2026-11-23"},
	}
	for _, tt := range tests {
		got := tt.span.LastDay(date(tt.from))
		assert.Equal(t, tt.want, got.String(), "%s + %v (%s)", tt.from, tt.span, tt.source)
	}
}

// The working-day count agrees with counting day by day, from every
// weekday and for every length up to ten weeks.
func TestSpanWorkingDaysByCounting(t *testing.T) {
	for from := date("2026-11-16"); from.Before(date("2026-11-23")); from = from.AddDays(1) {
		for n := 1; n <= 50; n++ {
			d, left := from, n
			for left > 0 {
				d = d.AddDays(1)
				if wd := d.Time(time.UTC).Weekday(); wd != time.Saturday && wd != time.Sunday {
					left--
				}
			}
			assert.Equal(t, d, medsec.Span{N: n, Unit: medsec.WorkingDays}.LastDay(from), "%v + %d working days (%s)", from, n, srcWork)
		}
	}
}

func TestSpanDeadline(t *testing.T) {
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	hanoi, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	require.NoError(t, err)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	last := func(y int, m time.Month, d int, loc *time.Location) time.Time {
		return time.Date(y, m, d, 23, 59, 59, 999999999, loc)
	}
	tests := []struct {
		source string
		event  time.Time
		span   medsec.Span
		want   time.Time
	}{
		// Elapsed hours across daylight-saving changes in Prague: 24 hours
		// before the spring change end at 11:00 summer time, before the
		// autumn change at 09:00 winter time.
		{srcHours, time.Date(2026, 3, 28, 10, 0, 0, 0, prague), medsec.Span{N: 24, Unit: medsec.Hours}, time.Date(2026, 3, 29, 11, 0, 0, 0, prague)},
		{srcHours, time.Date(2025, 10, 25, 10, 0, 0, 0, prague), medsec.Span{N: 24, Unit: medsec.Hours}, time.Date(2025, 10, 26, 9, 0, 0, 0, prague)},
		{srcHours, time.Date(2026, 3, 29, 1, 30, 0, 0, prague), medsec.Span{N: 1, Unit: medsec.Hours}, time.Date(2026, 3, 29, 3, 30, 0, 0, prague)},
		{srcHours, time.Date(2025, 10, 24, 9, 0, 0, 0, prague), medsec.Span{N: 72, Unit: medsec.Hours}, time.Date(2025, 10, 27, 8, 0, 0, 0, prague)},
		{srcHours, time.Date(2025, 11, 1, 23, 0, 0, 0, shanghai), medsec.Span{N: 4, Unit: medsec.Hours}, time.Date(2025, 11, 2, 3, 0, 0, 0, shanghai)},
		// Day-based periods expire at 24:00 of the last day where the
		// event happened, whatever the daylight-saving changes in between.
		{srcDays, time.Date(2026, 4, 10, 10, 0, 0, 0, hanoi), medsec.Span{N: 5, Unit: medsec.Days}, last(2026, 4, 15, hanoi)},
		{srcDays, time.Date(2026, 3, 24, 8, 0, 0, 0, prague), medsec.Span{N: 5, Unit: medsec.Days}, last(2026, 3, 29, prague)},
		{srcMonths, time.Date(2026, 3, 10, 9, 0, 0, 0, prague), medsec.Span{N: 1, Unit: medsec.Months}, last(2026, 4, 10, prague)},
		{srcMonths, time.Date(2026, 1, 31, 22, 0, 0, 0, prague), medsec.Span{N: 1, Unit: medsec.Months}, last(2026, 2, 28, prague)},
		// The event's day is the day in the event's own time zone: 23:30 in
		// Prague on 31 January is already 1 February in Shanghai.
		{srcMonths, time.Date(2026, 1, 31, 23, 30, 0, 0, prague).In(shanghai), medsec.Span{N: 1, Unit: medsec.Months}, last(2026, 3, 1, shanghai)},
	}
	for _, tt := range tests {
		got := tt.span.Deadline(tt.event)
		assert.True(t, tt.want.Equal(got), "%v + %v: got %v, want %v (%s)", tt.event, tt.span, got, tt.want, tt.source)
		assert.Equal(t, tt.event.Location(), got.Location(), "the deadline keeps the event's location")
	}
}

func TestSpanInvalid(t *testing.T) {
	d := date("2026-01-31")
	at := time.Date(2026, 1, 31, 10, 0, 0, 0, time.UTC)
	for _, s := range []medsec.Span{{}, {N: 0, Unit: medsec.Days}, {N: -1, Unit: medsec.Months}, {N: medsec.MaxSpan + 1, Unit: medsec.Years},
		{N: 1, Unit: medsec.SpanUnitUnknown}, {N: 1, Unit: 99}} {
		assert.False(t, s.Valid(), "%#v", s)
		assert.True(t, s.LastDay(d).IsZero(), "%#v", s)
		assert.True(t, s.Deadline(at).IsZero(), "%#v", s)
		assert.Equal(t, "medsec.span.unknown", s.Message().Key)
	}
	one := medsec.Span{N: 1, Unit: medsec.Months}
	assert.True(t, one.LastDay(medsec.Date{}).IsZero(), "the zero Date is not known")
	assert.True(t, one.LastDay(medsec.NewDate(2026, 2, 30)).IsZero(), "30 February does not exist")
	assert.True(t, one.Deadline(time.Time{}).IsZero())
	assert.Equal(t, 12025, medsec.Span{N: medsec.MaxSpan, Unit: medsec.Years}.LastDay(d).Year)
}

func TestSpanText(t *testing.T) {
	for _, tt := range []struct {
		s    medsec.Span
		text string
		json string
		key  string
	}{
		{medsec.Span{N: 1, Unit: medsec.Hours}, "1 hour", `{"hours":1}`, "medsec.span.hours"},
		{medsec.Span{N: 24, Unit: medsec.Hours}, "24 hours", `{"hours":24}`, "medsec.span.hours"},
		{medsec.Span{N: 5, Unit: medsec.Days}, "5 days", `{"days":5}`, "medsec.span.days"},
		{medsec.Span{N: 1, Unit: medsec.WorkingDays}, "1 working day", `{"workingDays":1}`, "medsec.span.working-days"},
		{medsec.Span{N: 6, Unit: medsec.Months}, "6 months", `{"months":6}`, "medsec.span.months"},
		{medsec.Span{N: 1, Unit: medsec.Years}, "1 year", `{"years":1}`, "medsec.span.years"},
		{medsec.Span{}, "", `{}`, "medsec.span.unknown"},
	} {
		assert.Equal(t, tt.text, tt.s.String())
		b, err := json.Marshal(tt.s)
		require.NoError(t, err)
		assert.JSONEq(t, tt.json, string(b))
		var back medsec.Span
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tt.s, back)
		assert.Equal(t, tt.key, tt.s.Message().Key)
	}
	for _, bad := range []string{`[]`, `{"weeks":2}`, `{"months":0}`, `{"months":-1}`, `{"months":1.5}`, `{"months":"6"}`,
		`{"months":10000}`, `{"months":1,"days":2}`, `{"months":1,"months":1}`, `{"months":null}`, `{"months":1} {}`, `null`} {
		s := medsec.Span{N: 3, Unit: medsec.Days}
		err := s.UnmarshalJSON([]byte(bad))
		if bad == `null` {
			// Like encoding/json, null leaves the value alone.
			assert.NoError(t, err)
			assert.Equal(t, medsec.Span{N: 3, Unit: medsec.Days}, s)
			continue
		}
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, bad)
		assert.Equal(t, medsec.Span{N: 3, Unit: medsec.Days}, s, "a failed decode changes nothing")
	}
	_, err := json.Marshal(medsec.Span{N: 0, Unit: medsec.Days})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)

	for u := medsec.Hours; u <= medsec.Years; u++ {
		b, err := u.MarshalText()
		require.NoError(t, err)
		var back medsec.SpanUnit
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, u, back)
	}
	_, err = medsec.SpanUnitUnknown.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	var u medsec.SpanUnit
	assert.ErrorIs(t, u.UnmarshalText([]byte("weeks")), medsec.ErrInvalidInput)
	assert.Equal(t, "working-days", medsec.WorkingDays.String())
	assert.Equal(t, "SpanUnit(99)", medsec.SpanUnit(99).String())
}

func TestDateEndAndAddDays(t *testing.T) {
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	// 29 March 2026 has 23 hours in Prague; its end is still 23:59:59.999999999.
	end := date("2026-03-29").End(prague)
	assert.Equal(t, time.Date(2026, 3, 29, 23, 59, 59, 999999999, prague), end)
	assert.Equal(t, date("2026-03-30").Time(prague), end.Add(time.Nanosecond))
	assert.Equal(t, time.UTC, date("2026-03-29").End(nil).Location())
	assert.True(t, medsec.Date{}.End(time.UTC).IsZero())

	assert.Equal(t, "2026-02-28", date("2026-03-01").AddDays(-1).String())
	assert.Equal(t, "2027-01-01", date("2026-12-31").AddDays(1).String())
	assert.True(t, medsec.Date{}.AddDays(1).IsZero())
	assert.True(t, medsec.NewDate(2026, 2, 29).AddDays(1).IsZero())
}

// FuzzSpanUnmarshalJSON: no input panics, and whatever decodes is valid
// (or zero) and survives a round trip.
func FuzzSpanUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{}`, `{"months":6}`, `{"hours":24}`, `{"workingDays":10}`, `{"days":1,"days":2}`,
		`{"years":9999}`, `{"months":1e3}`, `null`, `{"months":-0}`, "{\"hours\":\xff}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s medsec.Span
		if err := s.UnmarshalJSON(b); err != nil {
			return
		}
		if !s.IsZero() && !s.Valid() {
			t.Fatalf("%q decoded to invalid %#v", b, s)
		}
		out, err := s.MarshalJSON()
		if err != nil {
			t.Fatalf("%#v does not marshal: %v", s, err)
		}
		var back medsec.Span
		if err := back.UnmarshalJSON(out); err != nil || back != s {
			t.Fatalf("round trip %q → %#v → %s → %#v, %v", b, s, out, back, err)
		}
	})
}

func BenchmarkSpanLastDay(b *testing.B) {
	d := medsec.NewDate(2026, 8, 31)
	spans := []medsec.Span{{N: 6, Unit: medsec.Months}, {N: 30, Unit: medsec.Days}, {N: 10, Unit: medsec.WorkingDays}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = spans[i%len(spans)].LastDay(d)
	}
}

func BenchmarkSpanDeadline(b *testing.B) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	spans := []medsec.Span{{N: 24, Unit: medsec.Hours}, {N: 1, Unit: medsec.Months}, {N: 5, Unit: medsec.Days}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = spans[i%len(spans)].Deadline(at)
	}
}

// TestDateValidAndOrder: Date.Valid agrees with package time's calendar,
// and Before and After with Compare, on every day of four centuries, on
// impossible days and around the turn of a year, a month and a day.
func TestDateValidAndOrder(t *testing.T) {
	for d := medsec.NewDate(1896, 1, 1); d.Year < 2304; d = d.AddDays(1) {
		if !d.Valid() {
			t.Fatalf("%v rejected", d)
		}
	}
	for _, d := range []medsec.Date{{}, {2023, 2, 29}, {2100, 2, 29}, {2024, 4, 31}, {2024, 13, 1}, {2024, 0, 1},
		{2024, 1, 0}, {2024, 1, 32}, {2024, -1, 5}} {
		assert.False(t, d.Valid(), "%#v", d)
		assert.Equal(t, d == medsec.Date{} || medsec.DateOf(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)) != d, !d.Valid(), "%#v", d)
	}
	assert.True(t, medsec.NewDate(2000, 2, 29).Valid())
	days := []medsec.Date{{2025, 12, 31}, {2026, 1, 1}, {2026, 1, 2}, {2026, 2, 1}, {2026, 2, 2}, {2027, 1, 1}}
	for _, a := range days {
		for _, b := range days {
			assert.Equal(t, a.Compare(b) < 0, a.Before(b), "%v %v", a, b)
			assert.Equal(t, a.Compare(b) > 0, a.After(b), "%v %v", a, b)
		}
	}
}
