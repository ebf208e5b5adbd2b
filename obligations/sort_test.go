package obligations

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

// TestSortItems: the sort by packed keys orders items exactly as the
// comparison of status, due day, exact deadline and index does, with
// many ties and hour deadlines in several time zones.
func TestSortItems(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, time.FixedZone("UTC+8", 8*3600), time.FixedZone("UTC-5", -5*3600)}
	for round := range 200 {
		n := 1 + rng.IntN(300)
		items := make([]Item, n)
		for i := range items {
			it := &items[i]
			it.DutyID = string(rune('A' + i%26))
			it.Reference = string(rune(i)) // tells items apart
			it.Status = Status(1 + rng.IntN(int(statusCount)-1))
			if rng.IntN(4) > 0 {
				it.Due = medsec.NewDate(2026, time.Month(1+rng.IntN(2)), 1+rng.IntN(3))
			}
			if rng.IntN(5) == 0 {
				it.DueAt = time.Date(2026, 1, 1+rng.IntN(3), rng.IntN(24), 0, 0, 0, zones[rng.IntN(len(zones))])
				it.Due = medsec.DateOf(it.DueAt)
			}
		}
		want := append([]Item(nil), items...)
		sortItemsSlow(want)
		got := append([]Item(nil), items...)
		sortItems(got)
		require.Equal(t, want, got, "round %d", round)
	}
	// Days out of the calendar's range sort as well.
	items := []Item{{Status: StatusOverdue, Due: medsec.Date{Year: 10000, Month: 1, Day: 1}}, {Status: StatusOverdue, Due: medsec.NewDate(2026, 1, 1)}}
	sortItems(items)
	assert.Equal(t, 2026, items[0].Due.Year)
}

// TestDayNumber: consecutive days have consecutive numbers.
func TestDayNumber(t *testing.T) {
	first, ok := dayNumber(medsec.NewDate(1, 1, 1))
	require.True(t, ok)
	assert.Equal(t, uint32(1), first)
	for _, start := range []medsec.Date{medsec.NewDate(1, 1, 1), medsec.NewDate(1899, 12, 1), medsec.NewDate(9998, 12, 1)} {
		prev, _ := dayNumber(start)
		d := start
		for range 800 {
			d = d.AddDays(1)
			if d.Year > 9999 {
				break
			}
			n, ok := dayNumber(d)
			require.True(t, ok, d)
			require.Equal(t, prev+1, n, d)
			prev = n
		}
	}
	for _, d := range []medsec.Date{{Year: 0, Month: 12, Day: 31}, {Year: 10000, Month: 1, Day: 1}, {Year: 2026, Month: 2, Day: 30}} {
		_, ok := dayNumber(d)
		assert.False(t, ok, d)
	}
	n, ok := dayNumber(medsec.Date{})
	assert.True(t, ok)
	assert.Equal(t, uint32(keyNoDay), n)
}
