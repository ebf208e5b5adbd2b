// Package sample holds the example notice data that the notice program
// and the tests of package i18n share. The texts are written for medsec;
// facts such as the VNCERT/CC contact numbers come from the seeds.
package sample

import (
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// Holiday is a provincial Department of Health's dispatch dated date: the
// standard subject, tasks, addressees and copies of NewHolidayDispatch, a
// basis letter of six days earlier, and two contacts. The VNCERT/CC
// numbers are those printed in the 2022 Thanh Hóa dispatch (shared/seeds);
// whether they still apply after the 2025 reorganisation is not verified.
func Holiday(date medsec.Date) i18n.HolidayDispatch {
	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 15, "SYT-VP", "Thanh Hóa", date,
		i18n.HolidayBasis("Sở Y tế", "1234/UBND-CNTT", date.AddDays(-6), "UBND tỉnh Thanh Hóa"),
		i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: "Lê Thị Minh Anh"})
	d.Contacts = []i18n.Contact{
		{Name: i18n.Lit("Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)"), Phone: "024.3640.4421", Email: "ir@vncert.vn"},
		{Name: i18n.Lit("Phòng Công nghệ thông tin, Sở Y tế"), Phone: "0237.3000.000"},
	}
	return d
}

// Circular is the circular that issued CN-NHC-2022-29, in Traditional
// characters for zh-Hant and Simplified otherwise.
func Circular(loc i18n.Locale) i18n.Circular {
	c := i18n.Circular{
		Issuers:    []string{"国家卫生健康委", "国家中医药局", "国家疾控局"},
		Code:       "国卫规划发",
		Year:       2022,
		Number:     29,
		Title:      i18n.Lit("关于印发医疗卫生机构网络安全管理办法的通知"),
		Addressees: []string{"各省、自治区、直辖市及新疆生产建设兵团卫生健康委、中医药局", "国家卫生健康委机关各司局"},
		Body: []i18n.Text{
			i18n.Lit("国家卫生健康委、国家中医药局、国家疾控局制定了《医疗卫生机构网络安全管理办法》，以指导医疗卫生机构做好网络安全管理工作。"),
			i18n.Lit("现将该办法印发给你们，请认真贯彻落实。"),
		},
		Attachment: i18n.Lit("医疗卫生机构网络安全管理办法"),
		Date:       medsec.NewDate(2022, time.August, 8),
		Disclosure: i18n.DisclosePublic,
	}
	if loc == i18n.ZhHant {
		c.Issuers = []string{"國家衛生健康委", "國家中醫藥局", "國家疾控局"}
		c.Code = "國衛規劃發"
		c.Title = i18n.Lit("關於印發醫療衛生機構網絡安全管理辦法的通知")
		c.Addressees = []string{"各省、自治區、直轄市及新疆生產建設兵團衛生健康委、中醫藥局", "國家衛生健康委機關各司局"}
		c.Body = []i18n.Text{
			i18n.Lit("國家衛生健康委、國家中醫藥局、國家疾控局制定了《醫療衛生機構網絡安全管理辦法》，以指導醫療衛生機構做好網絡安全管理工作。"),
			i18n.Lit("現將該辦法印發給你們，請認真貫徹落實。"),
		}
		c.Attachment = i18n.Lit("醫療衛生機構網絡安全管理辦法")
	}
	return c
}

// Announcement is a Czech ministry announcement of a committee and its
// help catalogue, modelled on the 2020 announcement in shared/seeds.
func Announcement() i18n.Announcement {
	return i18n.Announcement{
		Organization: "Ministerstvo zdravotnictví",
		Title:        i18n.Lit("Akční výbor kybernetické bezpečnosti zahájil činnost"),
		Committee:    "Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví",
		Within:       "Národního centra pro elektronizaci zdravotnictví",
		Founded:      medsec.NewDate(2020, time.March, 15),
		Background: []i18n.Text{
			i18n.Lit("Po útoku na jednu z fakultních nemocnic nabídly české firmy a odborníci bezplatnou pomoc nemocnicím."),
			i18n.Lit("Výbor tuto pomoc koordinuje, aby se dostala tam, kde je jí nejvíce třeba."),
		},
		CallForHelp: i18n.Lit("Kdo se chce do práce výboru zapojit, napište nám."),
		Contacts:    []i18n.Contact{{Name: i18n.Lit("Akční výbor KB"), Email: "kb@mzcr.cz"}},
		Services: []i18n.Service{
			{Name: i18n.Lit("Prověrka zranitelností perimetru"), Provider: "Příklad Security s.r.o.", Description: i18n.Lit("bezplatně do 30. 6. 2020")},
			{Name: i18n.Lit("Konzultace k zálohování"), Provider: "Ukázka IT a.s."},
		},
		Place: "V Praze",
		Date:  medsec.NewDate(2020, time.March, 17),
	}
}

