package i18n_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/rendertest"
	"github.com/medsec-go/medsec/internal/sample"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docHead matches the head of an HTML document up to the style sheet:
// doctype, the html element's language, the charset before anything
// else, and the title.
var docHead = regexp.MustCompile(`^<!DOCTYPE html>\n<html lang="([A-Za-z-]+)">\n<head>\n<meta charset="utf-8">\n` +
	`<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>([^<]+)</title>\n<style>\n`)

// articleStart matches the notice's own element and its classes.
var articleStart = regexp.MustCompile(`<article class="medsec-notice medsec-([a-z0-9-]+) medsec-([a-z0-9]+)" lang="([A-Za-z-]+)">\n`)

// TestHTMLDocuments checks every HTML output — every notice kind and
// variant in every locale, and each with hostile text in its fields — as a
// browser and a printer read it: a standalone document with a doctype,
// the locale on <html>, the charset first, a title, the style sheet of
// the layout's format with its A4 page; only the renderer's own tags,
// properly nested, and every other "<", ">", "&" and quote escaped; text
// in another language marked with its lang; and the fragment is exactly
// the document's article.
func TestHTMLDocuments(t *testing.T) {
	for _, loc := range i18n.Locales() {
		for _, g := range goldenNotices(loc) {
			t.Run(g.name+"."+loc.String(), func(t *testing.T) {
				doc, err := i18n.Render(g.n, loc, i18n.HTML)
				require.NoError(t, err)
				frag, err := i18n.Render(g.n, loc, i18n.HTMLFragment)
				require.NoError(t, err)
				checkHTMLDocument(t, doc, frag, loc)
			})
		}
	}
	// The same with markup in the fields: it is escaped, and the
	// documents keep their structure.
	for _, fd := range noticeFields {
		for _, p := range []string{`<script>alert(1)</script>`, `"><b>x</b>`, `&amp; <!-- x -->`, `</title><title>`} {
			for _, loc := range []i18n.Locale{i18n.VI, i18n.ZhHans, i18n.EN} {
				n := fd.with(loc, p)
				doc, err := i18n.Render(n, loc, i18n.HTML)
				require.NoError(t, err, fd.name())
				frag, err := i18n.Render(n, loc, i18n.HTMLFragment)
				require.NoError(t, err, fd.name())
				checkHTMLDocument(t, doc, frag, loc)
			}
		}
	}
}

func checkHTMLDocument(t *testing.T, doc, frag string, loc i18n.Locale) {
	t.Helper()
	m := docHead.FindStringSubmatch(doc)
	require.NotNil(t, m, "document head:\n%.600s", doc)
	assert.Equal(t, loc.String(), m[1], "<html lang>")
	assert.NotEmpty(t, strings.TrimSpace(m[2]), "title")
	assert.True(t, strings.HasSuffix(doc, "</article>\n</body>\n</html>\n"), "the document ends with the article")
	a := articleStart.FindStringSubmatch(doc)
	require.NotNil(t, a, "article")
	assert.Equal(t, loc.String(), a[3], "<article lang>")
	style := a[2]
	assert.Contains(t, doc, "@page "+style+" { size: A4;", "the print page of the style")
	assert.Contains(t, doc, ".medsec-"+style+" { page: "+style+";", "the style's rules")
	i := strings.Index(doc, "<article ")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, doc[i:len(doc)-len("</body>\n</html>\n")], frag, "the fragment is the document's article")
	checkHTMLNesting(t, doc)
	checkLanguages(t, frag, loc)
}

