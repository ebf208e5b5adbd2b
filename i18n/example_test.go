package i18n_test

import (
	"fmt"
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

func ExampleRender() {
	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 15, "SYT-VP", "Thanh Hóa",
		medsec.NewDate(2026, 2, 9),
		i18n.HolidayBasis("Sở Y tế", "1234/UBND-CNTT", medsec.NewDate(2026, 2, 3), "UBND tỉnh Thanh Hóa"),
		i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: "Lê Thị Minh Anh"})
	out, err := i18n.Render(d, i18n.VI, i18n.PlainText)
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(out, "\n")
	fmt.Println(strings.Join(lines[:10], "\n"))
	// Output:
	// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	// Độc lập - Tự do - Hạnh phúc
	//
	// UBND TỈNH THANH HÓA
	// SỞ Y TẾ
	//
	// Số: 15/SYT-VP
	// V/v tăng cường bảo đảm an toàn thông tin mạng trong các dịp nghỉ lễ
	//
	// Thanh Hóa, ngày 09 tháng 02 năm 2026
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
	_, err := i18n.Render(i18n.IncidentReport{Stage: i18n.CNReport, Entity: "某医院"}, i18n.ZhHans, i18n.HTML)
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
