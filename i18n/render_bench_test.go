package i18n_test

import (
	"io"
	"strings"
	"testing"
	"text/template"

	"github.com/medsec-go/medsec/i18n"
)

// BenchmarkRenderNotice renders the Vietnamese holiday dispatch (about
// 2.7 KB of UTF-8) as plain text: validation, translation of the default
// tasks and layout.
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

// holidayTT is the same layout as data/notices/holiday.vi.tmpl, written
// for text/template: the baseline of BenchmarkRenderNotice.
const holidayTT = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{{.ParentUpper}}
{{.IssuerUpper}}

Số: {{.NumberSymbol}}
V/v {{.Subject}}

{{.PlaceDate}}

{{if eq (len .Recipients) 1}}Kính gửi: {{index .Recipients 0}}.{{else}}Kính gửi:
{{range .Recipients}}- {{.}}
{{end}}{{end}}

{{.Basis}}

{{range $i, $t := .Tasks}}{{inc $i}}. {{$t}}
{{end}}
{{if .Contacts}}Trong quá trình thực hiện, nếu cần thiết các đơn vị liên hệ để được phối hợp, hỗ trợ:

{{range $i, $c := .Contacts}}{{inc $i}}. {{$c}}
{{end}}
{{end}}Nhận được công văn, đề nghị các đơn vị nghiên cứu triển khai, thực hiện./.

Nơi nhận:
{{range .Distribution}}- {{.}}
{{end}}
{{.Authority}}
{{.SignerTitle}}

{{.SignerName}}
`

type ttData struct {
	ParentUpper, IssuerUpper, NumberSymbol, Subject, PlaceDate, Basis string
	Recipients, Tasks, Contacts, Distribution                         []string
	Authority, SignerTitle, SignerName                                string
}

// BenchmarkRenderNoticeTextTemplate renders the same notice with
// text/template, localizing the same texts through the public API on each
// iteration, as a real text/template implementation would have to.
func BenchmarkRenderNoticeTextTemplate(b *testing.B) {
	t := template.Must(template.New("h").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(holidayTT))
	d := sampleHoliday()
	l := i18n.NewLocalizer(i18n.VI)
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
		data := ttData{
			ParentUpper: strings.ToUpper(d.Parent.In(l)), IssuerUpper: strings.ToUpper(d.Issuer.In(l)),
			NumberSymbol: "15/" + d.Symbol, Subject: d.Subject.In(l), PlaceDate: l.PlaceDate(d.Place.In(l), d.Date),
			Basis: d.Basis.In(l), SignerTitle: strings.ToUpper(d.Signer.Title.In(l)), SignerName: d.Signer.Name.In(l),
			Authority: "KT. " + strings.ToUpper(d.Signer.Head.In(l)),
		}
		for _, r := range d.Recipients {
			data.Recipients = append(data.Recipients, r.In(l))
		}
		for _, r := range d.Tasks {
			data.Tasks = append(data.Tasks, r.In(l))
		}
		for _, c := range d.Contacts {
			data.Contacts = append(data.Contacts, c.Name.In(l)+", điện thoại: "+c.Phone+", email: "+c.Email)
		}
		data.Distribution = append(data.Distribution, "Như trên;")
		for _, c := range d.CopiesTo {
			data.Distribution = append(data.Distribution, c.In(l)+";")
		}
		data.Distribution = append(data.Distribution, "Lưu: "+d.Archive.In(l)+".")
		var sb strings.Builder
		if err := t.Execute(&sb, data); err != nil {
			b.Fatal(err)
		}
		_, _ = io.Discard.Write([]byte(sb.String()))
	}
}