// checkLanguages fails when text of one language stands in an element of
// another: a Chinese character outside an element whose language is
// Chinese, a letter only Vietnamese uses outside a Vietnamese element
// (but inside an identifier such as "05/2017/QĐ-TTg", which translations
// cite as it is), a letter only Czech uses in a Chinese element; or when a
// span repeats the language around it.
func checkLanguages(t *testing.T, frag string, loc i18n.Locale) {
	t.Helper()
	body := strings.Replace(withoutStyle(frag), "<style></style>\n", "", 1)
	stack := []string{loc.String()}
	rest := body
	for rest != "" {
		j := strings.IndexByte(rest, '<')
		text := rest
		if j >= 0 {
			text = rest[:j]
		}
		lang := stack[len(stack)-1]
		for _, word := range strings.FieldsFunc(rendertest.HTMLText(text), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("()（）,，.。;；:：、", r)
		}) {
			identifier := strings.ContainsAny(word, "/-0123456789") && strings.ToLower(word) != word
			for _, r := range word {
				var want string
				switch {
				case unicode.Is(unicode.Han, r):
					want = "zh"
				case identifier:
					continue
				case r >= 0x1EA0 && r <= 0x1EF9, r == 'ơ', r == 'ư', r == 'Ơ', r == 'Ư', r == 'đ', r == 'Đ':
					want = "vi"
				case strings.ContainsRune("ěščřžůťďňĚŠČŘŽŮŤĎŇ", r) && strings.HasPrefix(lang, "zh"):
					want = "cs"
				default:
					continue
				}
				if !strings.HasPrefix(lang, want) {
					t.Fatalf("%q (%s) in an element of language %s:\n%s", r, want, lang, text)
				}
			}
		}
		if j < 0 {
			break
		}
		k := strings.IndexByte(rest[j:], '>')
		require.GreaterOrEqual(t, k, 0)
		tag := rest[j : j+k+1]
		rest = rest[j+k+1:]
		name := strings.Trim(strings.Fields(tag)[0], "</>")
		switch {
		case name == "hr" || name == "meta":
		case strings.HasPrefix(tag, "</"):
			stack = stack[:len(stack)-1]
		default:
			l := stack[len(stack)-1]
			if lm := regexp.MustCompile(` lang="([^"]+)"`).FindStringSubmatch(tag); lm != nil && name != "article" {
				assert.NotEqual(t, l, lm[1], "a span in the language around it: %s", tag)
				l = lm[1]
			}
			stack = append(stack, l)
		}
	}
}

// TestStyleSheets: every style a layout names has its sheet, with its A4
// page and its fonts; no sheet can end the style element; StyleSheet
// holds them all.
func TestStyleSheets(t *testing.T) {
	all := i18n.StyleSheet()
	assert.NotContains(t, all, "<", "a style sheet cannot hold <, which could end the style element")
	for _, k := range i18n.Kinds() {
		for _, loc := range i18n.Locales() {
			tm := i18n.DefaultTemplates().Template(k, loc)
			require.NotNil(t, tm)
			style := tm.Style()
			assert.Contains(t, all, "@page "+style+" { size: A4;", "%s %s", k, loc)
		}
	}
	// The margins and type the formats prescribe.
	assert.Contains(t, all, "@page decree30 { size: A4; margin: 20mm 15mm 20mm 30mm; }", "Decree 30/2020 Annex I: 20-25 mm top and bottom, 30-35 left, 15-20 right")
	assert.Contains(t, all, "@page gbt9704 { size: A4; margin: 37mm 26mm 35mm 28mm; }", "GB/T 9704: 天头 37 mm, 订口 28 mm, type area 156 x 225 mm")
	assert.Contains(t, all, `"Times New Roman"`)
	assert.Contains(t, all, `FangSong, "仿宋"`)
	assert.Contains(t, all, `"小标宋"`)
	assert.Equal(t, 210-28-26, 156, "GB/T 9704 type area width")
	assert.Equal(t, 297-37-35, 225, "GB/T 9704 type area height")
	var tm *i18n.Template
	assert.Empty(t, tm.Style())
}

