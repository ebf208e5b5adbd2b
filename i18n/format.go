package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A token is one step of a format: literal text, followed by the verb that
// renders one argument (arg >= 0) or by nothing (arg < 0).
type token struct {
	lit  string
	arg  int  // 0-based argument index; -1 when the token is only text
	verb byte // 's', 'd', 'v' or 'q'
}

// maxVerbs bounds the verbs of one format, so that a hostile translation
// cannot make one message cost memory out of proportion; medsec's own
// messages have at most six.
const maxVerbs = 64

var errLonePercent = errors.New("ends with a lone %")

// nextToken reads the token of format f at byte i. next is the argument a
// verb without an index renders. It returns the token and where the next
// one starts. Formats use only the verbs medsec messages may use: %s, %d,
// %v, %q, explicit indexes from %[1]s to %[32]s, and %% for a percent sign.
func nextToken(f string, i, next int) (token, int, error) {
	j := strings.IndexByte(f[i:], '%')
	if j < 0 {
		return token{lit: f[i:], arg: -1}, len(f), nil
	}
	t := token{lit: f[i : i+j], arg: next}
	i += j + 1
	if i >= len(f) {
		return t, i, errLonePercent
	}
	if f[i] == '%' {
		t.lit, t.arg = f[i-j-1:i], -1 // the text and one "%"
		return t, i + 1, nil
	}
	if f[i] == '[' {
		k := strings.IndexByte(f[i:], ']')
		if k < 0 {
			return t, i, errors.New("has an unclosed argument index")
		}
		n, err := strconv.Atoi(f[i+1 : i+k])
		if err != nil || n < 1 || n > 32 {
			return t, i, fmt.Errorf("has a bad argument index %q", f[i:i+k+1])
		}
		t.arg = n - 1
		i += k + 1
		if i >= len(f) {
			return t, i, errors.New("ends after an argument index")
		}
	}
	switch v := f[i]; v {
	case 's', 'd', 'v', 'q':
		t.verb = v
		return t, i + 1, nil
	default:
		return t, i, fmt.Errorf("uses %%%c; only %%s, %%d, %%v, %%q and %%%% are allowed", v)
	}
}

// A format is a format string that follows the rules of nextToken, split
// into its tokens when it was loaded so that rendering need not parse it.
// A format without a verb, as most are, has no tokens: it is src.
type format struct {
	src  string
	toks []token
}

// parseFormat checks f and splits it into tokens.
func parseFormat(f string) (format, error) {
	cf := format{src: f}
	if strings.IndexByte(f, '%') < 0 {
		return cf, nil
	}
	if err := checkFormat(f); err != nil {
		return cf, err
	}
	cf.toks = make([]token, 0, 2*strings.Count(f, "%")+1)
	for i, next := 0, 0; i < len(f); {
		t, end, _ := nextToken(f, i, next)
		if t.arg >= 0 {
			next = t.arg + 1
		}
		cf.toks = append(cf.toks, t)
		i = end
	}
	return cf, nil
}

// checkFormat reports whether f follows the rules of [nextToken] and has
// at most maxVerbs verbs.
func checkFormat(f string) error {
	verbs := 0
	for i, next := 0, 0; i < len(f); {
		t, end, err := nextToken(f, i, next)
		if err != nil {
			return fmt.Errorf("format %q %w", clipFormat(f), err)
		}
		if t.arg >= 0 {
			if verbs++; verbs > maxVerbs {
				return fmt.Errorf("format %q has more than %d verbs", clipFormat(f), maxVerbs)
			}
			next = t.arg + 1
		}
		i = end
	}
	return nil
}

// clipFormat shortens a format quoted in an error.
func clipFormat(f string) string {
	if len(f) <= 80 {
		return f
	}
	i := 80
	for i > 0 && f[i]&0xC0 == 0x80 {
		i--
	}
	return f[:i] + "…"
}

// placeholders returns the set of argument verbs of a valid format f, as
// sorted "index:verb" strings such as "1:d" (1-based).
func placeholders(f string) []string {
	var out []string
	for i, next := 0, 0; i < len(f); {
		t, end, err := nextToken(f, i, next)
		if err != nil {
			break
		}
		if t.arg >= 0 {
			out = append(out, strconv.Itoa(t.arg+1)+":"+string(t.verb))
			next = t.arg + 1
		}
		i = end
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hasVerb reports whether f renders an argument.
func hasVerb(f string) bool { return len(placeholders(f)) > 0 }
