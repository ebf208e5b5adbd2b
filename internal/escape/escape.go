// Package escape keeps user-supplied text from changing the structure of
// medsec's output. A name, an ID or a reference that a vendor or a user
// wrote must stay one piece of text: it must not start a new line, move
// the terminal's cursor, colour it, reverse the direction of the text that
// follows, or, in Markdown, become a heading, a list, a link or raw HTML.
//
// [Unsafe] names the characters that can do that in plain text and on a
// terminal; [Text] shows each of them as a visible Go escape such as \n,
// \x1b or \u202e. [WriteMarkdown] does the same and also escapes
// everything Markdown (CommonMark with the GitHub extensions) would read
// as markup. Every renderer of user text in medsec uses these functions,
// and the example programs use [Text] for their terminal output.
package escape

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach text output raw. These are
//
//   - the C0 control characters U+0000–U+001F (tab, line feed and carriage
//     return included) and DEL U+007F;
//   - the C1 control characters U+0080–U+009F (NEL U+0085, and CSI U+009B,
//     which some terminals read like ESC [);
//   - the Unicode line and paragraph separators U+2028 and U+2029;
//   - the bidirectional embeddings, overrides and isolates U+202A–U+202E
//     and U+2066–U+2069, which reorder the text that follows them
//     ("Trojan Source").
//
// The bidirectional marks U+200E, U+200F and U+061C, which only affect
// neighbouring characters, are allowed, as is every other printable
// character. [utf8.RuneError] as such is allowed; an invalid UTF-8 byte is
// unsafe, but it has no rune: see [Index].
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r < 0x2028:
		return false
	case r <= 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Index returns the byte offset of the first unsafe character of s: a
// rune for which [Unsafe] is true, or a byte that is not valid UTF-8. It
// returns -1 when s has none.
func Index(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || Unsafe(r) {
			return i
		}
		i += n
	}
	return -1
}

// Char returns the visible form of the character that starts s, as [Text]
// writes it: "\n", "\x1b", "\u202e", or "\xff" for a byte that is not
// valid UTF-8. For a character that is not unsafe it returns the
// character itself. It is meant for error messages that name the
// character found by [Index].
func Char(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 1 && r == utf8.RuneError {
		return `\x` + hex2(s[0])
	}
	if !Unsafe(r) {
		return s[:n]
	}
	q := strconv.QuoteRune(r)
	return q[1 : len(q)-1]
}

const hexDigits = "0123456789abcdef"

func hex2(b byte) string { return string([]byte{hexDigits[b>>4], hexDigits[b&15]}) }

// A Writer is what the Write functions write to, such as a
// *strings.Builder, a *bytes.Buffer or a *bufio.Writer. Write errors are
// left to the writer to report: strings.Builder and bytes.Buffer have
// none, and a bufio.Writer keeps the first one for Flush.
type Writer interface {
	io.StringWriter
	io.ByteWriter
}

