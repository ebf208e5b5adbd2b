package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A segment is one piece of a compiled format: literal text, or a verb that
// renders one argument.
type segment struct {
	lit  string
	arg  int  // argument index; -1 for literal text
	verb byte // 's', 'd', 'v' or 'q'
}

// A compiled format is a format string parsed once into segments, so that
// rendering never re-parses it.
type compiled struct {
	segs []segment
	size int    // bytes of literal text, to pre-size the output
	src  string // the format as written
}

// maxVerbs bounds the verbs of one format, so that a hostile translation
// cannot make one message cost memory out of proportion; medsec's own
// messages have at most six.
const maxVerbs = 64

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

// compileFormat parses a format that uses only the verbs medsec messages
// may use: %s, %d, %v, %q, explicit indexes such as %[2]s, and %%.
func compileFormat(format string) (compiled, error) {
	c := compiled{src: format}
	var lit strings.Builder
	next, verbs := 0, 0
	flush := func() {
		if lit.Len() > 0 {
			c.segs = append(c.segs, segment{lit: lit.String(), arg: -1})
			c.size += lit.Len()
			lit.Reset()
		}
	}
	for i := 0; i < len(format); {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			lit.WriteString(format[i:])
			break
		}
		lit.WriteString(format[i : i+j])
		i += j + 1
		if i >= len(format) {
			return c, fmt.Errorf("format %q ends with a lone %%", format)
		}
		if format[i] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		arg := next
		if format[i] == '[' {
			k := strings.IndexByte(format[i:], ']')
			if k < 0 {
				return c, fmt.Errorf("format %q has an unclosed argument index", format)
			}
			n, err := strconv.Atoi(format[i+1 : i+k])
			if err != nil || n < 1 || n > 32 {
				return c, fmt.Errorf("format %q has a bad argument index %q", format, format[i:i+k+1])
			}
			arg = n - 1
			i += k + 1
			if i >= len(format) {
				return c, fmt.Errorf("format %q ends after an argument index", format)
			}
		}
		switch v := format[i]; v {
		case 's', 'd', 'v', 'q':
			if verbs++; verbs > maxVerbs {
				return c, fmt.Errorf("format %q has more than %d verbs", clipFormat(format), maxVerbs)
			}
			flush()
			c.segs = append(c.segs, segment{arg: arg, verb: v})
			next = arg + 1
			i++
		default:
			return c, fmt.Errorf("format %q uses %%%c; only %%s, %%d, %%v, %%q and %%%% are allowed", format, v)
		}
	}
	flush()
	return c, nil
}

// placeholders returns the set of argument verbs of c, as sorted
// "index:verb" strings such as "1:d" (1-based).
func (c compiled) placeholders() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range c.segs {
		if s.arg < 0 {
			continue
		}
		p := strconv.Itoa(s.arg+1) + ":" + string(s.verb)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
