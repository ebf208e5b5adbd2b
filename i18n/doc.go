// Package i18n renders medsec's output in the languages of the people who
// read it — English, Simplified and Traditional Chinese, Vietnamese and
// Czech — and lays out the notices that health departments issue in each
// country's official format.
//
// # Locales
//
// A [Locale] is one of [EN], [ZhHans], [ZhHant], [VI] and [CS]. [Match]
// negotiates one from an HTTP Accept-Language value, [MatchTags] from
// parsed language tags; both return the locale, the tag that matched and
// the confidence of the match, and fall back to English for anything
// unknown:
//
//	loc, tag, conf := i18n.Match("zh-TW,zh;q=0.9") // ZhHant, zh-TW, language.Exact
//
// zh-CN and zh-SG choose Simplified Chinese; zh-TW, zh-HK and zh-MO choose
// Traditional Chinese.
//
// # Messages
//
// Domain packages return [medsec.Message] values: a key, the English
// format and arguments. A [Localizer] renders them in one locale:
//
//	l := i18n.NewLocalizer(i18n.CS)
//	fmt.Println(l.Format(m))
//
// Translations live in a [Catalog]. [DefaultCatalog] holds the embedded
// translation files (data/locales/<locale>.json), one per locale, loaded
// strictly on first use. Each maps a message key to a format string, or to
// plural forms chosen by one argument with the CLDR rules of
// golang.org/x/text/feature/plural:
//
//	"app.hours": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}
//
// Formats are compiled once at load time, so [Localizer.Format] never
// re-parses them. [Catalog.Extend] returns a catalog with your own
// messages added or medsec's wording replaced, for any locale including
// English. A message whose key is not in the catalog falls back to its
// English Format; the package's tests fail if any medsec key does so, or if
// a translation has placeholders that differ from the English ones
// (see [Catalog.Check]).
//
// Arguments are formatted per locale: %d groups digits ("1 234" in Czech,
// "1.234" in Vietnamese), floats use the locale's decimal separator, %q
// uses the locale's quotation marks, a [medsec.Date] prints in official
// style and a nested Message is translated recursively.
//
// # Dates
//
// [Localizer.Date] prints a date as the country's official documents do:
// "22 November 2026", "2026年11月22日", "ngày 05 tháng 01 năm 2026" (Decree
// 30/2020 pads days below 10 and the months January and February with a
// zero) and "22. 11. 2026". [Localizer.PlaceDate] prints the place-and-date
// line of a letter, such as "Thanh Hóa, ngày 15 tháng 3 năm 2026" or
// "V Praze dne 17. 3. 2020".
//
// # Notices
//
// [Render] lays out an official notice from typed data — a
// [HolidayDispatch], a [Circular], an [Announcement] or an
// [IncidentReport] — in one locale and one [Format] ([PlainText],
// [Markdown] or [HTML]):
//
//	d := i18n.NewHolidayDispatch("UBND tỉnh Thanh Hóa", "Sở Y tế", 15, "SYT-VP", "Thanh Hóa",
//		medsec.NewDate(2026, 2, 9), basis, signer)
//	out, err := i18n.Render(d, i18n.VI, i18n.PlainText) // "Số: 15/SYT-VP", "KT. GIÁM ĐỐC", ...
//
// Free text in notice data is a [Text]: [Lit] for text already in the
// reader's language, [Msg] for a message that is translated. The standard
// content of a holiday dispatch ([HolidaySubject], [HolidayBasis],
// [HolidayTasks], [Director], [DeputyDirector]) is made of messages, so one
// dispatch renders in all five locales; [HolidayTasks] names the reporting
// bodies in charge on the dispatch's date (the Ministry of Public Security
// and the provincial police from [ChangeOfAuthority], 1 March 2025).
//
// Layouts are embedded template files in a small line-oriented
// syntax (see [ParseTemplate]), parsed once; a [TemplateSet] can replace
// any of them. Missing data is reported as one [medsec.FieldErrors] value that
// names every missing field. Output is deterministic byte for byte.
//
// # Hostile text
//
// No text in a notice can change the structure of the output. Every field
// is one line of text; content of several paragraphs is a list field with
// one item per paragraph (Circular.Body, Announcement.Background,
// HolidayDispatch.Tasks). Validate therefore rejects, with the rule
// "text" and the field's path, any field — the text arguments of a
// [Msg] included — that holds a line break (LF, CR, NEL, U+2028,
// U+2029), another control character (tab, ESC, NUL, ...), a
// bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) or a
// byte that is not UTF-8. Whatever still reaches a renderer another way,
// for instance through a message argument of another type, prints as a
// visible escape such as \n or \x1b in every format. In Markdown, user
// text is escaped so that it cannot add emphasis, code, links, images,
// raw HTML, table cells or autolinks (bare URLs, www. and e-mail
// addresses are broken with a backslash), nor, at the start of a line, a
// list, heading, quote, rule, code block or setext underline. In HTML,
// all text is escaped with html/template's escaper.
//
// Incident reports show each legal deadline computed from the detection
// time, with its citation: see [Deadlines]. The deadlines are computed
// with [medsec.Span], as package obligations computes them, under the
// rules in force on the day of detection.
//
// # Translating
//
// The tests of this package fail when a key of any medsec package lacks a
// translation. To get the untranslated keys with their English formats as
// JSON skeletons, one file per locale, run
//
//	go test ./i18n -run TestCatalogComplete -dump-missing /tmp/missing
//
// and merge the translated files into data/locales.
//
// # Concurrency
//
// Catalogs, Localizers and template sets are immutable after construction
// and safe for concurrent use.
package i18n
