package grading

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenReasons pins the English explanations of typical hospital
// systems and entities; run with -update after an intended change and
// review the diff.
func TestGoldenReasons(t *testing.T) {
	var b strings.Builder
	write := func(title string, r Result, extra ...any) {
		fmt.Fprintf(&b, "## %s\nscheme=%s asOf=%s confidence=%s", title, r.Scheme, r.AsOf, r.Confidence)
		for _, e := range extra {
			fmt.Fprintf(&b, " %v", e)
		}
		b.WriteString("\n")
		for _, m := range r.Reasons {
			fmt.Fprintf(&b, "- [%s] %s\n", m.Key, m)
		}
		for _, c := range r.Citations {
			fmt.Fprintf(&b, "  cites %s\n", c)
		}
		b.WriteString("\n")
	}
	mlps := []struct {
		title string
		in    MLPSInput
		opts  Options
	}{
		{"CN HIS of a 三甲 hospital", MLPSInput{System: "HIS", Information: HarmProfile{SeriousHarm, SeriousHarm, NoHarm}, Service: HarmProfile{SeriousHarm, GeneralHarm, NoHarm}, TertiaryHospitalCore: true}, Options{AsOf: medsec.NewDate(2026, 1, 1)}},
		{"CN EMR, citizens × particularly serious, default reading (level 2)", MLPSInput{System: "EMR", Information: HarmProfile{ParticularlySeriousHarm, GeneralHarm, NoHarm}, Service: HarmProfile{GeneralHarm, NoHarm, NoHarm}}, Options{AsOf: dayNow}},
		{"CN EMR, citizens × particularly serious, January 2018 draft reading (level 3)", MLPSInput{System: "EMR", Information: HarmProfile{ParticularlySeriousHarm, GeneralHarm, NoHarm}, Service: HarmProfile{GeneralHarm, NoHarm, NoHarm}}, Options{AsOf: dayNow, MLPSCitizensCellDraft2018: true}},
		{"CN PACS under the 2008 edition", MLPSInput{Information: HarmProfile{ParticularlySeriousHarm, NoHarm, NoHarm}, Service: none, HealthPlatform: true, InternetHospital: true}, Options{AsOf: medsec.NewDate(2010, 5, 4)}},
	}
	for _, c := range mlps {
		r, err := MLPS(c.in, c.opts)
		require.NoError(t, err)
		write(c.title, r.Result, "level="+r.Level.String(), "edition="+r.Edition.String())
	}
	vn := []struct {
		title string
		in    VNInput
		day   medsec.Date
	}{
		{"VN internal HIS", VNInput{System: "HIS", Type: VNInternal, Information: InfoPersonal | InfoPrivate}, medsec.NewDate(2025, 1, 10)},
		{"VN national health data centre after Law 116", VNInput{System: "data centre", Type: VNInfrastructure, Information: InfoPersonal, Reach: ReachNationwide, NonStop: No, NationalDataStore: true}, dayNow},
	}
	for _, c := range vn {
		r, err := Vietnam(c.in, Options{AsOf: c.day})
		require.NoError(t, err)
		write(c.title, r.Result, "level="+r.Level.String())
	}
	n, err := NIS2(NIS2Input{Entity: "clinic", Type: HealthcareProvider, Enterprise: ent(30, 4_000_000, 3_000_000), SoleProvider: true}, Options{AsOf: dayNow})
	require.NoError(t, err)
	write("EU sole-provider clinic", n.Result, "class="+n.Class.String(), "size="+n.Size.String())
	c, err := Czech(CZInput{Entity: "hospital", RegulatedService: Yes, Enterprise: ent(900, 80_000_000, 60_000_000)}, Options{AsOf: dayNow})
	require.NoError(t, err)
	write("CZ hospital, significance not stated", c.Result, "regime="+c.Regime.String())

	path := filepath.Join("testdata", "reasons.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestGoldenReasons -update")
	require.Equal(t, string(want), b.String())
}