// Text returns s with every unsafe character (see [Index]) replaced by its
// visible Go escape, as [Char] gives it. Everything else, backslashes
// included, is unchanged, so text without unsafe characters comes back as
// it is and costs no allocation.
func Text(s string) string {
	i := Index(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	WriteText(&b, s[i:])
	return b.String()
}

// WriteText writes [Text](s) to w.
func WriteText(w Writer, s string) {
	for {
		i := Index(s)
		if i < 0 {
			w.WriteString(s)
			return
		}
		w.WriteString(s[:i])
		_, n := utf8.DecodeRuneInString(s[i:])
		w.WriteString(Char(s[i:]))
		s = s[i+n:]
	}
}

// markdownAlways are the ASCII characters escaped wherever they appear:
// those that open or close inline markup (emphasis, strikethrough, code,
// links, images, raw HTML, entities, autolinks), table cells and hard line
// breaks. '@' is escaped so that no text becomes an e-mail autolink.
var markdownAlways = [utf8.RuneSelf]bool{
	'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true,
	'<': true, '>': true, '&': true, '|': true, '~': true, '!': true,
	'#': true, '@': true,
}

// WriteMarkdown writes user text s to w as Markdown text that renders as
// s and adds no structure, under CommonMark and the GitHub extensions
// (tables, strikethrough, task lists, autolinks):
//
//   - unsafe characters (see [Index]) are written as visible escapes, as
//     by [Text], with the backslash escaped; a line break therefore never
//     reaches the output, so s stays on its line;
//   - the punctuation of inline markup, \ ` * _ [ ] < > & | ~ ! # @, is
//     backslash-escaped everywhere;
//   - "://" and "www." are broken with a backslash so that no bare URL
//     becomes a link;
//   - a leading or trailing space (any Unicode space) is written as a
//     character reference such as &#x20;, so that it can neither indent a
//     line into a code block nor stop emphasis around s from closing.
//
// When lineStart is true, s begins a line, or follows only a list marker,
// digits or other punctuation, so that its first characters could be read
// as a block marker: then an initial - + = : . or ) and the "." or ")"
// after initial digits are escaped as well, so that s cannot start a
// list, heading, quote, rule, code fence, table or setext underline.
func WriteMarkdown(w Writer, s string, lineStart bool) {
	writeMarkdown(w, s, lineStart, true)
}

// WriteMarkdownLiteral writes trusted text, such as a layout's own words
// around user fields, as [WriteMarkdown] does, except that leading and
// trailing spaces are kept as they are: they separate the text from the
// fields next to it.
func WriteMarkdownLiteral(w Writer, s string, lineStart bool) {
	writeMarkdown(w, s, lineStart, false)
}

func writeMarkdown(w Writer, s string, lineStart, edgeSpaces bool) {
	if s == "" {
		return
	}
	var tail rune
	if edgeSpaces {
		if r, n := utf8.DecodeRuneInString(s); isSpace(r) {
			writeCharRef(w, r)
			s = s[n:]
			lineStart = false
			if s == "" {
				return
			}
		}
		if r, n := utf8.DecodeLastRuneInString(s); isSpace(r) {
			tail = r
			s = s[:len(s)-n]
		}
	}
	if lineStart {
		// Digits followed by "." or ")" start an ordered list; so do
		// "." and ")" after digits already on the line.
		d := 0
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d < len(s) && (s[d] == '.' || s[d] == ')' || d == 0 && strings.IndexByte("-+=:", s[0]) >= 0) {
			w.WriteString(s[:d])
			w.WriteByte('\\')
			w.WriteByte(s[d])
			s = s[d+1:]
		}
	}
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if n == 1 && r == utf8.RuneError || Unsafe(r) {
				w.WriteString(s[last:i])
				w.WriteByte('\\')
				w.WriteString(Char(s[i:]))
				last = i + n
			}
			i += n
			continue
		}
		switch {
		case c < 0x20 || c == 0x7f:
			w.WriteString(s[last:i])
			w.WriteByte('\\')
			w.WriteString(Char(s[i:]))
			last = i + 1
		case markdownAlways[c],
			c == ':' && strings.HasPrefix(s[i+1:], "//"),
			c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			w.WriteString(s[last:i])
			w.WriteByte('\\')
			w.WriteByte(c)
			last = i + 1
		}
		i++
	}
	w.WriteString(s[last:])
	if tail != 0 {
		writeCharRef(w, tail)
	}
}

// isSpace reports whether r is Unicode white space that is not unsafe:
// CommonMark's flanking rules treat it as white space, and a leading
// space indents.
func isSpace(r rune) bool { return !Unsafe(r) && unicode.IsSpace(r) }

// writeCharRef writes r as a hexadecimal character reference.
func writeCharRef(w Writer, r rune) {
	w.WriteString("&#x")
	w.WriteString(strconv.FormatInt(int64(r), 16))
	w.WriteByte(';')
}
