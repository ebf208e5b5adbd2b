//go:build !race

package medsec_test

// raceEnabled: the tests run under the race detector, which makes timings
// meaningless.
const raceEnabled = false
