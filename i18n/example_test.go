package i18n_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

func ExampleMatch() {
	for _, accept := range []string{"zh-TW,zh;q=0.9,en;q=0.5", "zh-CN", "cs-CZ", "vi-VN", "fr-FR"} {
		loc, _, conf := i18n.Match(accept)
		fmt.Println(accept, "→", loc, conf)
	}
	// Output:
	// zh-TW,zh;q=0.9,en;q=0.5 → zh-Hant Exact
	// zh-CN → zh-Hans Exact
	// cs-CZ → cs Exact
	// vi-VN → vi Exact
	// fr-FR → en No
}

func ExampleLocalizer_Format() {
	m := medsec.Verified.Message()
	for _, loc := range i18n.Locales() {
		fmt.Println(loc, i18n.NewLocalizer(loc).Format(m))
	}
	// Output:
	// en verified
	// cs ověřeno
	// vi đã xác minh
	// zh-Hans 已核实
	// zh-Hant 已核實
}

// Czech has four plural forms; a translation file gives each. Numbers
// are grouped with a no-break space.
func ExampleCatalog_Extend() {
	hours := medsec.MessageTemplate{Key: "app.hours", Format: "%d hours"}
	c, err := i18n.DefaultCatalog().Extend(i18n.CS, strings.NewReader(
		`{"app.hours": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cs := c.Localizer(i18n.CS)
	fmt.Println(cs.Format(hours.New(1)), "|", cs.Format(hours.New(2)), "|", cs.Format(hours.New(5)), "|", cs.Format(hours.New(1500)))
	// Output: 1 hodina | 2 hodiny | 5 hodin | 1 500 hodin
}

func ExampleLocalizer_Date() {
	for _, d := range []medsec.Date{medsec.NewDate(2026, 1, 5), medsec.NewDate(2026, 3, 15)} {
		fmt.Println(i18n.NewLocalizer(i18n.VI).Date(d))
	}
	fmt.Println(i18n.NewLocalizer(i18n.ZhHans).Date(medsec.NewDate(2022, 8, 8)))
	fmt.Println(i18n.NewLocalizer(i18n.EN).Date(medsec.NewDate(2026, 11, 22)))
	fmt.Println(i18n.NewLocalizer(i18n.CS).PlaceDate("V Praze", medsec.NewDate(2020, 3, 17)))
	// Output:
	// ngày 05 tháng 01 năm 2026
	// ngày 15 tháng 3 năm 2026
	// 2022年8月8日
	// 22 November 2026
	// V Praze dne 17. 3. 2020
}

// A Vietnamese dispatch in the form of Decree 30/2020: the head in two
// columns (the bodies, the number and the summary on the left; the
// national title, the motto and the place and date on the right), which
// plain text sets side by side.
func ExampleRender() {
	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 15, "SYT-VP", "Thanh Hóa",
		medsec.NewDate(2026, 2, 9),
		i18n.HolidayBasis(i18n.LitIn(i18n.VI, "Sở Y tế"), "1234/UBND-CNTT", medsec.NewDate(2026, 2, 3), i18n.LitIn(i18n.VI, "UBND tỉnh Thanh Hóa")),
		i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: i18n.LitIn(i18n.VI, "Lê Thị Minh Anh")})
	out, err := i18n.Render(d, i18n.VI, i18n.PlainText)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(out, "\n")[:7] {
		fmt.Println("|" + line)
	}
	// Output:
	// |    UBND TỈNH THANH HÓA           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	// |          SỞ Y TẾ                    Độc lập - Tự do - Hạnh phúc
	// |            ---                      ---------------------------
	// |       Số: 15/SYT-VP             Thanh Hóa, ngày 09 tháng 02 năm 2026
	// |V/v tăng cường bảo đảm an toàn thông tin mạng trong các dịp nghỉ lễ
	// |
	// |Kính gửi: Thủ trưởng các đơn vị y tế trong ngành.
}

// A draft leaves the number and the day and month blank, to be filled in
// when the document is issued, as the Thanh Hóa dispatch of 2022 was
// published.
func ExampleRender_draft() {
	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 0, "SYT-VP", "Thanh Hóa",
		medsec.Date{Year: 2022},
		i18n.Lit("Sở Y tế nhận được công văn số 5373/UBND-CNTT ngày 20/4/2022 của UBND tỉnh …"),
		i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: i18n.LitIn(i18n.VI, "Nguyễn Bá Cẩn")})
	d.Draft = true
	d.Tasks = []i18n.Text{i18n.Lit("…")}
	out, err := i18n.Render(d, i18n.VI, i18n.PlainText)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Số:") {
			fmt.Println(strings.Join(strings.Fields(strings.ReplaceAll(line, "\u00a0", "_")), " "))
		}
	}
	// Output:
	// Số: _____/SYT-VP Thanh Hóa, ngày _____ tháng _____ năm 2022
}

// Names are given in their own language, with the forms other languages
// use. A locale without a form prints the original; in HTML it is marked
// with its language, so that the reader's browser sets it in the right
// type.
func ExampleText_With() {
	issuer := i18n.LitIn(i18n.VI, "Sở Y tế").
		With(i18n.EN, "Thanh Hóa Department of Health").
		With(i18n.ZhHans, "清化省卫生厅")
	for _, loc := range []i18n.Locale{i18n.VI, i18n.EN, i18n.ZhHans, i18n.CS} {
		fmt.Println(loc, issuer.In(i18n.NewLocalizer(loc)))
	}
	d := sampleHoliday()
	d.Issuer = issuer
	out, err := i18n.Render(d, i18n.CS, i18n.HTMLFragment)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Sở Y tế") {
			fmt.Println(line)
			break
		}
	}
	// Output:
	// vi Sở Y tế
	// en Thanh Hóa Department of Health
	// zh-Hans 清化省卫生厅
	// cs Sở Y tế
	// <p class="head"><strong><span lang="vi">Sở Y tế</span></strong></p>
}

// HTML is a standalone document, ready to print: doctype, language,
// charset, title and the style sheet of the notice's official format.
func ExampleRender_hTML() {
	out, err := i18n.Render(sampleCircular(i18n.EN), i18n.EN, i18n.HTML)
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(out, "\n")
	fmt.Println(strings.Join(lines[:6], "\n"))
	for _, line := range lines {
		if strings.HasPrefix(line, "@page") || strings.HasPrefix(line, "<article") {
			fmt.Println(line)
		}
	}
	// Output:
	// <!DOCTYPE html>
	// <html lang="en">
	// <head>
	// <meta charset="utf-8">
	// <meta name="viewport" content="width=device-width, initial-scale=1">
	// <title>Notice on Issuing the Measures for the Network Security Management of Medical and Health Institutions</title>
	// @page gbt9704 { size: A4; margin: 37mm 26mm 35mm 28mm; }
	// <article class="medsec-notice medsec-circular medsec-gbt9704" lang="en">
}

// The report's facts say which rules bind: NIS2's deadlines bind
// significant incidents of essential and important entities.
func ExampleDeadlines() {
	r := i18n.IncidentReport{
		Stage:    i18n.NIS2EarlyWarning,
		Detected: time.Date(2026, 11, 20, 22, 40, 0, 0, time.FixedZone("CET", 3600)),
		Facts:    medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"},
	}
	cs := i18n.NewLocalizer(i18n.CS)
	for _, d := range i18n.Deadlines(r) {
		fmt.Println(cs.Format(d.Step), "–", cs.Time(d.Due), "–", d.Citation)
	}
	// Output: včasné varování do 24 hodin – 21. 11. 2026 22:40 (UTC+01:00) – EU-NIS2 art. 23(4)(a)
}

func ExampleRender_missingFields() {
	_, err := i18n.Render(i18n.IncidentReport{Stage: i18n.CNReport, Entity: i18n.LitIn(i18n.ZhHans, "某医院")}, i18n.ZhHans, i18n.HTML)
	fmt.Println(err)
	// Output: i18n: cn-report notice: fill in the required fields Detected, Contact.Name, Contact.Phone, System, Category, Description, Severity, Mitigation, Operator
}

// Before the incident notification is submitted, the NIS2 final report's
// month runs from detection, the earliest moment a notification could
// exist, so the deadline shown is never later than the legal one.
func ExampleDeadlines_finalReport() {
	cet := time.FixedZone("CET", 3600)
	r := i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, cet),
		Facts: medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "important"}}
	en := i18n.NewLocalizer(i18n.EN)
	for _, d := range i18n.Deadlines(r) {
		fmt.Println(en.Format(d.Step), "–", en.Time(d.Due))
		fmt.Println(en.Format(d.Note))
	}
	r.Notified = time.Date(2026, 3, 12, 15, 0, 0, 0, cet)
	for _, d := range i18n.Deadlines(r) {
		fmt.Println(en.Format(d.Step), "–", en.Time(d.Due), d.Note.IsZero())
	}
	// Output:
	// final report within 1 month of the incident notification – 10 April 2026 23:59 (UTC+01:00)
	// (counted from detection, because the notification has not been submitted yet: the earliest moment a notification could exist, so this deadline is never later than the legal one)
	// final report within 1 month of the incident notification – 12 April 2026 23:59 (UTC+01:00) true
}

// A locale is data: a file that states the locale's conventions and its
// translations. Catalog.Check then lists what the new locale still lacks;
// until then those messages render in English.
func ExampleCatalog_AddLocale() {
	f, err := os.Open("testdata/locales/de.json") // German, with a few translations
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	c, err := i18n.DefaultCatalog().AddLocale(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	de := c.Localizer("de")
	fmt.Println(c.LocaleName("de"), "|", de.PlaceDate("Berlin", medsec.NewDate(2026, 11, 22)), "|", de.Number(1234567))
	fmt.Println(de.Format(medsec.CZ.Message()), "|", de.Format(medsec.Partial.Message()))
	missing := 0
	for _, p := range c.Check(medsec.MessageTemplates()) {
		if p.Locale == "de" && p.Kind == i18n.Missing {
			missing++
		}
	}
	fmt.Println(missing > 0, "keys of package medsec still to translate")
	// Output:
	// Deutsch | Berlin, 22. November 2026 | 1.234.567
	// Tschechien | teilweise geprüft
	// true keys of package medsec still to translate
}

// A pack of a jurisdiction medsec does not know (the invented Ruritania of
// the test pack) brings its incident rules and, in messages/, their
// translations. CatalogFor and TemplatesFor take them from the registry;
// the layout of the pack's report kind is the user's own.
func ExampleTemplatesFor() {
	pack, err := medsec.LoadPack(os.DirFS("../testdata/packs/xa"))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := medsec.DefaultRegistry().With(pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	cat, err := i18n.CatalogFor(reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	layout, err := i18n.ParseTemplate("xa-incident-report",
		"title Hlášení incidentu\nkv {@i18n.notice.incident.entity} | {Entity}\nem {@i18n.notice.incident.deadlines}\nbullets Deadlines\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := i18n.TemplatesFor(reg).With(i18n.CS, layout)
	report := i18n.IncidentReport{
		Stage:    "xa-incident-report",
		Entity:   i18n.LitIn(i18n.CS, "Fakultní nemocnice Strelsau"),
		Detected: time.Date(2026, 11, 20, 22, 40, 0, 0, time.FixedZone("CET", 3600)),
		Contact:  i18n.Contact{Name: i18n.Lit("Jana Nováková"), Email: "cert@example.xa"},
		Facts:    medsec.IncidentFacts{Marks: []string{"significant"}},
	}
	out, err := ts.Render(cat.Localizer(i18n.CS), report, i18n.PlainText)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out)
	// Output:
	// Hlášení incidentu
	//
	// Subjekt: Fakultní nemocnice Strelsau
	// Zákonné lhůty:
	// - hlášení zdravotnickému CERT do 48 hodin: nejpozději 22. 11. 2026 22:40 (UTC+01:00) (čl. 9 ruritánského zákona o bezpečnosti nemocnic)
}

// DeadlinesFor reads the incident rules of a registry: here the NIS2 rules
// of the embedded law, which bind significant incidents of essential and
// important entities from the day member states apply the directive.
func ExampleDeadlinesFor() {
	cet := time.FixedZone("CET", 3600)
	r := i18n.IncidentReport{
		Stage:    i18n.NIS2Notification,
		Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, cet),
		Facts:    medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "important"},
	}
	en := i18n.NewLocalizer(i18n.EN)
	for _, d := range i18n.DeadlinesFor(medsec.DefaultRegistry(), r) {
		fmt.Println(d.Rule, "|", en.Format(d.Step), "|", en.Time(d.Due), "|", d.Citation)
	}
	r.Detected = time.Date(2024, 10, 17, 9, 0, 0, 0, cet)
	fmt.Println(len(i18n.DeadlinesFor(medsec.DefaultRegistry(), r)), "deadlines the day before NIS2 applies")
	// Output:
	// EU-NIS2-NOTIFICATION-72H | incident notification within 72 hours | 13 March 2026 09:00 (UTC+01:00) | EU-NIS2 art. 23(4)(b)
	// 0 deadlines the day before NIS2 applies
}

// The reporting task of a Vietnamese holiday dispatch names the bodies in
// charge on the dispatch's date, as the incident rules in force that day
// state them.
func ExampleHolidayTasks() {
	vi := i18n.NewLocalizer(i18n.VI)
	for _, d := range []medsec.Date{medsec.NewDate(2024, 4, 25), medsec.NewDate(2026, 2, 9)} {
		fmt.Println(d, i18n.HolidayTasks(d)[2].In(vi))
	}
	// Output:
	// 2024-04-25 Khi phát hiện dấu hiệu bị tấn công mạng, thông báo ngay về Sở Thông tin và Truyền thông để phối hợp với Cục An toàn thông tin, Bộ Thông tin và Truyền thông xử lý kịp thời, giảm thiểu thiệt hại.
	// 2026-02-09 Khi phát hiện dấu hiệu bị tấn công mạng, thông báo ngay về Công an tỉnh để phối hợp với Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an xử lý kịp thời, giảm thiểu thiệt hại.
}

// Localizer.Citation prints a citation in the reader's language and the
// numbering style of its instrument.
func ExampleLocalizer_Citation() {
	c := medsec.Cite("EU-NIS2", "21", "2", "d")
	for _, loc := range []i18n.Locale{i18n.EN, i18n.CS, i18n.VI, i18n.ZhHans} {
		fmt.Println(i18n.NewLocalizer(loc).Citation(c))
	}
	fmt.Println(i18n.NewLocalizer(i18n.CS).Citation(medsec.Cite("CZ-ZKB-264-2025", "8", "1")))
	fmt.Println(i18n.NewLocalizer(i18n.ZhHans).Citation(medsec.Cite("CN-CSL-2016", "21")))
	// Output:
	// NIS2 Directive art. 21(2)(d)
	// čl. 21 odst. 2 písm. d) směrnice NIS2
	// điểm d khoản 2 Điều 21 Chỉ thị NIS2
	// 欧盟《NIS2指令》第21条第2款(d)项
	// § 8 odst. 1 zákona č. 264/2025 Sb.
	// 《网络安全法》第二十一条
}
