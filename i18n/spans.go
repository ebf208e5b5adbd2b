package i18n

import (
	"strings"
	"unicode/utf8"
)

// Text in another language than the notice's travels through message
// formatting and the layout as a marked span: markOpen, the language tag,
// markText, the text, markClose. The markers are Unicode noncharacters,
// which the standard reserves for a program's internal use; Validate
// rejects them in notice data, and a Localizer that marks spans replaces
// them in message arguments it cannot validate, so only the renderer's
// own spans carry them. The HTML renderer turns a span into
// <span lang="…">; the other formats drop the markers.
const (
	markOpen  = '\uFDD0'
	markText  = '\uFDD1'
	markClose = '\uFDD2'
)

// spanned is text the notice renderer has made for a message argument,
// which may hold its spans: a Localizer that marks spans writes it as it
// is, where it replaces the markers in any other string.
type spanned string

// isMark reports whether r is one of the span markers.
func isMark(r rune) bool { return r >= markOpen && r <= markClose }

// markIndex returns the byte offset of the first span marker in s, or -1.
func markIndex(s string) int {
	// The markers are encoded as EF B7 90..92.
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], 0xef)
		if j < 0 {
			return -1
		}
		i += j
		if i+2 < len(s) && s[i+1] == 0xb7 && s[i+2] >= 0x90 && s[i+2] <= 0x92 {
			return i
		}
	}
}

// markLang wraps s as a span in the language lang.
func markLang(lang Locale, s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(lang) + 9)
	b.WriteRune(markOpen)
	b.WriteString(string(lang))
	b.WriteRune(markText)
	b.WriteString(s)
	b.WriteRune(markClose)
	return b.String()
}

// scrubMarks replaces span markers in s, text that did not come from a
// Text, with U+FFFD, so that it cannot open or close a span.
func scrubMarks(s string) string {
	if markIndex(s) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// A seg is a piece of a value: text in the notice's language (lang "") or
// in the language lang.
type seg struct {
	text string
	lang string
}

// splitSpans splits s into its spans. Spans do not nest: a span inside a
// span (a name quoted inside a text in another language) belongs to the
// outer span's language only if it has the same language, and is
// otherwise its own span. A marker that is not part of a well-formed span
// is dropped.
func splitSpans(s string) []seg {
	if markIndex(s) < 0 {
		return []seg{{text: s}}
	}
	var out []seg
	add := func(text, lang string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].lang == lang {
			out[n-1].text += text
			return
		}
		out = append(out, seg{text, lang})
	}
	var stack []string // the languages of the open spans
	lang := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1]
	}
	for s != "" {
		i := markIndex(s)
		if i < 0 {
			add(s, lang())
			break
		}
		add(s[:i], lang())
		r, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
		switch r {
		case markOpen:
			j := strings.IndexRune(s, markText)
			tag := ""
			if j >= 0 {
				tag = s[:j]
			}
			if j < 0 || !langSyntax(tag) {
				continue // a stray marker: dropped
			}
			stack = append(stack, tag)
			s = s[j+utf8.RuneLen(markText):]
		case markClose:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return out
}

// langSyntax reports whether s may be written into a lang attribute: a
// BCP 47 tag's characters, at most 35 of them.
func langSyntax(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// stripMarks returns the text of s without its span markers.
func stripMarks(s string) string {
	if markIndex(s) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, sg := range splitSpans(s) {
		b.WriteString(sg.text)
	}
	return b.String()
}

// joinSegs writes segments back into a marked string.
func joinSegs(segs []seg) string {
	var b strings.Builder
	for _, sg := range segs {
		if sg.lang == "" {
			b.WriteString(sg.text)
		} else {
			b.WriteString(markLang(Locale(sg.lang), sg.text))
		}
	}
	return b.String()
}

// mapText applies f to the text of every span of s, keeping the spans.
func mapText(s string, f func(string) string) string {
	if markIndex(s) < 0 {
		return f(s)
	}
	segs := splitSpans(s)
	for i := range segs {
		segs[i].text = f(segs[i].text)
	}
	return joinSegs(segs)
}

// trimRightText removes the characters of cutset from the end of s's
// text, looking through a span that closes it.
func trimRightText(s, cutset string) string {
	if markIndex(s) < 0 {
		return strings.TrimRight(s, cutset)
	}
	segs := splitSpans(s)
	for len(segs) > 0 {
		last := &segs[len(segs)-1]
		last.text = strings.TrimRight(last.text, cutset)
		if last.text != "" {
			break
		}
		segs = segs[:len(segs)-1]
	}
	return joinSegs(segs)
}
