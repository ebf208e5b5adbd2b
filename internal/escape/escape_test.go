package escape_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/rendertest"
)

func TestUnsafe(t *testing.T) {
	for _, r := range []rune{0, '\t', '\n', '\r', 0x1b, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069} {
		if !escape.Unsafe(r) {
			t.Errorf("Unsafe(%U) = false", r)
		}
	}
	for _, r := range []rune{' ', 'a', '~', 0xa0, 0xad, 0x200e, 0x200f, 0x061c, 0x2027, 0x202f, 0x2065, 0x206a, 0x3000, 0xfeff, utf8.RuneError, 0x10ffff} {
		if escape.Unsafe(r) {
			t.Errorf("Unsafe(%U) = true", r)
		}
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain Thanh Hóa 国家", "plain Thanh Hóa 国家"},
		{`back\slash`, `back\slash`},
		{"a\nb", `a\nb`},
		{"a\r\nb", `a\r\nb`},
		{"\x1b[31mred", `\x1b[31mred`},
		{"nul\x00", `nul\x00`},
		{"del\x7f", `del\x7f`},
		{"nel\u0085", `nel\u0085`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"\u202eevil", `\u202eevil`},
		{"bad\xff\xfe", `bad\xff\xfe`},
		{"tab\t", `tab\t`},
		{"\uFFFD stays", "\uFFFD stays"},
	} {
		if got := escape.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if i := escape.Index(escape.Text(tc.in)); i >= 0 {
			t.Errorf("Text(%q) keeps an unsafe character at %d", tc.in, i)
		}
	}
}

func TestIndexChar(t *testing.T) {
	for _, tc := range []struct {
		in   string
		i    int
		char string
	}{
		{"abc", -1, ""},
		{"ab\ncd", 2, `\n`},
		{"Hóa\u202e", 4, `\u202e`},
		{"x\xc3", 1, `\xc3`},
		{"\x1b", 0, `\x1b`},
	} {
		i := escape.Index(tc.in)
		if i != tc.i {
			t.Errorf("Index(%q) = %d, want %d", tc.in, i, tc.i)
			continue
		}
		if i >= 0 {
			if c := escape.Char(tc.in[i:]); c != tc.char {
				t.Errorf("Char(%q) = %q, want %q", tc.in[i:], c, tc.char)
			}
		}
	}
	if escape.Char("é!") != "é" || escape.Char("") != "" {
		t.Error("Char of a safe character is the character")
	}
}

func TestTextDoesNotAllocateForSafeText(t *testing.T) {
	s := strings.Repeat("Sở Y tế Thanh Hóa ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = escape.Text(s) }); n != 0 {
		t.Errorf("Text allocates %v times for safe text", n)
	}
}

// refIndex is Index written the plain way, rune by rune.
func refIndex(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
		if escape.Unsafe(r) {
			return i
		}
	}
	return -1
}

func TestIndexFastPath(t *testing.T) {
	for _, s := range []string{"", "Hóa", "Hóa\u2028", "\u00a0\u0085", "ĂÂ\u0080", "\u2027\u2028", "\u2065\u2066", "\u206a", "\u202f\u202e",
		"国家\u009b", "é\xff", "\xc2", "\xe2\x80", "\xe2\x80\xa8", "\xf0\x9f\x98\x80\x1b"} {
		if got, want := escape.Index(s), refIndex(s); got != want {
			t.Errorf("Index(%q) = %d, want %d", s, got, want)
		}
	}
}

func md(s string, lineStart bool) string {
	var b strings.Builder
	escape.WriteMarkdown(&b, s, lineStart)
	return b.String()
}

