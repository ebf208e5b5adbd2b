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
// Issue 12 asked for under 4 MB, measured when the embedded law held
// 370 KB. Every program that imports medsec carries the whole embedded law
// (law/*/*.json and the instrument files, 559 KB once the duties of
// issue 14 and the mappings of issue 15 were added), and that growth alone
// takes the binary past 4 MiB: 4,365,700 bytes with Go 1.26 and 4,217,012
// with the go 1.24 floor (3.2 MB stripped with -ldflags=-s -w). The bound
// is therefore 4.5 MiB, which still fails if a heavy dependency such as
// validator/v10 (about 3 MB) comes back; compressing the embedded law
// would meet 4 MB at the cost of inflating it on first use (about 2.5 ms,
// half the first-use budget), a trade not taken.
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
	maxBinarySize = 9 << 19 // 4.5 MiB
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
