package ident

import (
	"regexp"
	"testing"
)

// The regular expressions each function stands for.
var syntaxes = []struct {
	name string
	f    func(string) bool
	re   *regexp.Regexp
}{
	{"Slug", Slug, regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)},
	{"UpperSlug", UpperSlug, regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`)},
	{"MessageKey", MessageKey, regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)+$`)},
	{"LowerKey", LowerKey, regexp.MustCompile(`^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$`)},
}

var samples = []string{
	"", "a", "A", "1", "-", ".", "_", "a-", "-a", "a--b", "a-b", "a-1", "a1-b2-c3", "ab-CD", "AB-CD", "AB--CD", "A-1",
	"health-data", "nis2-early-warning", "EU-NIS2-23-4", "XA-RULE-1", "a.b", "a.", ".a", "a..b", "a.b.", "a.B", "a.1",
	"a._", "a.b_c", "a.b-c", "a_b.c", "a-.b", "a-b.c-d.e_f", "medsec.confidence.verified", "grading.mlps.G3-floor",
	"obligations.cn.mlps_filing", "A.b", "1a.b", "a.b c", "a.b\n", "a\x00.b", "é.b", "a.é", "a.b.c.d.E_9-x",
	"a-b-c", "abc-", "a-b-", "z9", "Z", "a.-", "a.b-", "a.b_", "a-.b_.c",
}

func TestSameAsRegexp(t *testing.T) {
	for _, s := range syntaxes {
		for _, in := range samples {
			if got, want := s.f(in), s.re.MatchString(in); got != want {
				t.Errorf("%s(%q) = %v, the regular expression says %v", s.name, in, got, want)
			}
		}
	}
}

// FuzzSameAsRegexp: on any input each function agrees with its regular
// expression.
func FuzzSameAsRegexp(f *testing.F) {
	for _, in := range samples {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, s := range syntaxes {
			if got, want := s.f(in), s.re.MatchString(in); got != want {
				t.Fatalf("%s(%q) = %v, the regular expression says %v", s.name, in, got, want)
			}
		}
	})
}

func BenchmarkMessageKey(b *testing.B) {
	for b.Loop() {
		if !MessageKey("medsec.confidence.verified") {
			b.Fatal("rejected")
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"CN-MLPS-FILING-30D", "CN-MLPS-FILING-30D", 0},
		{"CN-MLPS-FILING-30", "CN-MLPS-FILING-30D", 1},
		{"flaw", "lawn", 2},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}