// TestTextForms: a name in its own language with its forms in others.
func TestTextForms(t *testing.T) {
	orig := i18n.LitIn(i18n.VI, "Sở Y tế")
	named := orig.With(i18n.EN, "Department of Health").With(i18n.ZhHans, "卫生厅")
	assert.Equal(t, i18n.VI, named.Lang())
	assert.Equal(t, "Sở Y tế", named.String())
	for loc, want := range map[i18n.Locale]string{i18n.VI: "Sở Y tế", i18n.EN: "Department of Health", i18n.ZhHans: "卫生厅", i18n.CS: "Sở Y tế"} {
		assert.Equal(t, want, named.In(i18n.NewLocalizer(loc)), loc)
	}
	assert.Equal(t, "Sở Y tế", orig.In(i18n.NewLocalizer(i18n.EN)), "With does not change the Text it is called on")
	assert.Equal(t, "Sở Y tế", named.With(i18n.EN, "").In(i18n.NewLocalizer(i18n.EN)), "an empty form removes the form")
	again := named.With(i18n.EN, "Health Department")
	assert.Equal(t, "Department of Health", named.In(i18n.NewLocalizer(i18n.EN)), "a copy's form does not leak into the original")
	assert.Equal(t, "Health Department", again.In(i18n.NewLocalizer(i18n.EN)))
	// A message can be given whole in a locale too.
	title := i18n.DeputyDirector().With(i18n.CS, "zástupkyně ředitele")
	assert.Equal(t, "zástupkyně ředitele", title.In(i18n.NewLocalizer(i18n.CS)))
	assert.Equal(t, "Phó Giám đốc", title.In(i18n.NewLocalizer(i18n.VI)))
	assert.Equal(t, i18n.Locale(""), title.Lang())
	assert.True(t, i18n.Text{}.With(i18n.EN, "").IsZero())
	assert.False(t, i18n.Text{}.With(i18n.EN, "x").IsZero())

	// A bad language or a bad form is an error naming the field.
	d := sampleHoliday()
	d.Issuer = i18n.LitIn("not a tag!", "Sở Y tế")
	assertRule(t, d.Validate(), "Issuer", "lang")
	d.Issuer = i18n.LitIn(i18n.VI, "Sở Y tế").With(i18n.EN, "Department\nof Health")
	assertRule(t, d.Validate(), "Issuer@en", "text")
	d.Issuer = i18n.LitIn(i18n.VI, "Sở Y tế").With("EN_us", "Department of Health")
	assertRule(t, d.Validate(), "Issuer", "lang")
}

func assertRule(t *testing.T, err error, path, rule string) {
	t.Helper()
	var ne *i18n.NoticeError
	require.ErrorAs(t, err, &ne)
	for _, f := range ne.Fields {
		if f.Path == path && f.Rule == rule {
			for _, loc := range i18n.Locales() {
				msg := i18n.NewLocalizer(loc).Format(f.Message)
				assert.NotContains(t, msg, "%!", loc)
				assert.Contains(t, msg, path, loc)
			}
			return
		}
	}
	t.Fatalf("no %s error for %s in %v", rule, path, err)
}

// TestSpanMarkersCannotBeForged: the characters that mark text in
// another language are refused in notice data, and replaced where they
// reach the renderer in a message argument it cannot check, so no span
// can be forged.
func TestSpanMarkersCannotBeForged(t *testing.T) {
	forged := "\ufdd0en\ufdd1x\ufdd2"
	d := sampleHoliday()
	d.Tasks = []i18n.Text{i18n.Lit(forged)}
	assertRule(t, d.Validate(), "Tasks[0]", "text")
	d = sampleHoliday()
	d.Issuer = i18n.LitIn(i18n.VI, "Sở Y tế").With(i18n.EN, forged)
	assertRule(t, d.Validate(), "Issuer@en", "text")
	d = sampleHoliday()
	d.Basis = i18n.HolidayBasis(i18n.Lit("A"), forged, medsec.NewDate(2026, 2, 3), i18n.Lit("B"))
	assertRule(t, d.Validate(), "Basis", "text")

	mt := medsec.MessageTemplate{Key: "test.loud", Format: "%v"}
	d = sampleHoliday()
	d.Tasks = []i18n.Text{i18n.Msg(mt.New(loud(forged)))}
	for _, f := range []i18n.Format{i18n.HTML, i18n.HTMLFragment} {
		out, err := i18n.Render(d, i18n.CS, f)
		require.NoError(t, err)
		assert.NotContains(t, out, `<span lang="en">`)
		assert.NotContains(t, out, "\ufdd0")
	}
	_, err := i18n.ParseTemplate(i18n.KindHoliday, "line \ufdd0en\ufdd1x\ufdd2")
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
}

