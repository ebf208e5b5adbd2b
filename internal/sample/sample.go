// Package sample holds the example notice data that the notice program
// and the tests of package i18n share. The texts are written for medsec,
// except where a function says it reproduces one of the seed documents
// (shared/seeds): the Czech announcement of March 2020 (seed 000), the
// Thanh Hóa holiday dispatch of 2022 (seed 001) and the circular
// 国卫规划发〔2022〕29号 (seed 002). Names are given in their own language
// with their forms in the other locales where there is an established or
// a plain descriptive one; where there is none, the original prints,
// marked with its language.
package sample

import (
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// The bodies and places of Thanh Hóa, with their names in each locale.
// The Chinese names are the usual renderings (清化 for Thanh Hóa, 人民委员会
// for Ủy ban nhân dân, 卫生厅 for a provincial Sở Y tế); the English and
// Czech ones are descriptive translations.
var (
	thanhHoaCommittee = i18n.LitIn(i18n.VI, "UBND tỉnh Thanh Hóa").
				With(i18n.EN, "Thanh Hóa Provincial People's Committee").
				With(i18n.CS, "Lidový výbor provincie Thanh Hóa").
				With(i18n.ZhHans, "清化省人民委员会").
				With(i18n.ZhHant, "清化省人民委員會")
	thanhHoaHealth = i18n.LitIn(i18n.VI, "Sở Y tế").
			With(i18n.EN, "Thanh Hóa Department of Health").
			With(i18n.CS, "Odbor zdravotnictví provincie Thanh Hóa").
			With(i18n.ZhHans, "清化省卫生厅").
			With(i18n.ZhHant, "清化省衛生廳")
	thanhHoa = i18n.LitIn(i18n.VI, "Thanh Hóa").
			With(i18n.ZhHans, "清化").
			With(i18n.ZhHant, "清化")
)

// Holiday is a provincial Department of Health's dispatch dated date: the
// standard subject, tasks, addressees and copies of NewHolidayDispatch, a
// basis letter of six days earlier, and the two contacts of the 2022
// Thanh Hóa dispatch (seed 001), with the numbers printed there; whether
// they still apply after the 2025 reorganisation is not verified. The
// signer is a woman, so Czech titles her "náměstkyně ředitele".
func Holiday(date medsec.Date) i18n.HolidayDispatch {
	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 15, "SYT-VP", "Thanh Hóa", date,
		i18n.HolidayBasis(thanhHoaHealth, "1234/UBND-CNTT", date.AddDays(-6), thanhHoaCommittee),
		i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(),
			Name:   i18n.LitIn(i18n.VI, "Lê Thị Minh Anh").With(i18n.ZhHans, "黎氏明英").With(i18n.ZhHant, "黎氏明英"),
			Gender: i18n.Feminine})
	d.Parent, d.Issuer, d.Place = thanhHoaCommittee, thanhHoaHealth, thanhHoa
	d.Archive = d.Archive.
		With(i18n.EN, "clerical office (VT), secretariat (VP)").
		With(i18n.CS, "podatelna (VT), sekretariát (VP)")
	d.Contacts = []i18n.Contact{
		{Name: i18n.LitIn(i18n.VI, "Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)").
			With(i18n.EN, "Vietnam Cybersecurity Emergency Response Teams/Coordination Center (VNCERT/CC)").
			With(i18n.ZhHans, "越南网络空间紧急应对中心（VNCERT/CC）").
			With(i18n.ZhHant, "越南網路空間緊急應變中心（VNCERT/CC）"),
			Phone: "024.3640.4421, 86.9100.317", Email: "ir@vncert.vn"},
		{Name: i18n.LitIn(i18n.VI, "Trung tâm CNTT và Truyền thông tỉnh (cơ quan thường trực của Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh)"),
			Phone: "(0237)3718.699", Email: "ungcuusuco@thanhhoa.gov.vn"},
	}
	return d
}

