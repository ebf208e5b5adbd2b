package medsec_test

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
	"github.com/stretchr/testify/require"
)

// The first use of medsec's embedded data is measured in a fresh process:
// the test binary starts itself with firstUseEnv set, and
// TestFirstUseChild then times, from its first call into medsec, each
// default engine as a program first uses it (firstUseSteps). Process
// start and exit are not counted; package initialisation is, since the
// data is read lazily. With firstUseEnv set to "idle" the child does
// nothing: the CPU time of such a child is subtracted from that of a
// measuring one to give the CPU time of the first use itself, a figure
// that, unlike the wall-clock time, does not grow when other processes
// share the machine.
const firstUseEnv = "MEDSEC_FIRST_USE_CHILD"

// firstUseSteps are the parts of a first use, in order: the registry of
// the embedded law, a first grading (which builds the default grader), the
// duty catalog, the contract checker, the notice templates, and the
// translation catalog with a first message in Vietnamese (which reads the
// Vietnamese locale file and no other).
var firstUseSteps = []struct {
	name string
	run  func() error
}{
	{"registry", func() error { medsec.DefaultRegistry(); return nil }},
	{"grader", func() error {
		_, err := grading.MLPS(grading.MLPSInput{System: "HIS",
			Information: grading.HarmProfile{Citizens: grading.SeriousHarm, Society: grading.NoHarm, Nation: grading.NoHarm},
			Service:     grading.HarmProfile{Citizens: grading.GeneralHarm, Society: grading.NoHarm, Nation: grading.NoHarm},
		}, grading.Options{AsOf: medsec.NewDate(2026, 11, 22)})
		return err
	}},
	{"obligations", func() error { obligations.DefaultCatalog(); return nil }},
	{"contracts", func() error { contracts.DefaultChecker(); return nil }},
	{"templates", func() error { i18n.DefaultTemplates(); return nil }},
	{"i18n-vi", func() error {
		if got := i18n.NewLocalizer(i18n.VI).Format(medsec.Verified.Message()); got == "verified" {
			return fmt.Errorf("the Vietnamese catalog did not translate: %q", got)
		}
		return nil
	}},
}

// TestFirstUseChild is the measured process; run alone, it does nothing.
// It prints one line: each step's nanoseconds, then the total.
func TestFirstUseChild(t *testing.T) {
	switch os.Getenv(firstUseEnv) {
	case "1":
	case "idle":
		fmt.Println("first-use", strings.Repeat("0 ", len(firstUseSteps)+1))
		return
	default:
		t.Skip("runs as the child of BenchmarkFirstUseAll and TestFirstUseBudget")
	}
	ns := make([]string, 0, len(firstUseSteps)+1)
	start := time.Now()
	last := start
	for _, s := range firstUseSteps {
		if err := s.run(); err != nil {
			t.Fatal(s.name, err)
		}
		now := time.Now()
		ns = append(ns, strconv.FormatInt(now.Sub(last).Nanoseconds(), 10))
		last = now
	}
	ns = append(ns, strconv.FormatInt(last.Sub(start).Nanoseconds(), 10))
	fmt.Println("first-use", strings.Join(ns, " "))
}

// firstUse runs one child (mode "1" measures, "idle" does nothing) and
// returns its step times, its total and, last, the CPU time of the whole
// child process.
func firstUse(tb testing.TB, mode string) []time.Duration {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFirstUseChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), firstUseEnv+"="+mode)
	out, err := cmd.CombinedOutput()
	require.NoError(tb, err, "%s", out)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) != len(firstUseSteps)+2 || f[0] != "first-use" {
			continue
		}
		ds := make([]time.Duration, len(f)-1, len(f))
		for i, s := range f[1:] {
			n, err := strconv.ParseInt(s, 10, 64)
			require.NoError(tb, err, line)
			ds[i] = time.Duration(n)
		}
		return append(ds, cpu)
	}
	tb.Fatalf("the child printed no timing:\n%s", out)
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkFirstUseAll: the first use of every default engine in a fresh
// process (see firstUseSteps), one measuring and one idle process per
// iteration. It reports the median wall-clock total as ms/first-use, the
// median of each step, and ms-cpu/first-use: the median CPU time of a
// measuring process less that of an idle one, which a loaded machine
// does not inflate. ns/op is the time of two whole child processes, start
// and exit included, and is not the figure to read. Run it alone, with
// few iterations:
//
//	go test -run '^$' -bench BenchmarkFirstUseAll -benchtime 20x .
func BenchmarkFirstUseAll(b *testing.B) {
	var runs [][]time.Duration
	var idle []time.Duration
	for b.Loop() {
		runs = append(runs, firstUse(b, "1"))
		idle = append(idle, firstUse(b, "idle")[len(firstUseSteps)+1])
	}
	col := func(i int) []time.Duration {
		c := make([]time.Duration, len(runs))
		for j, r := range runs {
			c[j] = r[i]
		}
		return c
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(median(col(len(firstUseSteps)))), "ms/first-use")
	b.ReportMetric(ms(median(col(len(firstUseSteps)+1))-median(idle)), "ms-cpu/first-use")
	for i, s := range firstUseSteps {
		b.ReportMetric(ms(median(col(i))), "ms/"+s.name)
	}
}

// TestFirstUseBudget keeps the first use of all embedded data cheap: the
// fastest of five fresh processes must take less than firstUseBudget.
// Issue 13's goal is 5 ms on an idle machine; the budget is four times
// that, so that a loaded CI machine passes and a regression of that order
// does not. It runs only when MEDSEC_TIMING is set, as .ci/run does in a
// step of its own: beside the other packages' tests, which go test runs
// in parallel, a small machine measures them rather than medsec. It does
// not run under the race detector, which slows everything severalfold.
const firstUseBudget = 20 * time.Millisecond

func TestFirstUseBudget(t *testing.T) {
	if os.Getenv("MEDSEC_TIMING") == "" || raceEnabled {
		t.Skip("timing: run alone with MEDSEC_TIMING=1 go test -run TestFirstUseBudget .")
	}
	var totals []time.Duration
	for range 5 {
		totals = append(totals, firstUse(t, "1")[len(firstUseSteps)])
	}
	fastest := slices.Min(totals)
	t.Logf("first use of all embedded data: fastest %v, median %v of 5", fastest, median(totals))
	if fastest > firstUseBudget {
		t.Errorf("first use took %v at best, over the budget of %v", fastest, firstUseBudget)
	}
}