// TestSignerGender: the data says the signer's gender, and Czech titles
// agree with it; the title can also be given whole.
func TestSignerGender(t *testing.T) {
	cs := i18n.NewLocalizer(i18n.CS)
	title := func(d i18n.HolidayDispatch) string {
		out, err := i18n.DefaultTemplates().Render(cs, d, i18n.PlainText)
		require.NoError(t, err)
		return out
	}
	d := sampleHoliday()
	d.Signer.Gender = i18n.Feminine
	assert.Contains(t, title(d), "\nnáměstkyně ředitele\n")
	d.Signer.Gender = i18n.Masculine
	assert.Contains(t, title(d), "\nnáměstek ředitele\n")
	d.Signer.Gender = 0
	assert.Contains(t, title(d), "\nnáměstek ředitele\n", "not stated: the default form")
	d.Signer.Gender = i18n.Feminine
	d.Signer.Authority = i18n.SignActing
	assert.Contains(t, title(d), "\npověřená výkonem funkce ředitele\n")
	d.Signer.Title = i18n.DeputyDirector().With(i18n.CS, "zástupkyně ředitele")
	assert.Contains(t, title(d), "\nzástupkyně ředitele\n", "a title given whole")
	// Languages whose titles do not agree print the same for both.
	for _, loc := range []i18n.Locale{i18n.EN, i18n.VI, i18n.ZhHans} {
		l := i18n.NewLocalizer(loc)
		d := sampleHoliday()
		d.Signer.Gender = i18n.Feminine
		f, err := i18n.DefaultTemplates().Render(l, d, i18n.PlainText)
		require.NoError(t, err)
		d.Signer.Gender = i18n.Masculine
		m, err := i18n.DefaultTemplates().Render(l, d, i18n.PlainText)
		require.NoError(t, err)
		assert.Equal(t, m, f, loc)
	}
	d.Signer.Gender = 3
	assertRule(t, d.Validate(), "Signer.Gender", "required")
	var g i18n.Gender
	require.NoError(t, g.UnmarshalText([]byte("feminine")))
	assert.Equal(t, i18n.Feminine, g)
	b, err := i18n.Masculine.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "masculine", string(b))
}

// TestDraft: a draft leaves the number and the day and month blank, as
// seed 001 does ("Số:   /SYT-VP", "ngày   tháng   năm 2022").
func TestDraft(t *testing.T) {
	const blank = "\u00a0\u00a0\u00a0\u00a0\u00a0"
	d := sampleDraft()
	out, err := i18n.Render(d, i18n.VI, i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, out, "Số: "+blank+"/SYT-VP")
	assert.Contains(t, out, "Thanh Hóa, ngày "+blank+" tháng "+blank+" năm 2022")
	zh, err := i18n.Render(d, i18n.ZhHans, i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, zh, "2022年"+blank+"月"+blank+"日")
	d.Date.Month = 5
	out, err = i18n.Render(d, i18n.VI, i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, out, "ngày "+blank+" tháng 5 năm 2022", "a draft may know its month")
	for _, c := range []struct {
		name string
		set  func(*i18n.HolidayDispatch)
		path string
		rule string
	}{
		{"a draft has no number yet", func(d *i18n.HolidayDispatch) { d.Number = 3 }, "Number", "draft"},
		{"a draft needs its year", func(d *i18n.HolidayDispatch) { d.Date = medsec.Date{} }, "Date", "required"},
		{"a day needs its month", func(d *i18n.HolidayDispatch) { d.Date = medsec.Date{Year: 2022, Day: 3} }, "Date", "required"},
		{"a day that does not exist", func(d *i18n.HolidayDispatch) { d.Date = medsec.Date{Year: 2022, Month: 2, Day: 30} }, "Date", "required"},
		{"not a draft: the number", func(d *i18n.HolidayDispatch) { d.Draft = false }, "Number", "required"},
		{"not a draft: the whole date", func(d *i18n.HolidayDispatch) { d.Draft, d.Number = false, 2 }, "Date", "required"},
	} {
		d := sampleDraft()
		c.set(&d)
		assertRule(t, d.Validate(), c.path, c.rule)
	}
	r := sampleIncident(i18n.VNInitialReport)
	r.Draft, r.Number, r.Date = true, 0, medsec.Date{Year: 2026}
	out, err = i18n.Render(r, i18n.VI, i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, out, "Số: "+blank+"/BC-BVĐK")
}