// HolidayDraft reproduces the Thanh Hóa dispatch of 2022 (seed 001) as it
// was published: a draft, its number and its day and month left blank
// ("Số:      /SYT-VP", "Thanh Hóa, ngày      tháng      năm 2022"), with
// the seed's subject, addressee, basis, four tasks (the contacts inline in
// the fourth, as issued), copies and signer. Its texts are Vietnamese
// only, so other locales print them as they are, marked as Vietnamese.
// The stray "/" that ends the fourth task in the seed is left out.
func HolidayDraft() i18n.HolidayDispatch {
	vi := func(s string) i18n.Text { return i18n.LitIn(i18n.VI, s) }
	return i18n.HolidayDispatch{
		Parent: vi("UBND tỉnh Thanh Hóa"), Issuer: vi("Sở Y tế"),
		Symbol: "SYT-VP", Place: vi("Thanh Hóa"), Date: medsec.Date{Year: 2022}, Draft: true,
		Subject:    vi("tăng cường đảm bảo an toàn thông tin mạng trong các dịp nghỉ lễ"),
		Recipients: []i18n.Text{vi("Thủ trưởng các đơn vị y tế trong ngành")},
		Basis: vi("Sở Y tế nhận được công văn số 5373/UBND-CNTT ngày 20/4/2022 của UBND tỉnh về việc tăng cường đảm bảo an toàn thông tin mạng trong các dịp nghỉ lễ; " +
			"nhằm tăng cường bảo đảm an toàn thông tin mạng, không để bị động, bất ngờ với mọi tình huống gây mất an toàn thông tin mạng, " +
			"Giám đốc Sở Y tế đề nghị các đơn vị trong ngành thực hiện tốt một số nhiệm vụ sau:"),
		Tasks: []i18n.Text{
			vi("Thủ trưởng các đơn vị chỉ đạo cán bộ kỹ thuật chủ động rà soát các điểm yếu, lỗ hổng trên hệ các hệ thống thông tin thuộc phạm vi quản lý của đơn vị mình; " +
				"triển khai các giải pháp phòng ngừa và khắc phục triệt để các lỗ hổng, điểm yếu đã được Cục An toàn thông tin, Bộ Thông tin và Truyền thông và " +
				"Trung tâm CNTT và Truyền thông, Sở Thông tin và Truyền thông cảnh báo."),
			vi("Tăng cường theo dõi, giám sát, chủ động phát hiện sớm các nguy cơ, dấu hiệu tấn công mạng, kịp thời xử lý các vấn đề phát sinh. " +
				"Cử cán bộ kỹ thuật trực giám sát, hỗ trợ, ứng cứu và khắc phục sự cố an toàn thông tin mạng 24/7 trong các dịp nghỉ lễ."),
			vi("Khi phát hiện có dấu hiệu bị tấn công mạng, thông báo về Sở Thông tin và Truyền thông để phối hợp với Cục An toàn thông tin, " +
				"Bộ Thông tin và Truyền thông có biện pháp xử lý kịp thời, giảm thiểu thiệt hại."),
			vi("Thường xuyên cập nhật thông tin cảnh báo, khuyến nghị về an toàn, an ninh mạng được Trung tâm CNTT và Truyền thông, Cục An toàn thông tin chia sẻ. " +
				"Trong quá trình thực hiện, nếu cần thiết các đơn vị có thể liên hệ với (1) Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC), " +
				"điện thoại 024.3640.4421, 86.9100.317, email: ir@vncert.vn; (2) Trung tâm CNTT và Truyền thông tỉnh (cơ quan thường trực của Đội ứng cứu sự cố " +
				"an toàn thông tin mạng của tỉnh), điện thoại: (0237)3718.699, email: ungcuusuco@thanhhoa.gov.vn để được phối hợp, hỗ trợ."),
		},
		Signer:  i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: vi("Nguyễn Bá Cẩn")},
		Archive: vi("VT, VP"),
	}
}

// The organs that issued 国卫规划发〔2022〕29号: their short names as they
// sign, and their full names, in Simplified and Traditional characters
// and in English (the names the organs use in English).
var (
	nhc = i18n.LitIn(i18n.ZhHans, "国家卫生健康委").With(i18n.ZhHant, "國家衛生健康委").
		With(i18n.EN, "National Health Commission")
	natcm = i18n.LitIn(i18n.ZhHans, "国家中医药局").With(i18n.ZhHant, "國家中醫藥局").
		With(i18n.EN, "National Administration of Traditional Chinese Medicine")
	ndcpa = i18n.LitIn(i18n.ZhHans, "国家疾控局").With(i18n.ZhHant, "國家疾控局").
		With(i18n.EN, "National Disease Control and Prevention Administration")
	nhcFull = i18n.LitIn(i18n.ZhHans, "国家卫生健康委员会").With(i18n.ZhHant, "國家衛生健康委員會").
		With(i18n.EN, "National Health Commission")
	natcmFull = i18n.LitIn(i18n.ZhHans, "国家中医药管理局").With(i18n.ZhHant, "國家中醫藥管理局").
			With(i18n.EN, "National Administration of Traditional Chinese Medicine")
	ndcpaFull = i18n.LitIn(i18n.ZhHans, "国家疾病预防控制局").With(i18n.ZhHant, "國家疾病預防控制局").
			With(i18n.EN, "National Disease Control and Prevention Administration")
)

