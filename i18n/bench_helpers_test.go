package i18n

import (
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func plural_Selectf(arg int) catalog.Message {
	return plural.Selectf(arg, "%d",
		"one", "%s: hlášení do %d hodiny",
		"few", "%s: hlášení do %d hodin",
		"other", "%s: hlášení do %d hodin")
}