// TestSeedCircular: the circular reproduces seed 002's 通知 as issued:
// document number, title, the complete main addressees, the body, the
// signatures, the date and the note, in Simplified and in Traditional
// characters.
func TestSeedCircular(t *testing.T) {
	c := sampleCircular(i18n.ZhHans)
	hans, err := i18n.Render(c, i18n.ZhHans, i18n.PlainText)
	require.NoError(t, err)
	for _, want := range []string{
		"国家卫生健康委员会", "国家中医药管理局    文件", "国家疾病预防控制局",
		"国卫规划发〔2022〕29号",
		"关于印发医疗卫生机构\u200b网络安全管理办法的通知",
		"\n各省、自治区、直辖市及新疆生产建设兵团卫生健康委、中医药局，国家卫生健康委机关各司局、委直属和联系单位、中国老龄协会，国家中医药局、国家疾控局机关各司局、各直属单位：\n",
		"\n为指导医疗卫生机构加强网络安全管理，国家卫生健康委、国家中医药局、国家疾控局制定了《医疗卫生机构网络安全管理办法》。现印发给你们，请认真贯彻执行。\n",
		"国家卫生健康委　国家中医药局　国家疾控局",
		"2022年8月8日",
		"\n（信息公开形式：主动公开）\n",
	} {
		assert.Contains(t, hans, want)
	}
	assert.NotContains(t, hans, "附件", "the Measures the notice issues are not an attachment")
	hant, err := i18n.Render(c, i18n.ZhHant, i18n.PlainText)
	require.NoError(t, err)
	for _, want := range []string{"國衛規劃發〔2022〕29號", "國家衛生健康委機關各司局、委直屬和聯繫單位、中國老齡協會", "現印發給你們，請認真貫徹執行。"} {
		assert.Contains(t, hant, want)
	}
	// The order of GB/T 9704: the number in the head, before the title.
	assert.Less(t, strings.Index(hans, "29号"), strings.Index(hans, "的通知"))
}

// TestGBT9704Record: the 版记 has a thick line above and below, and a thin
// one between the copies and the printing line; with one of them missing,
// the lines merge into the thick one.
func TestGBT9704Record(t *testing.T) {
	full := sampleCircularFull()
	out, err := i18n.Render(full, i18n.ZhHans, i18n.PlainText)
	require.NoError(t, err)
	thick, thin := strings.Repeat("=", 56), strings.Repeat("-", 56)
	assert.Contains(t, out, "\n"+thick+"\n抄送：省委网信办，省公安厅。\n"+thin+"\n某省卫生健康委员会办公室")
	assert.True(t, strings.HasSuffix(out, "2026年2月6日印发\n"+thick+"\n"), out)
	hr := regexp.MustCompile(`<hr[^>]*>`)
	html, err := i18n.Render(full, i18n.ZhHans, i18n.HTMLFragment)
	require.NoError(t, err)
	assert.Equal(t, []string{`<hr class="red">`, `<hr class="thick">`, `<hr class="thin">`, `<hr class="thick">`}, hr.FindAllString(html, -1))

	noCopies := sampleCircularFull()
	noCopies.CopiesTo = nil
	html, err = i18n.Render(noCopies, i18n.ZhHans, i18n.HTMLFragment)
	require.NoError(t, err)
	assert.Equal(t, []string{`<hr class="red">`, `<hr class="thick">`, `<hr class="thick">`}, hr.FindAllString(html, -1))
	noPrint := sampleCircularFull()
	noPrint.PrintedBy, noPrint.Printed = i18n.Text{}, medsec.Date{}
	html, err = i18n.Render(noPrint, i18n.ZhHans, i18n.HTMLFragment)
	require.NoError(t, err)
	assert.Equal(t, []string{`<hr class="red">`, `<hr class="thick">`, `<hr class="thick">`}, hr.FindAllString(html, -1))
	none := sampleCircular(i18n.ZhHans)
	html, err = i18n.Render(none, i18n.ZhHans, i18n.HTMLFragment)
	require.NoError(t, err)
	assert.Equal(t, []string{`<hr class="red">`}, hr.FindAllString(html, -1), "no record without copies or printing office")
	// The printing office and date go together.
	half := sampleCircular(i18n.ZhHans)
	half.PrintedBy = i18n.LitIn(i18n.ZhHans, "国家卫生健康委办公厅")
	assertRule(t, half.Validate(), "Printed", "required")
	half = sampleCircular(i18n.ZhHans)
	half.Printed = medsec.NewDate(2022, 8, 9)
	assertRule(t, half.Validate(), "PrintedBy", "required")
}