// Circular reproduces the circular that issued CN-NHC-2022-29 (seed 002):
// its number, title, complete addressees, body and date as issued, in
// Simplified characters with the Traditional ones for zh-Hant, and the
// title and body in English for en. The published text has no 版头 or
// 版记: the organs' mark is given in the joint form GB/T 9704-2012
// prescribes, with their full names and 文件; the copies and the printing
// office and date are unknown and left out. The notice issues the
// Measures, which are therefore not an attachment. A zero-width space in
// the title marks where GB/T 9704 lets its two lines break, between
// words.
func Circular() i18n.Circular {
	zh := func(hans, hant string) i18n.Text { return i18n.LitIn(i18n.ZhHans, hans).With(i18n.ZhHant, hant) }
	return i18n.Circular{
		Mark:       []i18n.Text{nhcFull, natcmFull, ndcpaFull},
		MarkSuffix: zh("文件", "文件"),
		Issuers:    []i18n.Text{nhc, natcm, ndcpa},
		Code:       zh("国卫规划发", "國衛規劃發"),
		Year:       2022,
		Number:     29,
		Title: zh("关于印发医疗卫生机构\u200b网络安全管理办法的通知", "關於印發醫療衛生機構\u200b網絡安全管理辦法的通知").
			With(i18n.EN, "Notice on Issuing the Measures for the Network Security Management of Medical and Health Institutions"),
		Addressees: []i18n.Text{
			zh("各省、自治区、直辖市及新疆生产建设兵团卫生健康委、中医药局", "各省、自治區、直轄市及新疆生產建設兵團衛生健康委、中醫藥局"),
			zh("国家卫生健康委机关各司局、委直属和联系单位、中国老龄协会", "國家衛生健康委機關各司局、委直屬和聯繫單位、中國老齡協會"),
			zh("国家中医药局、国家疾控局机关各司局、各直属单位", "國家中醫藥局、國家疾控局機關各司局、各直屬單位"),
		},
		Body: []i18n.Text{
			zh("为指导医疗卫生机构加强网络安全管理，国家卫生健康委、国家中医药局、国家疾控局制定了《医疗卫生机构网络安全管理办法》。现印发给你们，请认真贯彻执行。",
				"為指導醫療衛生機構加強網絡安全管理，國家衛生健康委、國家中醫藥局、國家疾控局制定了《醫療衛生機構網絡安全管理辦法》。現印發給你們，請認真貫徹執行。").
				With(i18n.EN, "To guide medical and health institutions in strengthening their network security management, the National Health Commission, "+
					"the National Administration of Traditional Chinese Medicine and the National Disease Control and Prevention Administration have drawn up "+
					"the Measures for the Network Security Management of Medical and Health Institutions. They are hereby issued to you; please implement them conscientiously."),
		},
		Date:       medsec.NewDate(2022, time.August, 8),
		Disclosure: i18n.DisclosePublic,
	}
}

// CircularFull is a circular with every part GB/T 9704-2012 knows: the
// copy number, the urgency, a single organ's mark with 文件, an attachment,
// the copies and the printing office and date. The province, the organ,
// the number and the text are invented for the example ("某省", "some
// province"); the text is Chinese only.
func CircularFull() i18n.Circular {
	zh := func(s string) i18n.Text { return i18n.LitIn(i18n.ZhHans, s) }
	return i18n.Circular{
		CopyNumber: "000018",
		Urgency:    zh("加急"),
		Mark:       []i18n.Text{zh("某省卫生健康委员会")},
		MarkSuffix: zh("文件"),
		Issuers:    []i18n.Text{zh("某省卫生健康委员会")},
		Code:       zh("某卫办发"),
		Year:       2026,
		Number:     3,
		Title:      zh("关于做好2026年春节期间\u200b网络安全工作的通知"),
		Addressees: []i18n.Text{zh("各市（州）卫生健康委"), zh("委直属各单位")},
		Body: []i18n.Text{
			zh("春节假期临近，为保障节日期间医疗卫生机构网络和数据安全，现就有关工作通知如下。"),
			zh("各单位要在节前完成一次网络安全自查，重点检查互联网出口、远程运维通道和核心业务系统的补丁更新情况，发现问题立即整改。"),
			zh("节日期间实行7×24小时网络安全值守，值班人员名单于2月10日前报我委规划信息处。发生网络安全事件的，按规定及时报告。"),
		},
		Attachment: zh("网络安全值守联系表"),
		Date:       medsec.NewDate(2026, time.February, 6),
		Disclosure: i18n.DiscloseOnRequest,
		CopiesTo:   []i18n.Text{zh("省委网信办"), zh("省公安厅")},
		PrintedBy:  zh("某省卫生健康委员会办公室"),
		Printed:    medsec.NewDate(2026, time.February, 6),
	}
}

