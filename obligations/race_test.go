//go:build race

package obligations

// raceEnabled: the tests run under the race detector, which slows the
// exhaustive output-structure tests tenfold; they then sample.
const raceEnabled = true
