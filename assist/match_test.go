package assist

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
)

// Small builders for the rule tests. An offer stands from 2026-03-01 with
// unlimited person-days; a need is a Czech hospital in CZ-64 that accepts
// on-site or remote help.

var asOf = medsec.NewDate(2026, 3, 20)

type offerOpt func(*Offer)

func mkOffer(id string, s []Service, opts ...offerOpt) Offer {
	o := Offer{
		ID: id,
		Offerer: Offerer{Kind: Organisation, Name: "Firma " + id, Country: "CZ",
			Contact: Contact{Email: strings.ToLower(id) + "@example.cz"}},
		Services: s, Terms: ProBono, Capacity: Capacity{Engagements: 10},
		Modes: []Mode{OnSite, Remote}, Regions: []Region{"CZ"}, Languages: []Language{"cs"},
		Valid: Validity{From: medsec.NewDate(2026, 3, 1)},
	}
	for _, f := range opts {
		f(&o)
	}
	return o
}

func engagements(n int) offerOpt { return func(o *Offer) { o.Capacity.Engagements = n } }
func days(n int) offerOpt        { return func(o *Offer) { o.Capacity.PersonDays = n } }
func paid(o *Offer)              { o.Terms = Paid }
func remoteOnly(o *Offer)        { o.Modes, o.Regions = []Mode{Remote}, nil }
func onSiteIn(r ...Region) offerOpt {
	return func(o *Offer) { o.Modes, o.Regions = []Mode{OnSite}, r }
}
func speaks(l ...Language) offerOpt { return func(o *Offer) { o.Languages = l } }
func offerer(name string) offerOpt  { return func(o *Offer) { o.Offerer.Name = name } }
func valid(from, until string) offerOpt {
	return func(o *Offer) {
		o.Valid.From, _ = medsec.ParseDate(from)
		o.Valid.Until, _ = medsec.ParseDate(until)
	}
}

type needOpt func(*Need)

func mkNeed(id string, sit Situation, reqs []Request, opts ...needOpt) Need {
	n := Need{
		ID:        id,
		Provider:  Provider{ID: "P-" + id, Name: "Nemocnice " + id, Type: Hospital, Region: "CZ-64"},
		Situation: sit, Reported: medsec.NewDate(2026, 3, 15), Requests: reqs,
		Modes: []Mode{OnSite, Remote}, Contact: Contact{Email: "it@" + strings.ToLower(id) + ".example.cz"},
	}
	for _, f := range opts {
		f(&n)
	}
	return n
}

func req(s Service, d int) []Request { return []Request{{Service: s, PersonDays: d}} }

func nis2(c grading.EntityClass) needOpt { return func(n *Need) { n.Provider.NIS2 = c } }
func czRegime(r grading.CZRegime) needOpt {
	return func(n *Need) { n.Provider.CZ = r }
}
func reported(d string) needOpt   { return func(n *Need) { n.Reported, _ = medsec.ParseDate(d) } }
func in(r Region) needOpt         { return func(n *Need) { n.Provider.Region = r } }
func modes(m ...Mode) needOpt     { return func(n *Need) { n.Modes = m } }
func staff(l ...Language) needOpt { return func(n *Need) { n.Languages = l } }
func proBonoOnly(n *Need)         { n.ProBonoOnly = true }
func also(s Service, d int) needOpt {
	return func(n *Need) { n.Requests = append(n.Requests, Request{Service: s, PersonDays: d}) }
}

// summary lists a result as "need service→offer mode" and "need service×".
func summary(r *Result) []string {
	var out []string
	for _, a := range r.Assignments() {
		out = append(out, a.Need+" "+a.Service.String()+"→"+a.Offer+" "+a.Mode.String())
	}
	for _, u := range r.Unmatched() {
		out = append(out, u.Need+" "+u.Service.String()+"×")
	}
	return out
}