// Announcement reproduces the Czech Ministry of Health's announcement of
// 17 March 2020 (seed 000): its section, headline, the four paragraphs of
// the seed (the second one split around the founding sentence the layout
// writes, which names the committee in full and then by its short name),
// "V Praze dne 17. 3. 2020", and the help catalogue as a separate news
// item of 20 March 2020. The sentence of the seed's second paragraph that
// founds the committee is the layout's founding sentence; the purpose it
// states opens the paragraph after it. The seed's last paragraph also names the
// committee's coordinator with his personal e-mail; the example keeps only
// the committee's address. The paragraphs are in Czech with English
// versions; names have forms in every locale.
func Announcement() i18n.Announcement {
	cs := func(s, en string) i18n.Text { return i18n.LitIn(i18n.CS, s).With(i18n.EN, en) }
	return i18n.Announcement{
		Section: cs("Kybernetická bezpečnost", "Cybersecurity").
			With(i18n.VI, "An ninh mạng").With(i18n.ZhHans, "网络安全").With(i18n.ZhHant, "資訊安全"),
		Organization: cs("Ministerstvo zdravotnictví", "Ministry of Health of the Czech Republic").
			With(i18n.VI, "Bộ Y tế Cộng hòa Séc").With(i18n.ZhHans, "捷克卫生部").With(i18n.ZhHant, "捷克衛生部"),
		Title: cs("Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví zahájil činnost",
			"The Ministry of Health's Cybersecurity Action Committee has started work"),
		Background: []i18n.Text{
			cs("V reakci na kybernetický útok na Fakultní nemocnici Brno se zvedla vlna solidarity mezi českými společnostmi působícími v oblasti informačních technologií a kybernetické bezpečnosti. "+
				"České firmy i jednotlivci již od pátečního rána nabízeli bezplatnou pomoc jak při odstraňování následků kybernetického útoku na brněnskou fakultní nemocnici, "+
				"tak pomoc při ochraně ostatních zdravotnických zařízení před podobnými typy útoků. Ty se totiž množí nejen v České republice, kde byla před nedávnem obdobně napadena "+
				"například Nemocnice Rudolfa a Stefanie Benešov, ale i ve světě, kde je možné jako příklad uvést ministerstvo zdravotnictví Spojených států amerických, "+
				"kde došlo v minulých dnech k zákeřnému útoku pokoušejícímu se šířit dezinformace o průběhu pandemie COVID-19.",
				"After the cyberattack on the Brno University Hospital, a wave of solidarity rose among Czech information technology and cybersecurity companies. "+
					"Since Friday morning, Czech firms and individuals have offered free help both to remedy the consequences of the attack on the Brno hospital "+
					"and to protect other healthcare facilities against similar attacks, which are multiplying not only in the Czech Republic, where the Rudolf and Stefanie "+
					"Hospital in Benešov was attacked in a similar way not long ago, but also abroad: in recent days the United States Department of Health, for example, "+
					"suffered an insidious attack that tried to spread disinformation about the course of the COVID-19 pandemic."),
			cs("Ministerstvo zdravotnictví tuto iniciativu přivítalo a velmi si váží nesobeckého, proaktivního přístupu společností i jednotlivců, kteří nabízejí svou pomoc.",
				"The Ministry of Health welcomed this initiative and greatly values the selfless, proactive approach of the companies and individuals who offer their help."),
		},
		Committee: cs("Akční výbor kybernetické bezpečnosti Ministerstva zdravotnictví", "Ministry of Health's Cybersecurity Action Committee").
			With(i18n.VI, "Ủy ban hành động an ninh mạng của Bộ Y tế").
			With(i18n.ZhHans, "卫生部网络安全行动委员会").With(i18n.ZhHant, "衛生部資安行動委員會"),
		ShortName: i18n.LitIn(i18n.CS, "Akční výbor KB"),
		Within: i18n.LitIn(i18n.CS, "Národní centrum pro elektronizaci zdravotnictví (NCEZ)").
			With(i18n.CS, "Národního centra pro elektronizaci zdravotnictví").
			With(i18n.EN, "National Centre for the Digitalisation of Healthcare (NCEZ)"),
		Founded: medsec.NewDate(2020, time.March, 15),
		Progress: []i18n.Text{
			cs("Výbor tyto aktivity koordinuje, aby se nabízená pomoc dostala do těch organizací českého zdravotnictví, které ji potřebují nejvíce. "+
				"V pondělí proběhl první konferenční hovor s dodavateli nabízejícími svou nezištnou pomoc. Hovoru se zúčastnilo přes padesát odborníků z celé České republiky, "+
				"byly nastaveny základní rámce pro rychlou koordinaci nabízené pomoci a její zprostředkování zdravotnickým zařízením.",
				"The committee coordinates these activities so that the help offered reaches the organisations of Czech healthcare that need it most. "+
					"On Monday the first conference call with the suppliers offering their unselfish help took place. More than fifty experts from all over the Czech Republic "+
					"took part; the call set the basic framework for coordinating the help offered quickly and passing it on to healthcare facilities."),
			cs("Práce akčního výboru bude pokračovat kontaktováním poskytovatelů zdravotních služeb, se kterými budou diskutovány oblasti, kde bude nabízená pomoc v současné době nejúčinnější.",
				"The committee will continue by contacting healthcare providers, to discuss with them where the help offered will be most effective at present."),
		},
		CallForHelp: cs("Ministerstvo touto cestou děkuje všem, kdo se do této dobrovolné aktivity směřující k podpoře českého zdravotnictví v této těžké době přihlásili. "+
			"V případě, že by měl kdokoliv další zájem zapojit se do práce Akčního výboru KB, může se obrátit na e-mail kb@mzcr.cz.",
			"The Ministry thanks everyone who has joined this voluntary effort to support Czech healthcare in these difficult times. "+
				"Anyone else who wishes to take part in the work of the Akční výbor KB can write to kb@mzcr.cz."),
		Place: i18n.LitIn(i18n.CS, "Praha").With(i18n.CS, "V Praze").With(i18n.EN, "Prague").With(i18n.VI, "Praha").
			With(i18n.ZhHans, "布拉格").With(i18n.ZhHant, "布拉格"),
		Date: medsec.NewDate(2020, time.March, 17),
		News: []i18n.NewsItem{{
			Title: cs("Katalog pomoci v kybernetické bezpečnosti pro poskytovatele zdravotních služeb", "Cybersecurity help catalogue for healthcare providers"),
			Date:  medsec.NewDate(2020, time.March, 20),
			Summary: cs("Informace o nabídce služeb v oblasti KB v rámci dobrovolné pomoci nemocnicím",
				"The services in cybersecurity that volunteers offer to hospitals"),
		}},
	}
}

