package medsec_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The footprint of a program that imports only package grading, such as
// a hospital's grading service (testdata/footprint): it links fewer than
// maxPackages packages, none of validator/v10, encoding/json and regexp,
// and its binary, built with the defaults of go build, is smaller than
// maxBinarySize.
//
// The law the root package embeds is what grading and the registry read
// (pack.json, instruments, dates, incident rules, grading tables); the
// duties, roles, clause rules and mappings are embedded by package law,
// which only obligations and contracts import. Measured when the split was
// made: 4,014,147 bytes with Go 1.26 and 3,870,779 with the go 1.24 floor
// (2.8 MB stripped with -ldflags=-s -w), 77 packages; before it, with the
// whole law embedded, 4,365,700 bytes.
//
// The size depends on the Go release (its runtime and linker), so it is
// checked only with the releases it was measured with, those of .ci/run.
// With another release the test logs the size and checks the packages
// only; a new release in CI means measuring again and adding it to
// sizeReleases. To measure by hand:
//
//	go list -deps ./testdata/footprint | wc -l
//	go build -o /tmp/footprint ./testdata/footprint && stat -c %s /tmp/footprint
const (
	maxPackages   = 80
	maxBinarySize = 4 << 20
)

var sizeReleases = []string{"go1.24.", "go1.26."}

func TestGradingOnlyFootprint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	const probe = "./testdata/footprint"
	out, err := exec.Command(goTool, "list", "-deps", probe).Output()
	require.NoError(t, err, "go list -deps %s", probe)
	deps := strings.Fields(string(out))
	assert.Less(t, len(deps), maxPackages, "packages linked by a grading-only program:\n%s", strings.Join(deps, "\n"))
	for _, p := range []string{"github.com/go-playground/validator/v10", "encoding/json", "regexp"} {
		assert.NotContains(t, deps, p, "a grading-only program links %s", p)
	}
	assert.True(t, slices.Contains(deps, "github.com/medsec-go/medsec/grading"), "the probe imports grading")

	bin := filepath.Join(t.TempDir(), "footprint")
	build, err := exec.Command(goTool, "build", "-o", bin, probe).CombinedOutput()
	require.NoError(t, err, "%s", build)
	st, err := os.Stat(bin)
	require.NoError(t, err)
	t.Logf("%s: %d packages, %d bytes", runtime.Version(), len(deps), st.Size())
	if !slices.ContainsFunc(sizeReleases, func(r string) bool { return strings.HasPrefix(runtime.Version(), r) }) {
		t.Logf("the size bound is set for %v only; measure with this release and add it", sizeReleases)
		return
	}
	assert.Less(t, st.Size(), int64(maxBinarySize), "a grading-only binary")
}