// TestMatchRules tests the policy rule by rule.
func TestMatchRules(t *testing.T) {
	ir := []Service{IncidentResponse}
	tests := []struct {
		name   string
		offers []Offer
		needs  []Need
		opts   Options
		want   []string
		reason string // a reason that must appear, in English
	}{
		// Priority: situation, then class, then day reported, then ID.
		{"under attack first", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", Preparing, req(IncidentResponse, 1)), mkNeed("N-2", Recovering, req(IncidentResponse, 1)), mkNeed("N-3", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-3 incident-response→O-1 on-site", "N-2 incident-response×", "N-1 incident-response×"},
			"Need N-3 is number 1 of 3 in the order of service: under attack; class under NIS2 and Czech law not stated; reported on 15 March 2026."},
		{"recovering before preparing", []Offer{mkOffer("O-1", ir, engagements(2))},
			[]Need{mkNeed("N-1", Preparing, req(IncidentResponse, 1)), mkNeed("N-2", Recovering, req(IncidentResponse, 1)), mkNeed("N-3", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-3 incident-response→O-1 on-site", "N-2 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"situation beats class", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", Preparing, req(IncidentResponse, 1), nis2(grading.Essential)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-2 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"essential before important before others", []Offer{mkOffer("O-1", ir, engagements(2))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1), nis2(grading.Important)), mkNeed("N-3", UnderAttack, req(IncidentResponse, 1), nis2(grading.Essential))},
			Options{}, []string{"N-3 incident-response→O-1 on-site", "N-2 incident-response→O-1 on-site", "N-1 incident-response×"},
			"Need N-3 is number 1 of 3 in the order of service: under attack; essential entity under NIS2; reported on 15 March 2026."},
		{"Czech higher regime counts as essential", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), nis2(grading.Important)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1), czRegime(grading.CZHigher))},
			Options{}, []string{"N-2 incident-response→O-1 on-site", "N-1 incident-response×"},
			"higher obligations regime under Act 264/2025 Sb."},
		{"the higher of NIS2 class and Czech regime counts", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), czRegime(grading.CZLower)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1), nis2(grading.Essential), czRegime(grading.CZLower))},
			Options{}, []string{"N-2 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"out of scope is not ahead of unknown", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-2", UnderAttack, req(IncidentResponse, 1), nis2(grading.OutOfScope)), mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site", "N-2 incident-response×"}, ""},
		{"earlier report first", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), reported("2026-03-18")), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1), reported("2026-03-13"))},
			Options{}, []string{"N-2 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"tie broken by need ID", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-b", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-a", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-a incident-response→O-1 on-site", "N-b incident-response×"}, ""},

		// Options change the priorities.
		{"class first", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", Preparing, req(IncidentResponse, 1), nis2(grading.Essential)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1))},
			Options{Order: []Criterion{ByClass, BySituation}}, []string{"N-1 incident-response→O-1 on-site", "N-2 incident-response×"}, ""},
		{"class ignored", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), nis2(grading.Essential)), mkNeed("N-0", UnderAttack, req(IncidentResponse, 1))},
			Options{Order: []Criterion{BySituation, ByReported}}, []string{"N-0 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"situations reordered", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-2", Recovering, req(IncidentResponse, 1))},
			Options{Situations: []Situation{Recovering, UnderAttack, Preparing}}, []string{"N-2 incident-response→O-1 on-site", "N-1 incident-response×"}, ""},
		{"empty order: by ID", []Offer{mkOffer("O-1", ir, engagements(1))},
			[]Need{mkNeed("N-2", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-1", Preparing, req(IncidentResponse, 1))},
			Options{Order: []Criterion{}}, []string{"N-1 incident-response→O-1 on-site", "N-2 incident-response×"}, ""},

		// Capacity.
		{"engagements are a limit", []Offer{mkOffer("O-1", ir, engagements(2))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 1)), mkNeed("N-3", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site", "N-2 incident-response→O-1 on-site", "N-3 incident-response×"},
			"1 has no engagement left."},
		{"person-days are a limit", []Offer{mkOffer("O-1", ir, engagements(0), days(10))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 6)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 6)), mkNeed("N-3", UnderAttack, req(IncidentResponse, 4))},
			Options{}, []string{"N-1 incident-response→O-1 on-site", "N-3 incident-response→O-1 on-site", "N-2 incident-response×"},
			"1 has fewer than 6 person-days left."},
		{"a request is never split", []Offer{mkOffer("O-1", ir, days(10)), mkOffer("O-2", ir, days(10))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 12))},
			Options{}, []string{"N-1 incident-response×"}, "2 have fewer than 12 person-days left."},
		{"one engagement per need", []Offer{mkOffer("O-1", []Service{IncidentResponse, Forensics}, engagements(1))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 5), also(Forensics, 5)), mkNeed("N-2", UnderAttack, req(Forensics, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site", "N-1 forensics→O-1 on-site", "N-2 forensics×"},
			"Takes 5 person-days; left: 0 engagements (person-days not limited)."},
		{"both limits", []Offer{mkOffer("O-1", ir, engagements(2), days(3))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 2)), mkNeed("N-2", UnderAttack, req(IncidentResponse, 2))},
			Options{}, []string{"N-1 incident-response→O-1 on-site", "N-2 incident-response×"},
			"Takes 2 person-days; left: 1 engagement and 1 person-day."},

		// Region and mode.
		{"on-site help only in the offer's regions", []Offer{mkOffer("O-1", ir, onSiteIn("CZ-10"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), modes(OnSite))},
			Options{}, []string{"N-1 incident-response×"}, "1 does not come on site in South Moravian Region."},
		{"a whole country covers its regions", []Offer{mkOffer("O-1", ir, onSiteIn("CZ"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), modes(OnSite))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"}, "On site in South Moravian Region, which the offer covers."},
		{"another country does not", []Offer{mkOffer("O-1", ir, onSiteIn("SK"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), modes(OnSite))},
			Options{}, []string{"N-1 incident-response×"}, ""},
		{"remote help ignores the region", []Offer{mkOffer("O-1", ir, remoteOnly)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), in("CZ-80"))},
			Options{}, []string{"N-1 incident-response→O-1 remote"}, "Remote help, which the provider accepts."},
		{"remote help only where the need accepts it", []Offer{mkOffer("O-1", ir, remoteOnly)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), modes(OnSite))},
			Options{}, []string{"N-1 incident-response×"}, "1 offers no help in the way the provider accepts (on site)."},
		{"the preferred mode wins", []Offer{mkOffer("O-1", ir, remoteOnly), mkOffer("O-2", ir, onSiteIn("CZ-64"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-2 on-site"},
			"Chosen before offer O-1 (2 fitting offers in all): it delivers the help the way the provider prefers (on site)."},
		{"the preferred mode of one offer", []Offer{mkOffer("O-1", ir)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), modes(Remote, OnSite))},
			Options{}, []string{"N-1 incident-response→O-1 remote"}, ""},

		// Language.
		{"a shared language is required", []Offer{mkOffer("O-1", ir, speaks("cs", "en"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), staff("vi"))},
			Options{}, []string{"N-1 incident-response×"}, "1 shares no language with the provider (vi)."},
		{"any shared language will do", []Offer{mkOffer("O-1", ir, speaks("cs", "vi"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), staff("en", "vi"))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"}, "Shared language: vi."},
		{"no languages named: any", []Offer{mkOffer("O-1", ir, speaks("de"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"}, "The provider named no language."},

		// Terms.
		{"pro bono only", []Offer{mkOffer("O-1", ir, paid)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), proBonoOnly)},
			Options{}, []string{"N-1 incident-response×"}, "1 is paid, and the provider accepts only pro bono help."},
		{"pro bono before paid", []Offer{mkOffer("O-1", ir, paid), mkOffer("O-2", ir)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-2 on-site"},
			"Chosen before offer O-1 (2 fitting offers in all): it is pro bono and offer O-1 is paid."},
		{"paid when nothing else fits", []Offer{mkOffer("O-1", ir, paid)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"}, "Paid help, which the provider accepts."},

		// Ties between offers.
		{"equal offers: the lower ID", []Offer{mkOffer("O-2", ir), mkOffer("O-10", ir), mkOffer("O-1", ir)},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"},
			"Chosen before offer O-10 (3 fitting offers in all): the two are equal on every criterion, and the lower offer ID comes first."},
		{"the same offerer again", []Offer{mkOffer("O-1", []Service{Forensics}), mkOffer("O-2", ir, offerer("Tým")), mkOffer("O-3", []Service{Forensics}, offerer("Tým"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1), also(Forensics, 1))},
			Options{}, []string{"N-1 incident-response→O-2 on-site", "N-1 forensics→O-3 on-site"},
			"Chosen before offer O-1 (2 fitting offers in all): Tým already helps this provider."},

		// Validity.
		{"offers that do not stand are left out", []Offer{mkOffer("O-1", ir, valid("2026-02-01", "2026-03-10")), mkOffer("O-2", ir, valid("2026-04-01", ""))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response×"}, "2 do not stand on 20 March 2026."},
		{"the first and the last day count", []Offer{mkOffer("O-1", ir, valid("2026-03-20", "2026-03-20"))},
			[]Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))},
			Options{}, []string{"N-1 incident-response→O-1 on-site"}, ""},
		{"nobody offers it", []Offer{mkOffer("O-1", ir)},
			[]Need{mkNeed("N-1", UnderAttack, req(LegalAdvice, 1))},
			Options{}, []string{"N-1 legal-advice×"}, "No offer provides legal and regulatory advice."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.AsOf = asOf
			r, err := Match(tt.offers, tt.needs, opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, summary(r))
			if tt.reason != "" {
				assert.Contains(t, allReasons(r), tt.reason)
			}
			checkInvariants(t, tt.offers, tt.needs, r)
		})
	}
}

// allReasons returns every reason of r in English, one per line.
func allReasons(r *Result) string {
	l := i18n.NewLocalizer(i18n.EN)
	var b strings.Builder
	for _, a := range r.Assignments() {
		for _, m := range a.Reasons {
			b.WriteString(l.Format(m) + "\n")
		}
	}
	for _, u := range r.Unmatched() {
		for _, m := range u.Reasons {
			b.WriteString(l.Format(m) + "\n")
		}
	}
	return b.String()
}

// checkInvariants checks what must hold of every result: each request is
// assigned or unmatched exactly once, assignments fit, no capacity is
// exceeded, and unused offers have no assignment.
func checkInvariants(t *testing.T, offers []Offer, needs []Need, r *Result) {
	t.Helper()
	byID := map[string]*Offer{}
	for i := range offers {
		byID[offers[i].ID] = &offers[i]
	}
	needByID := map[string]*Need{}
	requests := 0
	for i := range needs {
		needByID[needs[i].ID] = &needs[i]
		requests += len(needs[i].Requests)
	}
	as, us := r.Assignments(), r.Unmatched()
	assert.Equal(t, requests, len(as)+len(us), "every request is assigned or unmatched once")
	seen := map[string]bool{}
	used := map[string]int{}
	engaged := map[string]map[string]bool{}
	for _, a := range as {
		key := a.Need + "/" + a.Service.String()
		assert.False(t, seen[key], "request %s assigned twice", key)
		seen[key] = true
		o, n := byID[a.Offer], needByID[a.Need]
		require.NotNil(t, o)
		assert.True(t, o.Offers(a.Service))
		assert.True(t, o.Valid.Contains(r.AsOf()))
		assert.True(t, o.Delivers(a.Mode, n.Provider.Region))
		assert.Contains(t, n.Modes, a.Mode)
		if len(n.Languages) > 0 {
			assert.NotEmpty(t, sharedLanguages(o, n))
		}
		if n.ProBonoOnly {
			assert.Equal(t, ProBono, o.Terms)
		}
		used[a.Offer] += a.PersonDays
		if engaged[a.Offer] == nil {
			engaged[a.Offer] = map[string]bool{}
		}
		engaged[a.Offer][a.Need] = true
		assert.Len(t, a.Reasons, 7)
	}
	for _, u := range us {
		key := u.Need + "/" + u.Service.String()
		assert.False(t, seen[key], "request %s both assigned and unmatched", key)
		seen[key] = true
		assert.GreaterOrEqual(t, len(u.Reasons), 2)
	}
	for id, o := range byID {
		if o.Capacity.PersonDays > 0 {
			assert.LessOrEqual(t, used[id], o.Capacity.PersonDays, "offer %s over its person-days", id)
		}
		if o.Capacity.Engagements > 0 {
			assert.LessOrEqual(t, len(engaged[id]), o.Capacity.Engagements, "offer %s over its engagements", id)
		}
	}
	for _, u := range r.Unused() {
		assert.Zero(t, used[u.Offer]+len(engaged[u.Offer]), "unused offer %s has assignments", u.Offer)
		assert.NotEmpty(t, u.Reasons)
	}
}

// TestMatchSample runs the sample data and pins the result in English and
// as JSON; the golden files show every reason.
func TestMatchSample(t *testing.T) {
	offers, needs := sampleOffers(t), sampleNeeds(t)
	r, err := Match(offers, needs, Options{AsOf: sampleAsOf})
	require.NoError(t, err)
	checkInvariants(t, offers, needs, r)
	assert.False(t, r.Clean())
	var b strings.Builder
	l := i18n.NewLocalizer(i18n.EN)
	for _, a := range r.Assignments() {
		b.WriteString(a.Need + " " + a.Service.String() + " → " + a.Offer + " (" + a.Mode.String() + ")\n")
		for _, m := range a.Reasons {
			b.WriteString("  " + l.Format(m) + "\n")
		}
	}
	for _, u := range r.Unmatched() {
		b.WriteString(u.Need + " " + u.Service.String() + " unmatched\n")
		for _, m := range u.Reasons {
			b.WriteString("  " + l.Format(m) + "\n")
		}
	}
	for _, u := range r.Unused() {
		b.WriteString(u.Offer + " unused\n")
		for _, m := range u.Reasons {
			b.WriteString("  " + l.Format(m) + "\n")
		}
	}
	golden(t, "match.en.txt", b.String())
	js, err := r.MarshalJSON()
	require.NoError(t, err)
	golden(t, "match.json", string(js)+"\n")
}

// TestMatchDeterministic: the order of the input slices does not matter.
func TestMatchDeterministic(t *testing.T) {
	offers, needs := sampleOffers(t), sampleNeeds(t)
	want, err := Match(offers, needs, Options{AsOf: sampleAsOf})
	require.NoError(t, err)
	wantJSON, _ := want.MarshalJSON()
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		rng.Shuffle(len(offers), func(i, j int) { offers[i], offers[j] = offers[j], offers[i] })
		rng.Shuffle(len(needs), func(i, j int) { needs[i], needs[j] = needs[j], needs[i] })
		got, err := Match(offers, needs, Options{AsOf: sampleAsOf})
		require.NoError(t, err)
		gotJSON, _ := got.MarshalJSON()
		require.Equal(t, string(wantJSON), string(gotJSON))
	}
}

// TestMatchImmutable: changing what the result returns, or the inputs
// afterwards, does not change the result.
func TestMatchImmutable(t *testing.T) {
	offers, needs := sampleOffers(t), sampleNeeds(t)
	r, err := Match(offers, needs, Options{AsOf: sampleAsOf})
	require.NoError(t, err)
	before, _ := r.MarshalJSON()
	as := r.Assignments()
	as[0].Offer = "X"
	as[0].Reasons[0].Args[0] = "X"
	r.Unmatched()[0].Reasons[0] = medsec.Message{}
	r.Order()[0] = ByReported
	offers[0].Offerer.Name = "changed"
	needs[0].Provider.Name = "changed"
	after, _ := r.MarshalJSON()
	assert.Equal(t, string(before), string(after))
}

// TestMatchErrors: bad options and data are FieldErrors with paths.
func TestMatchErrors(t *testing.T) {
	ir := []Service{IncidentResponse}
	good := []Need{mkNeed("N-1", UnderAttack, req(IncidentResponse, 1))}
	tests := []struct {
		name   string
		offers []Offer
		needs  []Need
		opts   Options
		path   string
		rule   string
	}{
		{"zero as-of", nil, good, Options{}, "AsOf", "required"},
		{"impossible as-of", nil, good, Options{AsOf: medsec.NewDate(2026, 2, 30)}, "AsOf", "date"},
		{"unknown criterion", nil, good, Options{AsOf: asOf, Order: []Criterion{9}}, "Order/0", "required"},
		{"criterion twice", nil, good, Options{AsOf: asOf, Order: []Criterion{ByClass, ByClass}}, "Order/1", "unique"},
		{"a situation missing", nil, good, Options{AsOf: asOf, Situations: []Situation{UnderAttack, Recovering}}, "Situations", "min-items"},
		{"a situation twice", nil, good, Options{AsOf: asOf, Situations: []Situation{UnderAttack, Recovering, UnderAttack}}, "Situations/2", "unique"},
		{"offer ID twice", []Offer{mkOffer("O-1", ir), mkOffer("O-1", ir)}, good, Options{AsOf: asOf}, "/offers/1/id", "unique"},
		{"invalid offer", []Offer{mkOffer("O-1", nil)}, good, Options{AsOf: asOf}, "/offers/0/services", "min-items"},
		{"invalid need", nil, []Need{mkNeed("N-1", 0, req(IncidentResponse, 1))}, Options{AsOf: asOf}, "/needs/0/situation", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Match(tt.offers, tt.needs, tt.opts)
			require.ErrorIs(t, err, medsec.ErrInvalidInput)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes))
			assert.Equal(t, tt.path, fes[0].Path)
			assert.Equal(t, tt.rule, fes[0].Rule)
		})
	}
}

