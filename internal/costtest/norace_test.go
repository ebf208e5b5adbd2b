//go:build !race

package costtest_test

const raceOn = false
