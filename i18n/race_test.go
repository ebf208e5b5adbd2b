//go:build race

package i18n_test

// raceEnabled: the tests run under the race detector, which slows the
// exhaustive output-structure tests tenfold; they then sample.
const raceEnabled = true