// TestMatchEmpty: no needs is a clean, empty result; every offer unused.
func TestMatchEmpty(t *testing.T) {
	r, err := Match([]Offer{mkOffer("O-1", []Service{Recovery})}, nil, Options{AsOf: asOf})
	require.NoError(t, err)
	assert.True(t, r.Clean())
	assert.Empty(t, r.Assignments())
	u := r.Unused()
	require.Len(t, u, 1)
	assert.Equal(t, "No need asks for its services.", u[0].Reasons[0].String())
	js, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(js), `"assignments":[]`)
}

// TestProviderClass pins the class rule and its basis.
func TestProviderClass(t *testing.T) {
	tests := []struct {
		nis2 grading.EntityClass
		cz   grading.CZRegime
		want Class
		why  string
	}{
		{0, 0, ClassOther, "class under NIS2 and Czech law not stated"},
		{grading.Essential, 0, ClassHigh, "essential entity under NIS2"},
		{grading.Important, 0, ClassMid, "important entity under NIS2"},
		{grading.OutOfScope, 0, ClassOther, "out of scope under NIS2"},
		{0, grading.CZHigher, ClassHigh, "higher obligations regime under Act 264/2025 Sb."},
		{0, grading.CZLower, ClassMid, "lower obligations regime under Act 264/2025 Sb."},
		{0, grading.CZNotRegulated, ClassOther, "not a regulated-service provider under Act 264/2025 Sb."},
		{grading.Important, grading.CZHigher, ClassHigh, "higher obligations regime under Act 264/2025 Sb."},
		{grading.Essential, grading.CZLower, ClassHigh, "essential entity under NIS2"},
		{grading.Important, grading.CZLower, ClassMid, "important entity under NIS2"},
	}
	for _, tt := range tests {
		p := Provider{NIS2: tt.nis2, CZ: tt.cz}
		c, why := p.Class()
		assert.Equal(t, tt.want, c, "%v %v", tt.nis2, tt.cz)
		assert.Equal(t, tt.why, why.String())
		for _, cite := range p.classBasis() {
			assert.NoError(t, medsec.DefaultRegistry().Resolve(cite))
		}
	}
}