func TestWriteMarkdown(t *testing.T) {
	for _, tc := range []struct {
		in        string
		lineStart bool
		want      string
	}{
		{"Thanh Hóa", true, "Thanh Hóa"},
		{"a*b_c`d", false, "a\\*b\\_c\\`d"},
		{"<b>&amp;", false, "\\<b\\>\\&amp;"},
		{"[x](y)", false, "\\[x\\](y)"},
		{"a|b", false, "a\\|b"},
		{"- item", true, "\\- item"},
		{"- item", false, "- item"},
		{"1. x", true, "1\\. x"},
		{"12) x", true, "12\\) x"},
		{"2026-02-09", true, "2026-02-09"},
		{"(x)", true, "(x)"},
		{".x", true, "\\.x"},
		{"+ x", true, "\\+ x"},
		{"===", true, "\\==="},
		{"    code", true, "&#x20;   code"},
		{"x ", false, "x&#x20;"},
		{" ", true, "&#x20;"},
		{"\u3000x", false, "&#x3000;x"},
		{"https://evil.example", false, "https\\://evil.example"},
		{"WWW.evil.example", false, "WWW\\.evil.example"},
		{"a@b.cz", false, "a\\@b.cz"},
		{"a\nb", false, "a\\\\nb"},
		{"\x1b[2J", true, "\\\\x1b\\[2J"},
		{"end\\", false, "end\\\\"},
		{"\u202e", false, "\\\\u202e"},
	} {
		if got := md(tc.in, tc.lineStart); got != tc.want {
			t.Errorf("WriteMarkdown(%q, %v) = %q, want %q", tc.in, tc.lineStart, got, tc.want)
		}
	}
}

// contexts are the places where medsec's renderers put user text in
// Markdown; %s marks the text.
var contexts = []struct {
	name      string
	format    string
	lineStart bool
}{
	{"paragraph", "before\n\n%s\n\nafter\n", true},
	{"paragraph line", "first line\\\n%s\\\nlast line\n", true},
	{"heading", "# %s\n\ntext\n", true},
	{"bullet", "- %s\n- two\n", true},
	{"ordered", "1. %s\n2. two\n", true},
	{"strong", "**%s**\n", true},
	{"em line", "*%s*\n", true},
	{"kv", "**Label:** %s\n", false},
	{"mid-line", "Số: %s and more\n", false},
	{"table", "| a | b |\n| --- | --- |\n| %s | x |\n", false},
}

// TestWriteMarkdownKeepsStructure puts every payload in every context
// and checks with a CommonMark parser that the document has the shape it
// has with a plain word, and that the text renders as the payload.
func TestWriteMarkdownKeepsStructure(t *testing.T) {
	payloads := append(append([]string{}, rendertest.Payloads...), rendertest.UnsafePayloads...)
	for _, c := range contexts {
		want := rendertest.MarkdownShape(strings.Replace(c.format, "%s", "word", 1))
		for _, p := range payloads {
			checkMarkdown(t, c.name, c.format, c.lineStart, want, p)
		}
	}
}

func checkMarkdown(t *testing.T, name, format string, lineStart bool, want, p string) {
	t.Helper()
	src := strings.Replace(format, "%s", md(p, lineStart), 1)
	if got := rendertest.MarkdownShape(src); got != want {
		t.Fatalf("%s: payload %q changes the structure:\n%s\nwant:\n%s\nsource:\n%s", name, p, got, want, src)
	}
	// The text reads as the payload, with unsafe characters escaped.
	out := rendertest.HTMLText(rendertest.MarkdownHTML(src))
	if !strings.Contains(out, escape.Text(p)) {
		t.Fatalf("%s: payload %q renders as %q", name, p, out)
	}
}

func FuzzWriteMarkdown(f *testing.F) {
	for _, p := range rendertest.Payloads {
		f.Add(p, uint8(0))
	}
	for _, p := range rendertest.UnsafePayloads {
		f.Add(p, uint8(3))
	}
	f.Fuzz(func(t *testing.T, p string, ctx uint8) {
		if p == "" {
			return // "**" and "**" would meet; renderers drop or reject empty fields
		}
		c := contexts[int(ctx)%len(contexts)]
		want := rendertest.MarkdownShape(strings.Replace(c.format, "%s", "word", 1))
		checkMarkdown(t, c.name, c.format, c.lineStart, want, p)
		if i := escape.Index(escape.Text(p)); i >= 0 {
			t.Fatalf("Text(%q) keeps an unsafe character", p)
		}
		if got, want := escape.Index(p), refIndex(p); got != want {
			t.Fatalf("Index(%q) = %d, want %d", p, got, want)
		}
	})
}

var benchText = strings.Repeat("Trung tâm Ứng cứu khẩn cấp (VNCERT/CC), e-mail: ir@vncert.vn; ", 8)

func BenchmarkText(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		_ = escape.Text(benchText)
	}
}

func BenchmarkWriteMarkdown(b *testing.B) {
	var sb strings.Builder
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		sb.Reset()
		escape.WriteMarkdown(&sb, benchText, true)
	}
}
