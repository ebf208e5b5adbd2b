package i18n

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/width"
)

//go:embed data/styles/*.css
var styleFS embed.FS

// baseStyle is the style sheet every HTML notice carries; defaultStyle is
// the style of a template that names none.
const (
	baseStyle    = "base"
	defaultStyle = "letter"
)

// styleSheets holds the embedded style sheets by name
// (data/styles/<name>.css). They are checked by the package tests: none
// holds "<", so none can end the style element.
var styleSheets = func() map[string]string {
	names, _ := fs.Glob(styleFS, "data/styles/*.css")
	m := make(map[string]string, len(names))
	for _, n := range names {
		b, _ := fs.ReadFile(styleFS, n)
		m[strings.TrimSuffix(path.Base(n), ".css")] = string(b)
	}
	return m
}()

// styleNames returns the names a template's style directive may give.
func styleNames() []string {
	var out []string
	for n := range styleSheets {
		if n != baseStyle {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// StyleSheet returns the CSS that lays out notices rendered as
// [HTMLFragment], for a page of your own: the rules of every style, each
// scoped to the class of its notices (medsec-decree30, medsec-gbt9704,
// …), with the print page of each style as a named @page. The [HTML]
// format embeds the part each notice needs.
func StyleSheet() string {
	var b strings.Builder
	b.WriteString(styleSheets[baseStyle])
	for _, n := range styleNames() {
		b.WriteString(styleSheets[n])
	}
	return b.String()
}

// displayWidth returns the number of columns s takes in a fixed-width
// font: two for East Asian wide and full-width characters, none for
// combining marks and format characters, one for the others.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x300:
			n++
		case r >= 0x300 && r < 0x370, r >= 0x1ab0 && r < 0x1b00, r >= 0x1dc0 && r < 0x1e00,
			r >= 0x200b && r <= 0x200f, r >= 0x20d0 && r < 0x2100, r >= 0xfe00 && r < 0xfe10, r == 0xfeff:
			// combining marks, zero-width and direction marks,
			// variation selectors
		case r < 0x1100, r >= 0x1e00 && r < 0x2000:
			// No character before Hangul Jamo is wide, nor are the
			// Latin and Greek letters with diacritics (Vietnamese).
			n++
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}