// TestServiceBasis: every service's provisions resolve in the registry.
func TestServiceBasis(t *testing.T) {
	for _, s := range Services() {
		basis := s.Basis()
		require.NotEmpty(t, basis, s.String())
		for _, c := range basis {
			require.NoError(t, medsec.DefaultRegistry().Resolve(c), "%s: %s", s, c)
		}
		assert.NotEqual(t, "service not stated", s.Message().String())
	}
	assert.Nil(t, Service(0).Basis())
	assert.Len(t, Services(), 12)
	b := IncidentResponse.Basis()
	b[0] = medsec.Citation{}
	assert.False(t, IncidentResponse.Basis()[0].IsZero(), "Basis returns a copy")
}

// TestEnumsText: every enumeration marshals and parses its names, and its
// zero value does neither.
func TestEnumsText(t *testing.T) {
	type textEnum interface {
		MarshalText() ([]byte, error)
		String() string
	}
	for _, e := range []struct {
		zero  textEnum
		valid []textEnum
		parse func([]byte) error
	}{
		{Situation(0), []textEnum{UnderAttack, Recovering, Preparing}, func(b []byte) error { var v Situation; return v.UnmarshalText(b) }},
		{Service(0), []textEnum{IncidentResponse, LegalAdvice}, func(b []byte) error { var v Service; return v.UnmarshalText(b) }},
		{ProviderType(0), []textEnum{UniversityHospital, OtherProvider}, func(b []byte) error { var v ProviderType; return v.UnmarshalText(b) }},
		{OffererKind(0), []textEnum{Organisation, Individual}, func(b []byte) error { var v OffererKind; return v.UnmarshalText(b) }},
		{Terms(0), []textEnum{ProBono, Paid}, func(b []byte) error { var v Terms; return v.UnmarshalText(b) }},
		{Mode(0), []textEnum{OnSite, Remote}, func(b []byte) error { var v Mode; return v.UnmarshalText(b) }},
		{Criterion(0), []textEnum{BySituation, ByClass, ByReported}, func(b []byte) error { var v Criterion; return v.UnmarshalText(b) }},
		{Class(0), []textEnum{ClassHigh, ClassMid, ClassOther}, func(b []byte) error { var v Class; return v.UnmarshalText(b) }},
		{NoticeKind(0), []textEnum{CatalogueNotice, AnnouncementNotice}, func(b []byte) error { var v NoticeKind; return v.UnmarshalText(b) }},
	} {
		_, err := e.zero.MarshalText()
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, "%T", e.zero)
		assert.Equal(t, "unknown", e.zero.String())
		assert.ErrorIs(t, e.parse([]byte("unknown")), medsec.ErrInvalidInput)
		for _, v := range e.valid {
			b, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, v.String(), string(b))
			assert.NoError(t, e.parse(b))
		}
	}
	for _, m := range []medsec.Message{Situation(0).Message(), ProviderType(0).Message(), OffererKind(0).Message(),
		Terms(0).Message(), Mode(0).Message(), Class(0).Message(), Service(0).Message()} {
		assert.True(t, strings.HasSuffix(m.Key, ".unknown"), m.Key)
	}
	assert.Equal(t, "Service(200)", Service(200).String())
}