// TestDecree30Columns: the Vietnamese head and foot are two columns; plain
// text sets them side by side, the number on the line of the place and
// date, "Nơi nhận" on the line of the signing authority.
func TestDecree30Columns(t *testing.T) {
	out, err := i18n.Render(sampleHoliday(), i18n.VI, i18n.PlainText)
	require.NoError(t, err)
	lines := strings.Split(out, "\n")
	row := func(left, right string) {
		t.Helper()
		for _, l := range lines {
			if strings.Contains(l, left) && strings.Contains(l, right) && strings.Index(l, left) < strings.Index(l, right) {
				return
			}
		}
		t.Fatalf("no line with %q left of %q:\n%s", left, right, out)
	}
	row("UBND TỈNH THANH HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	row("SỞ Y TẾ", "Độc lập - Tự do - Hạnh phúc")
	row("Số: 15/SYT-VP", "Thanh Hóa, ngày 09 tháng 02 năm 2026")
	row("Nơi nhận:", "KT. GIÁM ĐỐC")
	row("- Như trên;", "PHÓ GIÁM ĐỐC")
	// The rule under the motto is as long as the motto, centred under it.
	for i, l := range lines {
		if strings.Contains(l, "Độc lập - Tự do - Hạnh phúc") {
			motto := strings.Index(l, "Độc")
			under := lines[i+1]
			dash := strings.Index(under, "-------")
			assert.Equal(t, len([]rune(l[:motto])), len([]rune(under[:dash])), "the rule starts under the motto")
			assert.Equal(t, len([]rune("Độc lập - Tự do - Hạnh phúc")), strings.Count(under[dash:], "-"))
		}
	}
	html, err := i18n.Render(sampleHoliday(), i18n.VI, i18n.HTMLFragment)
	require.NoError(t, err)
	for _, want := range []string{
		`<div class="header">`, `<div class="cols">`, `<span class="rule-short">SỞ Y TẾ</span>`,
		`<p class="head motto"><strong><span class="rule-under">Độc lập - Tự do - Hạnh phúc</span></strong></p>`,
		`<p class="place-date"><em>Thanh Hóa, ngày 09 tháng 02 năm 2026</em></p>`,
		`<p class="to">Kính gửi: Thủ trưởng các đơn vị y tế trong ngành.</p>`,
		`<p class="label"><strong><em>Nơi nhận:</em></strong></p>`,
		`<div class="space"></div>`,
	} {
		assert.Contains(t, html, want)
	}
}

// TestTemplateSyntax: the new directives are checked when parsing, and
// each mistake is an error that names its line.
func TestTemplateSyntax(t *testing.T) {
	bad := map[string]string{
		"unknown style":         "style fancy\nline x",
		"style after a block":   "line x\nstyle letter",
		"doctitle twice":        "doctitle a\ndoctitle b\nline x",
		"empty doctitle":        "doctitle\nline x",
		"end alone":             "line x\nend",
		"begin not closed":      "begin a\nline x",
		"columns not closed":    "columns\ncell\nline x",
		"cell outside columns":  "cell\nline x",
		"block before cell":     "columns\nline x\nend",
		"columns in columns":    "columns\ncell\ncolumns\nend\nend",
		"rule under at start":   "rule under\nline x",
		"rule under a list":     "list Tasks\nrule short",
		"two rules under":       "line x\nrule under\nrule short",
		"unknown rule":          "line x\nrule dotted",
		"bad class":             "line.Big x",
		"class on blank":        "blank.x",
		"cell with condition":   "columns\ncell?Subject\nend",
		"cell alignment":        "columns\ncell middle\nend",
		"begin without name":    "begin\nend",
		"mast of a line field":  "mast Subject",
		"list with a suffix":    "list Tasks more",
		"split without a bar":   "split a b",
		"space with text":       "space x",
		"deeply nested":         strings.Repeat("begin a\n", 9) + "line x" + strings.Repeat("\nend", 9),
		"reserved characters":   "line a\ufdd1b",
		"columns with text":     "columns x\nend",
		"cell with a list name": "columns\ncell Tasks\nend",
	}
	for name, src := range bad {
		_, err := i18n.ParseTemplate(i18n.KindHoliday, src)
		if assert.ErrorIs(t, err, medsec.ErrInvalidData, name) {
			assert.Contains(t, err.Error(), "line", name)
		}
	}
	good := "style gbt9704\ndoctitle {Subject}\nbegin marks\nend\nmast Mark 文件\ncenter {NumberSymbol}\nrule red\n" +
		"columns\ncell center\nhead.motto x\nrule under\ncell\nlabel y\nbullets Distribution\nend\n" +
		"begin?CopiesLine record\nrule thick\nline 抄送：{CopiesLine}。\nrule thin\nsplit {Issuer} | {Date}印发\nrule thick\nend\nspace\n"
	tm, err := i18n.ParseTemplate(i18n.KindHoliday, good)
	require.NoError(t, err)
	assert.Equal(t, "gbt9704", tm.Style())
	plain, err := i18n.ParseTemplate(i18n.KindHoliday, "line x")
	require.NoError(t, err)
	assert.Equal(t, "letter", plain.Style(), "the style of a layout that names none")
}

// TestDisplayWidth: plain text lines up columns by the columns a
// character takes in a fixed-width font.
func TestDisplayWidth(t *testing.T) {
	ts := i18n.DefaultTemplates()
	for _, c := range []struct {
		text string
		cols int
	}{
		{"ab", 2}, {"Độc", 3}, {"Đo\u0302\u0323c", 3}, {"卫生厅", 6}, {"（1）", 5}, {"ｱ", 1}, {"a\u200bb", 2}, {"😀", 2},
	} {
		tm, err := i18n.ParseTemplate(i18n.KindHoliday, "columns\ncell right\nline "+c.text+"\ncell\nline |\nend")
		require.NoError(t, err)
		out, err := ts.With(i18n.VI, tm).Render(i18n.NewLocalizer(i18n.VI), sampleHoliday(), i18n.PlainText)
		require.NoError(t, err)
		// The left column is 28 wide; the right cell starts 2 further.
		assert.Equal(t, 28+2, len([]rune(strings.TrimRight(out, "\n")))-len([]rune(c.text))+c.cols-1,
			"%q: %q", c.text, out)
	}
}

// TestAnnouncementLayout: the Czech announcement reads as seed 000: the
// section, the ministry, the headline naming the ministry, the committee
// named before its short name, "V Praze dne 17. 3. 2020", and the help
// catalogue as a news item of its own, dated, after the announcement.
func TestAnnouncementLayout(t *testing.T) {
	out, err := i18n.Render(sampleAnnouncement(), i18n.CS, i18n.PlainText)
	require.NoError(t, err)
	order := []string{
		"Kybernetická bezpečnost\nMinisterstvo zdravotnictví\n",
		"Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví zahájil činnost",
		"V reakci na kybernetický útok na Fakultní nemocnici Brno",
		"Dne 15. 3. 2020 byl v rámci Národního centra pro elektronizaci zdravotnictví založen Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví (Akční výbor KB).",
		"Hovoru se zúčastnilo přes padesát odborníků",
		"Práce akčního výboru bude pokračovat",
		"Ministerstvo touto cestou děkuje všem",
		"V Praze dne 17. 3. 2020\n",
		"Aktuality\n",
		"- Katalog pomoci v kybernetické bezpečnosti pro poskytovatele zdravotních služeb (20. 3. 2020): Informace o nabídce služeb",
	}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		require.Greater(t, i, last, "%q out of order or missing in\n%s", s, out)
		last = i
	}
	// In English the names have their English forms; the place is Prague.
	en, err := i18n.Render(sampleAnnouncement(), i18n.EN, i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, en, "Prague, 17 March 2020")
	assert.Contains(t, en, "within the National Centre for the Digitalisation of Healthcare (NCEZ)")
	assert.NotContains(t, en, "V Praze")
	assert.NotContains(t, en, "Národního")
	// In Vietnamese the paragraphs are the Czech originals, marked.
	vi, err := i18n.Render(sampleAnnouncement(), i18n.VI, i18n.HTMLFragment)
	require.NoError(t, err)
	assert.Contains(t, vi, `<p class="para"><span lang="cs">V reakci na kybernetický útok`)
	assert.Contains(t, vi, "Praha, ngày 17 tháng 3 năm 2020")
}

func sampleDraft() i18n.HolidayDispatch { return sample.HolidayDraft() }

func sampleCircularFull() i18n.Circular { return sample.CircularFull() }
