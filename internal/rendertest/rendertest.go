// Package rendertest helps tests check that user-supplied text cannot
// change the structure of rendered output. It holds hostile payloads and
// functions that reduce Markdown, HTML and plain text to their structure,
// so that a test renders once with a harmless value and once with a
// payload and compares the two.
//
// Only tests import this package; it brings in the CommonMark parser
// github.com/yuin/goldmark, which no library package depends on.
package rendertest

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/medsec-go/medsec/internal/escape"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Payloads are printable values that try to add structure to output: raw
// HTML, links, images, autolinks, emphasis and code, Markdown block
// markers at the start of a line, table pipes, leading and trailing
// spaces. None holds an unsafe character (see [escape.Unsafe]), so a
// validator that rejects only those accepts every payload; the renderers
// must neutralise them.
var Payloads = []string{
	`<img src=x onerror=alert(1)>`,
	`<script>alert(1)</script>`,
	`"><b>bold</b>`,
	`[click](https://evil.example)`,
	`![img](https://evil.example/x.png)`,
	`[ref]: https://evil.example`,
	`https://evil.example/path`,
	`www.evil.example`,
	`mailto:someone@evil.example`,
	`someone@evil.example`,
	`<https://evil.example>`,
	`**bold** _em_ ~~strike~~ ` + "`code`",
	"```",
	"~~~",
	`- list item`,
	`+ list item`,
	`* list item`,
	`1. ordered`,
	`1) ordered`,
	`    indented code`,
	`# heading`,
	`> quote`,
	`- - -`,
	`***`,
	`---`,
	`===`,
	`| a | b |`,
	`--- | ---`,
	`- [ ] task`,
	`&amp; &lt;tag&gt; &#x3C;`,
	`trailing backslash\`,
	`two trailing spaces  `,
	` `,
	`   leading spaces`,
	"\u3000ideographic space\u3000",
	`%s %d %!v(MISSING) {Subject} {{x}}`,
	`\`,
	`*`,
	`_`,
	`1`,
	`.`,
	`<!-- comment -->`,
	`<div>`,
	`[^1]`,
	`a|b`,
}

// UnsafePayloads hold characters that must never reach output raw: line
// breaks of every kind, terminal escape sequences (colour, clearing the
// screen, OSC 8 hyperlinks), NUL, a bidirectional override and a byte
// that is not UTF-8.
var UnsafePayloads = []string{
	"line\nFORGED LINE",
	"line\rFORGED",
	"line\r\nFORGED",
	"line\u2028FORGED",
	"line\u2029FORGED",
	"line\u0085FORGED",
	"\x1b[31mred\x1b[0m",
	"\x1b[2J\x1b[H",
	"\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
	"\u009b31mred",
	"nul\x00byte",
	"tab\there",
	"form\ffeed",
	"vertical\vtab",
	"\u202eevil\u202c",
	"\u2066isolate\u2069",
	"bad\xffutf8",
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// MarkdownShape parses src as CommonMark with the GitHub extensions
// (tables, strikethrough, autolinks, task lists) and returns its
// structure: every block and inline node with its kind and nesting, every
// line break, heading levels, list kinds and table column counts, but no
// text. Two documents that differ only in the words of their text have
// the same shape.
func MarkdownShape(src string) string {
	b := []byte(src)
	doc := md.Parser().Parse(text.NewReader(b))
	var out strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		prevText := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok || c.Kind() == ast.KindString {
				// Adjacent text nodes (goldmark splits text at escapes
				// and character references) are one piece of text.
				if !prevText {
					out.WriteString(strings.Repeat(" ", depth) + "text\n")
				}
				prevText = true
				if ok && (t.HardLineBreak() || t.SoftLineBreak()) {
					out.WriteString(strings.Repeat(" ", depth) + "break\n")
					prevText = false
				}
				continue
			}
			prevText = false
			out.WriteString(strings.Repeat(" ", depth) + nodeName(c) + "\n")
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return out.String()
}

func nodeName(n ast.Node) string {
	switch v := n.(type) {
	case *ast.Heading:
		return fmt.Sprintf("Heading%d", v.Level)
	case *ast.List:
		if v.IsOrdered() {
			return fmt.Sprintf("List(ordered from %d)", v.Start)
		}
		return "List(bullet)"
	case *ast.Emphasis:
		return fmt.Sprintf("Emphasis%d", v.Level)
	case *extast.Table:
		return fmt.Sprintf("Table(%d columns)", len(v.Alignments))
	}
	return n.Kind().String()
}

// MarkdownHTML renders src as CommonMark with the GitHub extensions to
// HTML, with raw HTML allowed, as a permissive viewer would.
func MarkdownHTML(src string) string {
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(src), &b); err != nil {
		panic(err) // goldmark's HTML renderer only fails when the writer does
	}
	return b.String()
}

var tag = regexp.MustCompile(`<[^>]*>`)

// HTMLShape returns the tags of an HTML document, one a line, without the
// text between them: the structure of the document.
func HTMLShape(src string) string {
	return strings.Join(tag.FindAllString(src, -1), "\n")
}

// HTMLText returns the text of an HTML document: the tags removed and
// character references decoded.
func HTMLText(src string) string {
	return html.UnescapeString(tag.ReplaceAllString(src, ""))
}

// CheckText reports the first problem of plain-text output: an unsafe
// character (which could forge a line or drive a terminal). It returns ""
// when there is none. Line feeds are the output's own line ends and are
// allowed.
func CheckText(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if i := escape.Index(line); i >= 0 {
			return fmt.Sprintf("unsafe character %s at byte %d of line %q", escape.Char(line[i:]), i, line)
		}
	}
	return ""
}

// Lines returns the number of lines of s: the number of line feeds, plus
// one if s does not end with one.
func Lines(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}