// TestMessageTemplates: the list is sorted, complete and unique.
func TestMessageTemplates(t *testing.T) {
	ts := MessageTemplates()
	assert.True(t, slices.IsSortedFunc(ts, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) }))
	for i, m := range ts {
		assert.True(t, strings.HasPrefix(m.Key, "assist."), m.Key)
		if i > 0 {
			assert.NotEqual(t, ts[i-1].Key, m.Key)
		}
	}
	assert.Len(t, ts, 169)
}

// TestRegion pins the region rules.
func TestRegion(t *testing.T) {
	assert.True(t, Region("CZ").Covers("CZ-64"))
	assert.True(t, Region("CZ-64").Covers("CZ-64"))
	assert.False(t, Region("CZ-64").Covers("CZ-72"))
	assert.False(t, Region("SK").Covers("CZ-64"))
	assert.Equal(t, "CZ", Region("CZ-64").Country())
	assert.Len(t, CzechRegions(), 14)
	for _, r := range CzechRegions() {
		rule, _ := r.check(true)
		assert.Empty(t, rule, r)
	}
	for r, want := range map[Region]string{"CZ-JM": "region", "CZ-201": "region", "CZ": "region", "XX-1": "region", "SK-BC": "", "CZ-64": ""} {
		rule, _ := r.check(true)
		assert.Equal(t, want, rule, r)
	}
	assert.Equal(t, "the whole Czech Republic", Region("CZ").Message().String())
	assert.Equal(t, "all of SK", Region("SK").Message().String())
	assert.Equal(t, "SK-BC", Region("SK-BC").Message().String())
}

// TestLanguageName: names come from CLDR in the reader's language.
func TestLanguageName(t *testing.T) {
	assert.Equal(t, "čeština", Language("cs").Name(i18n.CS))
	assert.Equal(t, "Czech", Language("cs").Name(i18n.EN))
	assert.Equal(t, "tiếng Séc", Language("cs").Name(i18n.VI))
	assert.Equal(t, "捷克语", Language("cs").Name(i18n.ZhHans))
	assert.Equal(t, "捷克文", Language("cs").Name(i18n.ZhHant))
	assert.Equal(t, "qq", Language("qq").Name(i18n.EN))
}

// TestICO pins the check digit of the Czech company ID.
func TestICO(t *testing.T) {
	for s, want := range map[string]bool{
		"00024341": true, // the Ministry of Health
		"27451135": true, "27451136": false, "2745113": false, "2745113a": false, "": false,
	} {
		assert.Equal(t, want, validICO(s), s)
	}
}
