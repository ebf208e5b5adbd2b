//go:build !race

package obligations

const raceEnabled = false
