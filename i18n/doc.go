// Package i18n renders medsec's output in the languages of the people who
// read it — English, Simplified and Traditional Chinese, Vietnamese and
// Czech, and any language a user adds from a file — and lays out the
// notices that health departments issue in each country's official format.
//
// # Locales
//
// A [Locale] is a BCP 47 tag in canonical form: [EN], [ZhHans], [ZhHant],
// [VI] and [CS] are embedded, and a [Catalog] can hold more. [Match]
// negotiates one from an HTTP Accept-Language value, [MatchTags] from
// parsed language tags; both return the locale, the tag that matched and
// the confidence of the match, and fall back to English for anything
// unknown:
//
//	loc, tag, conf := i18n.Match("zh-TW,zh;q=0.9") // ZhHant, zh-Hant-u-rg-twzzzz, language.Exact
//
// zh-CN and zh-SG choose Simplified Chinese; zh-TW, zh-HK and zh-MO choose
// Traditional Chinese. [Catalog.Match] and [Catalog.ParseLocale] do the
// same over the locales of a catalog of your own.
//
// # Messages
//
// Domain packages return [medsec.Message] values: a key, the English
// format and arguments. A [Localizer] renders them in one locale:
//
//	l := i18n.NewLocalizer(i18n.CS)
//	fmt.Println(l.Format(m))
//
// The method value l.Format has the type of obligations.Translator, so it
// translates a gap report.
//
// Translations live in a [Catalog]. [DefaultCatalog] holds the locales
// made from the files data/locales/<locale>.json, each indexed on the
// first use of its locale, so that a program pays only for the languages
// it speaks. The files are checked strictly and compiled into Go data
// when medsec is tested and built (see "To add a locale" below), not each
// time a program runs. Each file maps a message key to a format string, or to plural forms chosen by
// one argument with the CLDR rules of golang.org/x/text/feature/plural for
// the locale's tag:
//
//	"app.hours": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}
//
// Formats are checked when they are loaded (only %s, %d, %v and %q, with
// optional argument indexes such as %[2]s), so [Localizer.Format] renders
// them without surprises. [Catalog.Extend] returns a catalog with your own
// messages added or medsec's wording replaced, for any locale of the
// catalog including English. A message whose key is not in the catalog
// falls back to its English Format; the package's tests fail if any medsec
// key does so, or if a translation has placeholders that differ from the
// English ones (see [Catalog.Check]).
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
// "V Praze dne 17. 3. 2020". These styles are data: each locale file states
// them (see below).
//
// # Citations
//
// [Localizer.Citation] prints a [medsec.Citation] for the reader: the
// provision in the numbering style of its instrument's jurisdiction and
// kind, and the instrument by its short title in the reader's language
// ([medsec.Instrument.ShortTitle], translated like any message):
//
//	en       NIS2 Directive art. 21(2)(d)
//	vi       điểm a khoản 1 Điều 11 Quyết định 05/2017/QĐ-TTg
//	cs       § 8 odst. 1 zákona č. 264/2025 Sb.; čl. 21 odst. 2 písm. d) směrnice NIS2
//	zh-Hans  《网络安全法》第二十一条
//
// The styles are data: the "citation" member of each locale file's
// "@locale" block (see [Catalog.AddLocale]); a pack's instruments bring
// their short titles, and the pack's messages/<locale>.json their
// translations. A Citation or [medsec.Citations] argument of a message
// prints the same way, so the Translators of package obligations print a
// gap report's citations in the reader's language, while JSON keeps the
// canonical form ("XA-HSA-2026 art. 9(1)").
//
// Traditional Chinese (zh-Hant) is written for readers in Taiwan and Hong
// Kong: Taiwan vocabulary (網路, 資訊, 資料, 軟體, 合約) and 「」 quotation
// marks. Legal terms and official titles of the People's Republic keep
// their published wording in Traditional characters (網絡安全等級保護,
// 關鍵信息基礎設施, 網信部門, 《網絡安全法》), because they name
// institutions of that legal order. Dates use the Gregorian year, not the
// ROC year, since the content is foreign law.
//
// # Adding a locale
//
// A locale is one JSON file: the translations, keyed as above, and an
// "@locale" member with the locale's conventions — its tag, its name, its
// date, place-and-date and time patterns, the names or numbers of its
// months, its number symbols, quotation marks and list separator:
//
//	{
//	  "@locale": {
//	    "tag": "de", "name": "Deutsch",
//	    "date": "{day}. {month} {year}",
//	    "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
//	    "placeDate": "{place}, {date}", "dateLine": "{date}",
//	    "time": "{date}, {hour}:{minute} Uhr ({offset})",
//	    "number": {"group": ".", "decimal": ",", "minimumGroupingDigits": 1},
//	    "quotes": ["„", "“"], "listSeparator": "; "
//	  },
//	  "medsec.confidence.verified": "geprüft"
//	}
//
// [Catalog.AddLocale] reads it (the fields are described there) and
// returns a catalog that speaks the new language; no Go code changes.
// [Catalog.Check], given the message templates of the packages you use,
// lists every key the locale still lacks:
//
//	c, err := i18n.DefaultCatalog().AddLocale(f)
//	for _, p := range c.Check(medsec.MessageTemplates()) { fmt.Println(p) } // "de medsec.confidence.partial: missing", ...
//
// Untranslated messages render in English and notices use the English
// layouts until the locale has its own ([TemplateSet.With]). To add a
// locale to medsec itself, put the file in data/locales/<tag>.json and
// compile the files into the package's tables (locale_table_<tag>.go) with
//
//	go test ./i18n -run TestLocaleTables -update
//
// which also checks every file as strictly as [Catalog.AddLocale] does;
// without it, the tests fail on the stale tables. The tests then require
// the locale to be complete. To get the untranslated keys with
// their English formats as JSON skeletons, one file per locale, run
//
//	go test ./i18n -run TestCatalogComplete -dump-missing /tmp/missing
//
// and merge the translated files into data/locales (then run the command
// above again).
//
// # Messages of packs
//
// A pack of law (see package medsec) names its facts with messages of its
// own keys — a jurisdiction's name, a rule's title. It may carry their
// translations as messages/<locale>.json, translation files as Extend
// reads them, named by the locale's tag. [CatalogFor] returns the default
// catalog with the messages of every pack of a registry added
// ([Catalog.WithPacks] does it for any catalog); files for locales the
// catalog lacks are skipped. The translations of the embedded packs are
// part of the embedded locale files.
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
// dispatch renders in every locale; [HolidayTasks] names the reporting
// bodies in charge on the dispatch's date, from the incident rules in force
// that day.
//
// Layouts are embedded template files in a small line-oriented
// syntax (see [ParseTemplate]), parsed once; a [TemplateSet] can replace
// any of them and add layouts for new kinds. Missing data is reported as
// one [medsec.FieldErrors] value that names every missing field. Output is
// deterministic byte for byte.
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
// # Incident deadlines
//
// An incident report shows its legal deadlines, each with its citation:
// the incident rules of the registry (law/<pack>/incidents.json) whose
// report kind is the report's [IncidentStage], in force on the day of
// detection, whose conditions hold for the report's Facts ("significant",
// the entity's NIS2 class, a Chinese operator's class, ...). They are
// computed with [medsec.IncidentRule.Deadline], as package obligations
// computes its due dates: see [Deadlines]. [DeadlinesFor] and
// [TemplatesFor] take a registry, so the rules of a user's pack reach the
// notices with no Go change: a layout for the pack's report kind, parsed
// with [ParseTemplate] and added with [TemplateSet.With], is all a new
// kind of report needs.
//
// # Concurrency
//
// Catalogs, Localizers and template sets are immutable after construction
// and safe for concurrent use.
package i18n
