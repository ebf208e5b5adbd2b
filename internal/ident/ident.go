// Package ident checks the syntax of the identifiers in medsec's data:
// pack and rule IDs, flags, events and message keys. Each function is a
// loop over the bytes of its argument that accepts exactly what its
// documented regular expression accepts (a test compares them). The
// packages that check identifiers use these functions, not package
// regexp, so that a program importing only the root package, grading or
// obligations does not link it.
package ident

// Slug reports whether s is one or more words of lower-case ASCII letters
// and digits joined by single hyphens, the first word starting with a
// letter: "cn", "health-data", "nis2-early-warning". This is the regular
// expression ^[a-z][a-z0-9]*(-[a-z0-9]+)*$.
func Slug(s string) bool { return words(s, isLower) }

// UpperSlug is [Slug] with upper-case letters: "EU-NIS2-23-4-A". This is
// the regular expression ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$.
func UpperSlug(s string) bool { return words(s, isUpper) }

// words reports whether s is words of letter-or-digit bytes joined by
// single hyphens, starting with a letter.
func words(s string, letter func(byte) bool) bool {
	if s == "" || !letter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case letter(c) || isDigit(c):
		case c == '-' && s[i-1] != '-' && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}

// MessageKey reports whether s is a message key of the law data: a first
// segment of lower-case letters, digits and hyphens that starts with a
// letter, then one or more segments, each a dot followed by a letter or a
// digit and then letters, digits, underscores or hyphens:
// "medsec.confidence.verified", "grading.mlps.G3-floor". This is the
// regular expression ^[a-z][a-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)+$.
func MessageKey(s string) bool {
	return key(s, func(c byte) bool { return isLower(c) || isDigit(c) || c == '-' }, isAlnum)
}

// LowerKey is [MessageKey] without upper-case letters, and with
// underscores allowed in the first segment too: the keys of duties and
// roles ("obligations.cn.mlps_filing"). This is the regular expression
// ^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$.
func LowerKey(s string) bool {
	lowerNum := func(c byte) bool { return isLower(c) || isDigit(c) }
	return key(s, func(c byte) bool { return lowerNum(c) || c == '-' || c == '_' }, lowerNum)
}

// key checks dotted segments: the first starts with a lower-case letter
// and goes on with first bytes; each later one starts with a start byte
// and goes on with start bytes, underscores and hyphens. At least two
// segments are needed.
func key(s string, first, start func(byte) bool) bool {
	if s == "" || !isLower(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && s[i] != '.' {
		if !first(s[i]) {
			return false
		}
		i++
	}
	segments := 1
	for i < len(s) { // s[i] == '.'
		i++
		if i == len(s) || !start(s[i]) {
			return false
		}
		for i++; i < len(s) && s[i] != '.'; i++ {
			if c := s[i]; !start(c) && c != '_' && c != '-' {
				return false
			}
		}
		segments++
	}
	return segments >= 2
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || isDigit(c) }

// Distance is the Levenshtein distance of a and b, in bytes: the fewest
// byte insertions, deletions and substitutions that turn a into b. It
// takes time len(a)·len(b); callers bound the lengths of what users give.
func Distance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
