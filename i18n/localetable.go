package i18n

import (
	"fmt"
)

// A localeTable is an embedded locale file compiled into Go data: the
// conventions as the file states them, and its messages, checked and
// split into tokens, sorted by key.
//
// The tables (one per locale, in locale_table_<locale>.go, listed by
// localeTables in locale_tables.go) are generated from
// data/locales/*.json by TestLocaleTables, which fails when they no longer
// match the files; TestLocaleTablesMatchFiles checks that each table
// gives the very locale that decoding its file gives. The files remain
// the source that translators edit; a program neither reads nor checks
// them at run time, and the first use of a locale builds one map over
// data the compiler laid out. Locales that users add (Catalog.AddLocale,
// Catalog.Extend, Catalog.WithPacks) are decoded and checked as they are
// read.
type localeTable struct {
	conv     conventionsJSON // without its Citation map, which cite holds
	cite     []citeStyleEntry
	messages []messageEntry
}

// A citeStyleEntry is one citation style of a locale, by key ("*", "CZ",
// "CN/standard").
type citeStyleEntry struct {
	key   string
	style citeStyleJSON
}

// A messageEntry is one translated message of a locale.
type messageEntry struct {
	key   string
	entry entry
}

// locale returns the locale of t. Its messages point into t.
func (t *localeTable) locale() *locale {
	j := t.conv
	if len(t.cite) > 0 {
		j.Citation = make(map[string]citeStyleJSON, len(t.cite))
		for _, c := range t.cite {
			j.Citation[c.key] = c.style
		}
	}
	conv, err := checkConventions(&j, "")
	if err != nil {
		// TestLocaleTablesMatchFiles makes this impossible.
		panic(fmt.Errorf("i18n: the table of locale %s: %w", t.conv.Tag, err))
	}
	msgs := make(map[string]*entry, len(t.messages))
	for i := range t.messages {
		m := &t.messages[i]
		msgs[m.key] = &m.entry
	}
	return &locale{conv: conv, msgs: msgs}
}
