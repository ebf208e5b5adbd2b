package i18n_test

import (
	"fmt"
	"strings"
	"testing"
	"text/template"

	"github.com/medsec-go/medsec/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkRenderNotice renders the Vietnamese holiday dispatch in the
// Decree 30/2020 layout (2.8 KB of UTF-8) as plain text: validation,
// translation of its texts, and the layout with its two-column head and
// foot. Its baseline is BenchmarkRenderNoticeTextTemplate, which renders
// the same text; issue 13's goal is at most half its time.
func BenchmarkRenderNotice(b *testing.B) {
	d := sampleHoliday()
	l := i18n.NewLocalizer(i18n.VI)
	ts := i18n.DefaultTemplates()
	out, err := ts.Render(l, d, i18n.PlainText)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = ts.Render(l, d, i18n.PlainText)
	}
}

// BenchmarkRenderFormats renders the Vietnamese holiday dispatch in each
// format; every piece of text is escaped for the format on the way.
func BenchmarkRenderFormats(b *testing.B) {
	d := sampleHoliday()
	l := i18n.NewLocalizer(i18n.VI)
	ts := i18n.DefaultTemplates()
	for _, f := range []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML} {
		b.Run(formatExt[f], func(b *testing.B) {
			out, err := ts.Render(l, d, f)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = ts.Render(l, d, f)
			}
		})
	}
}

// holidayTT is the layout of data/notices/holiday.vi.tmpl, the Decree
// 30/2020 form of a công văn, written for text/template as a user of
// text/template would write it: the Vietnamese words in the template, and
// a few functions for what text/template cannot do by itself (ttFuncs):
// centre a line in a column, draw the rule under the issuing body (the
// rule under the motto is in the template), punctuate lists as Decree
// 30/2020 does, and set two columns side by side. The output is the same
// text as TemplateSet.Render's, byte for byte
// (TestRenderNoticeTextTemplateSameOutput).
const holidayTT = `{{columns 72
	(cell "center" .ParentUpper .IssuerUpper (shortRule .IssuerUpper))
	(cell "center" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "---------------------------")
	(cell "center" (print "Số: " .NumberSymbol) (print "V/v " .Subject))
	(cell "center" .PlaceDate)}}
{{if eq (len .Recipients) 1}}Kính gửi: {{index .Recipients 0}}.
{{else}}Kính gửi:
{{range bullets .Recipients "."}}{{.}}
{{end}}{{end}}
{{.Basis}}

{{range $i, $t := .Tasks}}{{inc $i}}. {{$t}}
{{end}}
{{with .Contacts}}{{$numbered := gt (len .) 1}}Trong quá trình thực hiện, nếu cần thiết, các đơn vị liên hệ với {{range $i, $c := .}}{{if $i}}; {{end}}{{if $numbered}}({{inc $i}}) {{end}}{{$c.Name}}{{with $c.Title}}, {{.}}{{end}}{{with $c.Phone}}, điện thoại: {{.}}{{end}}{{with $c.Email}}, email: {{.}}{{end}}{{end}} để được phối hợp, hỗ trợ.

{{end}}Nhận được công văn, đề nghị các đơn vị nghiên cứu triển khai, thực hiện./.

{{columns 72
	(cell "left" "Nơi nhận:" "- Như trên;" (bullets .CopiesTo ";") (printf "- Lưu: %s." .Archive))
	(cell "center" .Authority .SignerTitle "" "" "" .SignerName)}}`

// ttData is what holidayTT prints: the notice's texts rendered for the
// locale.
type ttData struct {
	ParentUpper, IssuerUpper, NumberSymbol, Subject, PlaceDate, Basis string
	Recipients, Tasks, CopiesTo                                       []string
	Contacts                                                          []ttContact
	Archive, Authority, SignerTitle, SignerName                       string
}

type ttContact struct{ Name, Title, Phone, Email string }

// A ttCell is a cell of columns: its lines, each aligned "left" or
// "center" in the cell's width.
type ttCell struct {
	align string
	lines []string
}

// ttFuncs are the functions holidayTT uses.
var ttFuncs = template.FuncMap{
	"inc": func(i int) int { return i + 1 },
	// cell returns a cell of the lines given as strings or lists of
	// strings.
	"cell": func(align string, lines ...any) (ttCell, error) {
		c := ttCell{align: align}
		for _, l := range lines {
			switch l := l.(type) {
			case string:
				c.lines = append(c.lines, l)
			case []string:
				c.lines = append(c.lines, l...)
			default:
				return c, fmt.Errorf("cell: a line is a string or a list of strings, not %T", l)
			}
		}
		return c, nil
	},
	"columns": ttColumns,
	// shortRule returns the rule Decree 30/2020 draws under the issuing
	// body: about two fifths of its width.
	"shortRule": func(s string) string {
		return strings.Repeat("-", max(3, (2*i18n.DisplayWidth(s)+4)/5))
	},
	// bullets returns the items as the lines of a list, each ending
	// with ";" but the last, which ends with last.
	"bullets": func(items []string, last string) []string {
		out := make([]string, len(items))
		for i, it := range items {
			end := ";"
			if i == len(items)-1 {
				end = last
			}
			out[i] = "- " + strings.TrimRight(it, ";.") + end
		}
		return out
	},
}

