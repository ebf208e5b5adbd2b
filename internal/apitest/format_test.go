package apitest

import (
	"fmt"
	"testing"
)

type msg struct {
	Format string
	Args   []any
}

func (m msg) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// lit is a named string type, as i18n.Lit is.
type lit string

func TestMisformatted(t *testing.T) {
	for _, tt := range []struct {
		name string
		m    msg
		want bool
	}{
		{"fits", msg{"unknown field %q", []any{"a"}}, false},
		{"input holds %!", msg{"unknown field %q", []any{"%!"}}, false},
		{"input ends in % before !", msg{"%s!", []any{"50%"}}, false},
		{"input of a named string type holds %!", msg{"left: %v.", []any{lit("%!")}}, false},
		{"nested input holds %!", msg{"see %v", []any{msg{"field %s", []any{"%!d(MISSING)"}}}}, false},
		{"missing argument", msg{"%s and %s", []any{"a"}}, true},
		{"extra argument", msg{"%s", []any{"a", "b"}}, true},
		{"wrong verb", msg{"%d hours", []any{"x"}}, true},
		{"nested missing argument", msg{"see %v", []any{msg{"field %s", nil}}}, true},
		{"missing argument beside input that holds %!", msg{"%s %s", []any{"%!"}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Misformatted(tt.m, msg.String); got != tt.want {
				t.Errorf("Misformatted(%+v) = %v, want %v", tt.m, got, tt.want)
			}
		})
	}
	// The caller's message is left as it was.
	m := msg{"%s", []any{"50%"}}
	Misformatted(m, msg.String)
	if m.Args[0] != "50%" {
		t.Errorf("Misformatted changed its argument: %v", m.Args)
	}
}