// Incident is an incident report at the given stage: a Czech hospital's
// ransomware incident for the NIS2 stages (a significant incident of an
// essential entity), a Vietnamese and a Chinese hospital's for their own
// reports (the Chinese one graded relatively major). The Vietnamese report
// is an administrative document with the parts of Decree 30/2020.
func Incident(stage i18n.IncidentStage) i18n.IncidentReport {
	cs := func(s string) i18n.Text { return i18n.LitIn(i18n.CS, s) }
	cet := time.FixedZone("CET", 3600)
	r := i18n.IncidentReport{
		Stage:    stage,
		Entity:   cs("Fakultní nemocnice Ukázková"),
		Address:  cs("Ukázková 1, 100 00 Praha 10"),
		System:   cs("Nemocniční informační systém"),
		Detected: time.Date(2026, time.November, 20, 22, 40, 0, 0, cet),
		Contact:  i18n.Contact{Name: cs("Jana Nováková"), Title: cs("manažerka kybernetické bezpečnosti"), Phone: "+420 200 000 000", Email: "security@example.cz"},
		To:       cs("NÚKIB"),

		Category:    cs("ransomware"),
		Description: cs("Zašifrované servery laboratorního systému; výkupné požadováno v poznámce README."),
		Severity:    cs("Omezení laboratorního provozu na 12 hodin; data pacientů nebyla prokazatelně vynesena."),
		Suspicion:   i18n.SuspectedYes,
		CrossBorder: cs("Není známo."),
		Indicators:  cs("IP 203.0.113.7; soubor lock.exe"),
		RootCause:   cs("Zneužitý účet dodavatele pro vzdálený přístup."),
		Mitigation:  cs("Odpojení segmentu, obnova ze záloh, zrušení účtu dodavatele."),
		Notified:    time.Date(2026, time.November, 22, 9, 0, 0, 0, time.UTC),
		Facts:       medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"},
	}
	switch stage {
	case i18n.VNInitialReport:
		vi := func(s string) i18n.Text { return i18n.LitIn(i18n.VI, s) }
		ict := time.FixedZone("ICT", 7*3600)
		health := vi("Sở Y tế tỉnh Thanh Hóa").With(i18n.EN, "Thanh Hóa Department of Health").
			With(i18n.CS, "Odbor zdravotnictví provincie Thanh Hóa").
			With(i18n.ZhHans, "清化省卫生厅").With(i18n.ZhHant, "清化省衛生廳")
		r.Entity = vi("Bệnh viện Đa khoa Mẫu")
		r.Parent = health
		r.Owner = health
		r.Address = vi("01 Đường Mẫu, Thanh Hóa")
		r.System = vi("Hệ thống thông tin bệnh viện (HIS)")
		r.Detected = time.Date(2026, time.February, 14, 8, 5, 0, 0, ict)
		r.Contact = i18n.Contact{Name: vi("Trần Văn Bình"), Title: vi("Trưởng phòng CNTT"), Phone: "0237.3000.001", Email: "cntt@example.vn"}
		r.To = vi("Công an tỉnh Thanh Hóa").With(i18n.EN, "Thanh Hóa Provincial Police").
			With(i18n.CS, "Policie provincie Thanh Hóa").
			With(i18n.ZhHans, "清化省公安厅").With(i18n.ZhHant, "清化省公安廳")
		r.Category = vi("Mã độc tống tiền")
		r.Description = vi("Máy chủ HIS bị mã hóa dữ liệu.")
		r.Severity = vi("Ngừng tiếp đón bệnh nhân qua HIS khoảng 4 giờ.")
		r.Provider = vi("VNPT Thanh Hóa")
		r.Mitigation = vi("Cô lập máy chủ, chuyển sang quy trình giấy.")
		r.Helpers = vi("Chưa có.")
		r.Result = vi("Đã khôi phục một phần từ bản sao lưu.")
		r.Recommend = vi("Đề nghị hỗ trợ phân tích mã độc.")
		r.Number, r.Symbol = 7, "BC-BVĐK"
		r.Place = thanhHoa
		r.Date = medsec.NewDate(2026, time.February, 14)
		r.Signer = i18n.Signer{Authority: i18n.SignOwn,
			Title: vi("Giám đốc").With(i18n.EN, "Director").With(i18n.CS, "ředitel").
				With(i18n.ZhHans, "院长").With(i18n.ZhHant, "院長"),
			Name: vi("Phạm Văn Hùng"), Gender: i18n.Masculine}
		r.CopiesTo = []i18n.Text{health.With(i18n.VI, "Sở Y tế tỉnh Thanh Hóa (để b/c)")}
		r.Archive = vi("VT, CNTT")
		r.Facts = medsec.IncidentFacts{}
	case i18n.CNReport:
		zh := func(hans, hant string) i18n.Text { return i18n.LitIn(i18n.ZhHans, hans).With(i18n.ZhHant, hant) }
		cst := time.FixedZone("CST", 8*3600)
		r.Entity = zh("某市第一人民医院", "某市第一人民醫院")
		r.Address = zh("某市示例路1号", "某市示例路1號")
		r.System = zh("医院信息系统（HIS）", "醫院資訊系統（HIS）")
		r.Detected = time.Date(2026, time.October, 1, 23, 30, 0, 0, cst)
		r.Contact = i18n.Contact{Name: zh("王伟", "王偉"), Title: zh("信息科科长", "信息科科長"), Phone: "010-0000-0000"}
		r.To = zh("省委网信办", "省委網信辦")
		r.Category = zh("勒索病毒", "勒索病毒")
		r.Description = zh("核心数据库服务器被加密。", "核心資料庫伺服器被加密。")
		r.Severity = zh("较大；门诊挂号中断约2小时。", "較大；門診掛號中斷約2小時。")
		r.Mitigation = zh("隔离受感染服务器，启用备份系统。", "隔離受感染伺服器，啟用備份系統。")
		r.Operator = i18n.CNOtherOperator
		r.Facts = medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}
	}
	return r
}