// ttColumns sets cells side by side in rows of two, within width
// columns: the left cell of a row in two fifths of the width (wider if a
// line beside a line of the right cell needs it), the right one in the
// rest, two spaces apart. Lines end without spaces.
func ttColumns(width int, cells ...ttCell) string {
	const gap = 2
	lw := width * 2 / 5
	for i := 0; i+1 < len(cells); i += 2 {
		for j, s := range cells[i].lines {
			if j < len(cells[i+1].lines) {
				lw = max(lw, i18n.DisplayWidth(s))
			}
		}
	}
	rw := max(0, width-lw-gap)
	var b strings.Builder
	for i := 0; i < len(cells); i += 2 {
		left, right := cells[i], ttCell{}
		if i+1 < len(cells) {
			right = cells[i+1]
		}
		for j := range max(len(left.lines), len(right.lines)) {
			n := 0
			if j < len(left.lines) {
				n = left.write(&b, j, lw)
			}
			if j < len(right.lines) && strings.TrimSpace(right.lines[j]) != "" {
				ttSpaces(&b, max(0, lw-n)+gap)
				right.write(&b, j, rw)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// write writes line j of c aligned in width columns and returns the
// number of columns it takes.
func (c ttCell) write(b *strings.Builder, j, width int) int {
	s := c.lines[j]
	w, pad := i18n.DisplayWidth(s), 0
	if c.align == "center" {
		pad = max(0, (width-w)/2)
	}
	ttSpaces(b, pad)
	b.WriteString(s)
	return pad + w
}

func ttSpaces(b *strings.Builder, n int) {
	for range n {
		b.WriteByte(' ')
	}
}

// renderHolidayTT renders d with t, a parse of holidayTT, localizing
// the texts with l through the public API after validating d, as a
// renderer written with text/template has to.
func renderHolidayTT(t *template.Template, l *i18n.Localizer, d i18n.HolidayDispatch) (string, error) {
	if err := d.Validate(); err != nil {
		return "", err
	}
	data := ttData{
		ParentUpper: strings.ToUpper(d.Parent.In(l)), IssuerUpper: strings.ToUpper(d.Issuer.In(l)),
		NumberSymbol: fmt.Sprintf("%02d/%s", d.Number, d.Symbol), Subject: d.Subject.In(l), PlaceDate: l.PlaceDate(d.Place.In(l), d.Date),
		Basis: d.Basis.In(l), Archive: d.Archive.In(l),
		SignerTitle: strings.ToUpper(d.Signer.Title.In(l)), SignerName: d.Signer.Name.In(l),
	}
	switch d.Signer.Authority {
	case i18n.SignForHead:
		data.Authority = "KT. " + strings.ToUpper(d.Signer.Head.In(l))
	case i18n.SignOnBehalf:
		data.Authority = "TM. " + strings.ToUpper(d.Signer.Head.In(l))
	case i18n.SignActing:
		data.Authority = "Q. " + strings.ToUpper(d.Signer.Head.In(l))
	}
	texts := func(ts []i18n.Text) []string {
		out := make([]string, 0, len(ts))
		for _, t := range ts {
			if s := t.In(l); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	data.Recipients, data.Tasks, data.CopiesTo = texts(d.Recipients), texts(d.Tasks), texts(d.CopiesTo)
	data.Contacts = make([]ttContact, len(d.Contacts))
	for i, c := range d.Contacts {
		data.Contacts[i] = ttContact{Name: c.Name.In(l), Title: c.Title.In(l), Phone: c.Phone, Email: c.Email}
	}
	var sb strings.Builder
	sb.Grow(4096) // a notice is a few KB

	if err := t.Execute(&sb, &data); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// BenchmarkRenderNoticeTextTemplate renders the notice of
// BenchmarkRenderNotice, the same text byte for byte, with text/template:
// validating it and localizing its texts through the public API on each
// iteration, as a renderer written with text/template has to, and
// laying it out with holidayTT. It is the baseline of BenchmarkRenderNotice.
func BenchmarkRenderNoticeTextTemplate(b *testing.B) {
	t := template.Must(template.New("holiday").Funcs(ttFuncs).Parse(holidayTT))
	d := sampleHoliday()
	l := i18n.NewLocalizer(i18n.VI)
	out, err := renderHolidayTT(t, l, d)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = renderHolidayTT(t, l, d)
	}
}

// TestRenderNoticeTextTemplateSameOutput proves that the baseline of
// BenchmarkRenderNotice renders the same notice: its output is
// byte-identical to TemplateSet.Render's in plain text.
func TestRenderNoticeTextTemplateSameOutput(t *testing.T) {
	tt := template.Must(template.New("holiday").Funcs(ttFuncs).Parse(holidayTT))
	d := sampleHoliday()
	l := i18n.NewLocalizer(i18n.VI)
	want, err := i18n.DefaultTemplates().Render(l, d, i18n.PlainText)
	require.NoError(t, err)
	got, err := renderHolidayTT(tt, l, d)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}
