// Package obligations tells a health institution what it must do, by when
// and who must do it, for each of its information systems and for the
// institution as a whole, and shows what is missing.
//
// # The catalog
//
// A [Duty] is one obligation taken from a legal instrument: a stable ID, the
// [medsec.Citation]s it comes from (each resolves in the instrument
// registry), a [medsec.Confidence] with a note when less than verified, the
// jurisdiction, the [Party] that must act, a title and description as
// translatable [medsec.Message]s, its [Applicability], its [Recurrence],
// typical evidence and the [Role]s it needs. [DefaultCatalog] holds the
// embedded duties (files data/cn.json, vn.json, eu.json and cz.json),
// decoded strictly and checked on first use; [LoadCatalog] reads a user's
// own file in the same format and [Catalog.Merge] combines catalogs.
//
// The embedded catalog covers:
//
//   - China: the 2022 NHC measures (CN-NHC-2022-29) article by article where
//     the text was read (written duties with contractors and device makers,
//     the leadership group and its yearly meeting, the department and posts
//     for level 2+, grading at the planning stage with approval, risk
//     assessment before new technology, the data chapter, the 5% security
//     budget, training and appraisal); MLPS filing (both the verified 30-day
//     rule and the unverified 10-working-day practice, as alternatives),
//     testing and self-inspection by level (with the level-4 conflict in the
//     note), GB/T 22239 posts, six months of log retention, the CAC 2025
//     incident deadlines (1 h for CII, 2 h for central organs, 4 h
//     otherwise, for incidents graded 较大 or higher) and the PIPL points
//     the measures rely on.
//   - Vietnam: Decree 85/2016 (level dossier, appraisal and approval,
//     re-determination, security plan, assessment every 2 years for the
//     organisation, yearly for levels 3-4, every 6 months for level 5),
//     monitoring for level 3+, incident reporting (5 days; at once beyond
//     capacity; closing report 5 days after the response), the holiday
//     practice of provincial health departments cited to the legal duties it
//     rests on, the 2025 change of receiving authority (dated 2025-03-01) and
//     Law 116/2025 from 2026-07-01.
//   - EU and Czechia: NIS2 arts. 20, 21(2)(a)-(j) and 23, and Act 264/2025
//     (registration deadlines, incident timelines by regime, management
//     accountability, the higher regime's cybersecurity manager), with Act
//     181/2014 until 2025-10-31.
//
// Run "go test -run TestCoverage -v" to see, per instrument, which articles
// are mapped to duties, which create none, and which were not retrieved.
//
// # Coverage rules
//
// Every article in the registry has an effect. An article whose effect is
// "obligations" must be cited by at least one duty; "none" (principles,
// definitions, criteria, supervision) needs none; "unknown" (text not
// retrieved) is reported as not retrieved and tolerated, because mapping a
// duty to unread text would be guessing. A duty may not cite an article
// whose effect is "none": such articles belong in [Duty.Basis] (for
// example PIPL art. 28, which makes health data sensitive). Where the
// article number of a verified fact is unknown, the duty cites the
// instrument as a whole.
//
// # Profiles and applicability
//
// A [Profile] describes the [Institution] (jurisdictions, type, size, NIS2
// class, Czech regime, [Flag]s such as CII or transfers abroad, and event
// dates such as the registration decision), its [System]s with their
// grading results (grading.MLPSLevel, grading.VNLevel) and any [Incident]s.
// [Catalog.Applicable] binds each duty to the institution or to each
// matching system and says why ([Binding.Reason]).
//
// Which rules bind is decided on the day of the event a duty runs from:
// an incident's reporting duties are those in force on the day it was
// detected (a Czech incident of 2025-10-30 falls under Act 181/2014, not
// under Act 264/2025 in force from 2025-11-01), and a duty that runs from
// a go-live, a grading, a holiday or a transfer abroad is judged on that
// event's date when the profile gives it. Duties not bound to a known
// event are judged on the as-of day.
//
// # Schedule and gap report
//
// [Catalog.GapReport] takes the profile, [Evidence] (duty, system or
// incident, date done, reference) and [Options] (the as-of instant, the
// due-soon window, duty IDs to exclude) and returns a [Report] whose
// [Item]s are overdue, missing evidence, due soon, not yet due, met, or on
// trigger (an incident duty with no incident), sorted by urgency and then
// due date. Due dates follow the duty's [Recurrence]:
//
//   - once and continuous duties are met by any evidence;
//   - "every N months" runs N calendar months from the latest evidence;
//   - "within" runs from a trigger: calendar months, calendar days, working
//     days (Monday to Friday; public holidays are not modelled) or hours
//     (incident deadlines, compared as instants);
//   - "before" falls due the day before the trigger (go-live, a holiday, a
//     planned transfer abroad); "immediately" at the trigger. A system
//     live since 2017 owes nothing, before going live, to measures of
//     2022: the rules of its go-live day bind it.
//   - the NIS2 final report is due one month after the incident
//     notification is submitted (art. 23(4)(d)). While it has not been,
//     the month runs from detection, the earliest moment a notification
//     could exist, so the due date is never later than the legal one, and
//     [Item.Note] says so.
//
// Where the law is read two ways (the MLPS filing deadline of 30 days or,
// in unverified practice, 10 working days), the catalog holds both duties,
// linked by [Duty.AlternativeTo]. Both are reported; evidence recorded for
// either counts for both, and may be late under the stricter reading.
//
// Every period is a [medsec.Span] ([Recurrence.Span]) and ends where the
// law says (EU Regulation 1182/71 art. 3, the Chinese, Czech and
// Vietnamese civil codes): the trigger's day is not counted, and a month
// ends on the corresponding day of the last month or on its last day, so
// 2026-01-31 plus one month is 2026-02-28. Public holidays and the
// extension of a last day that falls on a weekend are not modelled, so a
// due date may be earlier than the legal one, never later. Log retention
// of six months is six calendar months ([Duty.RetainUntil]), not 180
// days.
//
// A report renders as text ([Report.WriteText]), Markdown
// ([Report.WriteMarkdown]) and JSON ([Report.MarshalJSON], whose field
// names are stable). Texts go through an optional [Translator] so that
// package i18n can render them in other languages. No ID, reference or
// translated text can change the structure of a text or Markdown report:
// line breaks, other control characters, direction overrides and invalid
// UTF-8 print as visible escapes such as \n or \x1b, and in Markdown
// every value is escaped so that it cannot add a block, a table cell, a
// link, an image, raw HTML or emphasis. [Catalog.Portfolio] evaluates
// thousands of institutions concurrently and keeps only totals.
//
// # Roles
//
// [CheckRoles] checks [Assignment]s (person, role, system, employee or
// vendor staff, background check, confidentiality agreement, training)
// against the profile and returns [Finding]s, each citing its [RoleRule]:
// required posts by MLPS level (a system administrator from level 1, the
// security chief and the audit and security administrators from level 2), a level-3+ security administrator with no
// other role, distinct system and audit administrators at level 3+, the
// leadership group head being the principal, background checks in CII,
// the Czech cybersecurity manager in the higher regime, Vietnam's
// specialised security unit, and management training under NIS2.
//
// # Messages and errors
//
// Every text the package produces is a [medsec.Message] whose key starts
// with "obligations."; [MessageTemplates] lists them all, including the
// catalog's titles, descriptions and evidence texts. Errors start with
// "obligations:", wrap [medsec.ErrInvalidData] (catalogs) or
// [medsec.ErrInvalidInput] (profiles, evidence, assignments), and carry
// [medsec.FieldErrors] with JSON-Pointer paths.
//
// The catalog and its indexes are immutable once built; all methods are
// safe for concurrent use.
package obligations
