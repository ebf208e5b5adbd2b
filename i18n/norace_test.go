//go:build !race

package i18n_test

const raceEnabled = false