// Incident is an incident report at the given stage: a Czech hospital's
// ransomware incident for the NIS2 stages (a significant incident of an
// essential entity), a Vietnamese and a Chinese hospital's for their own
// reports (the Chinese one graded relatively major).
func Incident(stage i18n.IncidentStage) i18n.IncidentReport {
	cet := time.FixedZone("CET", 3600)
	r := i18n.IncidentReport{
		Stage:    stage,
		Entity:   "Fakultní nemocnice Ukázková",
		Address:  "Ukázková 1, 100 00 Praha 10",
		System:   "Nemocniční informační systém",
		Detected: time.Date(2026, time.November, 20, 22, 40, 0, 0, cet),
		Contact:  i18n.Contact{Name: i18n.Lit("Jana Nováková"), Title: i18n.Lit("manažerka kybernetické bezpečnosti"), Phone: "+420 200 000 000", Email: "security@example.cz"},
		To:       "NÚKIB",

		Category:    i18n.Lit("ransomware"),
		Description: i18n.Lit("Zašifrované servery laboratorního systému; výkupné požadováno v poznámce README."),
		Severity:    i18n.Lit("Omezení laboratorního provozu na 12 hodin; data pacientů nebyla prokazatelně vynesena."),
		Suspicion:   i18n.SuspectedYes,
		CrossBorder: i18n.Lit("Není známo."),
		Indicators:  i18n.Lit("IP 203.0.113.7; soubor lock.exe"),
		RootCause:   i18n.Lit("Zneužitý účet dodavatele pro vzdálený přístup."),
		Mitigation:  i18n.Lit("Odpojení segmentu, obnova ze záloh, zrušení účtu dodavatele."),
		Notified:    time.Date(2026, time.November, 22, 9, 0, 0, 0, time.UTC),
		Facts:       medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"},
	}
	switch stage {
	case i18n.VNInitialReport:
		ict := time.FixedZone("ICT", 7*3600)
		r.Entity = "Bệnh viện Đa khoa Mẫu"
		r.Owner = "Sở Y tế tỉnh Thanh Hóa"
		r.Address = "01 Đường Mẫu, Thanh Hóa"
		r.System = "Hệ thống thông tin bệnh viện (HIS)"
		r.Detected = time.Date(2026, time.February, 14, 8, 5, 0, 0, ict)
		r.Contact = i18n.Contact{Name: i18n.Lit("Trần Văn Bình"), Title: i18n.Lit("Trưởng phòng CNTT"), Phone: "0237.3000.001", Email: "cntt@example.vn"}
		r.To = "Công an tỉnh Thanh Hóa"
		r.Category = i18n.Lit("Mã độc tống tiền")
		r.Description = i18n.Lit("Máy chủ HIS bị mã hóa dữ liệu.")
		r.Severity = i18n.Lit("Ngừng tiếp đón bệnh nhân qua HIS khoảng 4 giờ.")
		r.Provider = i18n.Lit("VNPT Thanh Hóa")
		r.Mitigation = i18n.Lit("Cô lập máy chủ, chuyển sang quy trình giấy.")
		r.Helpers = i18n.Lit("Chưa có.")
		r.Result = i18n.Lit("Đã khôi phục một phần từ bản sao lưu.")
		r.Recommend = i18n.Lit("Đề nghị hỗ trợ phân tích mã độc.")
		r.Facts = medsec.IncidentFacts{}
	case i18n.CNReport:
		cst := time.FixedZone("CST", 8*3600)
		r.Entity = "某市第一人民医院"
		r.Address = "某市示例路1号"
		r.System = "医院信息系统（HIS）"
		r.Detected = time.Date(2026, time.October, 1, 23, 30, 0, 0, cst)
		r.Contact = i18n.Contact{Name: i18n.Lit("王伟"), Title: i18n.Lit("信息科科长"), Phone: "010-0000-0000"}
		r.To = "省委网信办"
		r.Category = i18n.Lit("勒索病毒")
		r.Description = i18n.Lit("核心数据库服务器被加密。")
		r.Severity = i18n.Lit("较大；门诊挂号中断约2小时。")
		r.Mitigation = i18n.Lit("隔离受感染服务器，启用备份系统。")
		r.Operator = i18n.CNOtherOperator
		r.Facts = medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}
	}
	return r
}
