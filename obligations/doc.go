// Package obligations tells a health institution what it must do, by when
// and who must do it, for each of its information systems and for the
// institution as a whole, and shows what is missing.
//
// The law it applies is data. Each pack of a [medsec.Registry] (a folder
// law/<pack>/ of the module, or a pack of your own) may hold two files that
// this package reads: duties.json, the duties, and roles.json, the roles
// and the rules about who holds them. The engine in this package names no
// instrument, article, deadline or role of its own.
//
// # The catalog
//
// A [Duty] is one obligation taken from a legal instrument: a stable ID,
// the citations it comes from ([medsec.Citation]; each resolves in the
// registry), a [medsec.Confidence] with a note when less than verified,
// the jurisdiction, the [Party] that must act, a title and description as
// translatable messages ([medsec.Message]), its [Applicability], its
// [Recurrence], typical evidence and the roles ([Role]) it needs.
//
// A [Catalog] holds the duties, roles and role rules of a registry:
//
//   - [DefaultCatalog] is the catalog of the embedded packs
//     ([medsec.DefaultRegistry]), loaded and checked on first use;
//   - [CatalogFor] builds the catalog of any registry, for example the
//     default one with a pack of your own ([medsec.Registry.With]);
//   - [LoadCatalog] and [NewCatalog] build a catalog of your own duties
//     (a file in the format of duties.json, or Go values) against a
//     registry, and [Catalog.Merge] combines catalogs.
//
// Loading is strict: unknown fields, duplicate keys, invalid UTF-8,
// control characters, dangling references (citations, incident rules,
// flags, events, roles) and duplicate IDs are errors. Errors are
// [medsec.FieldErrors] wrapping [medsec.ErrInvalidData]; each names the
// pack file ("cz/duties.json") and the place in it as a JSON Pointer
// ("/duties/3/citations/0"), at most 100 of them.
//
// The embedded catalog covers:
//
//   - China: the 2022 NHC measures article by article where the text was
//     read, and their data chapter as far as its content is established
//     (life cycle, storage in China, assessment before transfers abroad,
//     national-security review; classification, vendors' remote
//     maintenance and retired equipment from a secondary source, so
//     unverified), MLPS filing (both the verified 30-day rule and the
//     unverified 10-working-day practice, as alternatives), testing and
//     self-inspection by level, GB/T 22239 posts, remote maintenance and
//     the wiping of retired equipment, the CSL's six months of log
//     retention and data classification, the CAC 2025 incident deadlines,
//     report contents and summary report, and the PIPL points the
//     measures rely on.
//   - Vietnam: Decree 85/2016 (level dossier, appraisal and approval,
//     security plan, assessments, security funding), Circular 31/2017
//     (monitoring for level 3+ with its weekly report and 30 days of
//     monitoring data, the six-monthly report, the contact point and the
//     yearly budget), incident reporting, the holiday practice of
//     provincial health departments cited to the legal duties it rests
//     on, the 2025 change of receiving authority and Law 116/2025 from
//     2026-07-01.
//   - EU and Czechia: NIS2 arts. 3(4), 20, 21(2)(a)-(j), 21(4) and 23;
//     Act 264/2025 (registration deadlines, incident timelines by regime,
//     management accountability); decree 410/2025 of the lower regime
//     section by section (§§ 3-14) and decree 409/2025 of the higher
//     regime section by section (§§ 3-27 but § 20, whose text was not
//     retrieved; partial where only one reproduction of its text was
//     read: its four security roles,
//     committee, audits, logging for 18 months and the rest); with Act
//     181/2014 until 2025-10-31.
//
// Run "go test -run TestCoverage -v" to see, per instrument, which articles
// are mapped to duties, which create none, which were not retrieved, and
// which units of the real instrument the registry does not hold
// ([InstrumentCoverage.Unheld]).
//
// # duties.json
//
// A pack's duties file is {"duties": [...]}, each duty an object with the
// JSON fields of [Duty]:
//
//	{
//	  "id": "XA-FILING-30D",
//	  "jurisdiction": "XA",
//	  "party": "system-owner",
//	  "citations": ["XA-HSA-2026 art. 15", "XA-HSA-2026 art. 16"],
//	  "confidence": "verified",
//	  "title": {"key": "xa.duty.filing-30d.title", "format": "File the level with the authority within 30 days"},
//	  "description": {"key": "...", "format": "..."},
//	  "applies": {"scope": "system", "scheme": "cn-mlps", "minLevel": 2},
//	  "recurrence": {"kind": "within", "trigger": "grading", "days": 30},
//	  "evidence": [{"key": "...", "format": "..."}],
//	  "alternativeTo": "XA-FILING-10WD"
//	}
//
// Flags ("flags", "notFlags") and events ("trigger") are those the
// registry's packs declare ([medsec.Registry.Flags],
// [medsec.Registry.Events]); roles are those of the packs' roles.json.
//
// Message keys are yours to choose: lower-case words of letters, digits,
// hyphens and underscores joined by dots ("fn.backup.title"), at most 128
// bytes, none of this package's own keys ([MessageTemplates]), and one
// English format per key across the catalog and its registry. The format
// of a duty's text has no arguments. The embedded packs keep their keys
// under "obligations." and their translations live in package i18n.
//
// # Incident rules
//
// The deadlines of incident reports are written once, as the registry's
// incident rules ([medsec.IncidentRule], a pack's incidents.json), which
// packages obligations, contracts and i18n all read. A duty that reports
// under a rule has the rule's ID and the recurrence kind
// [FromIncidentRule]:
//
//	{
//	  "id": "XA-HSA-INCIDENT-48H",
//	  "party": "institution",
//	  "description": {"key": "...", "format": "..."},
//	  "applies": {"scope": "institution"},
//	  "recurrence": {"kind": "incident-rule"},
//	  "evidence": [{"key": "...", "format": "..."}]
//	}
//
// Its jurisdiction, title, citations, confidence, note, in-force period,
// deadline (the period and the moment it runs from: detection, the
// notification or the end of the response) and the incidents and entities
// it binds come from the rule; the duty adds its party, description,
// evidence, roles and any further condition on the institution, such as
// Vietnam's "an institution with a graded system". A duty that names a
// rule the registry lacks is an error, and so, in [CatalogFor], is a rule
// that no duty reports under.
//
// An [Incident] of the profile binds each such duty whose rule covers it:
// its marks ([Incident.Marks]: significant, graded 较大 or higher in
// China, beyond the unit's capacity, personal data, likely to affect the
// recipients of the services, still ongoing when the final report falls
// due) include every mark the rule's condition names and none it
// excludes, and the rule was in force on the day of detection. Under
// NIS2, for example, an incident marked as ongoing at the final report is
// bound to the progress report and the later final report of art.
// 23(4)(e), not to the ordinary final report of art. 23(4)(d).
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
// A [Profile] is the institution ([grading.Institution], the one
// description of a hospital that packages grading, obligations and
// contracts share: jurisdictions, type, size, NIS2 class, Czech regime,
// flags, principal, event dates and its systems with their grades) and its
// incidents. [Catalog.Applicable] binds each duty to the institution or to
// each matching system and says why ([Binding.Reason]).
//
// Which rules bind is decided on the day of the event a duty runs from:
// an incident's reporting duties are those in force on the day it was
// detected (a Czech incident of 2025-10-30 falls under Act 181/2014, not
// under Act 264/2025 in force from 2025-11-01), and a duty that runs from
// a go-live, a grading, a holiday or a transfer abroad is judged on that
// event's date when the profile gives it. Duties not bound to a known
// event are judged on the as-of day.
//
// # Reading input
//
// An institution's records arrive as one JSON document: [DecodeRecords]
// reads it strictly into [Records] (the institution, the NIS2 and Czech
// grading inputs, the systems with their MLPS and Vietnamese inputs, the
// incidents, the evidence and the role assignments), with a JSON Pointer
// in every error; [RecordsSchema] is its JSON Schema, and
// [DecodeProfile], [DecodeIncidents], [DecodeEvidence] and
// [DecodeAssignments] read the parts on their own. [Records.Profile]
// grades the inputs as of a day and returns the Profile and the grades it
// made, each with its explanation and the path of its input:
//
//	rec, err := obligations.DecodeRecords(file)
//	...
//	p, grades, err := rec.Profile(nil, grading.Options{AsOf: asOf})
//	...
//	report, err := obligations.DefaultCatalog().GapReport(p, rec.Evidence, obligations.Options{AsOf: asOf})
//
// # Schedule and gap report
//
// [Catalog.GapReport] takes the profile, [Evidence] (duty, system or
// incident, date done, reference) and [Options] and returns a [Report]
// whose items ([Item]) are overdue, missing evidence, due soon, not yet
// due, met, or on trigger (an incident duty with no incident), sorted by
// urgency and then due date.
//
// [Options.AsOf] is the day whose law applies and against which due dates
// are judged; it is required. Hour deadlines (incident reports) are
// instants, judged at [Options.Now], or at the end of the as-of day in UTC
// when Now is zero.
//
// Due dates follow the duty's [Recurrence]:
//
//   - once and continuous duties are met by any evidence;
//   - "every N months" runs N calendar months from the latest evidence,
//     and "every N days" N calendar days (a weekly report is every 7
//     days);
//   - "within" runs from an event: calendar months, calendar days or
//     working days (Monday to Friday; public holidays are not modelled);
//   - "before" falls due the day before the event (go-live, a holiday, a
//     planned transfer abroad); "immediately" on its day. A system live
//     since 2017 owes nothing, before going live, to measures of 2022: the
//     rules of its go-live day bind it. When the profile does not give the
//     event's date, a duty that runs from an event expected to have
//     happened (a registration decision) is missing evidence, and one that
//     runs from an occasional event ([medsec.EventInfo.Occasional]: an
//     authority's request, a change of registered data) waits on trigger;
//   - "incident-rule" runs as the incident rule says: hours are elapsed
//     from the moment (an instant, [Item.DueAt]); days and months end
//     with their last day. A period that runs from the notification of
//     the incident runs from detection while no notification is recorded,
//     so the due date is never later than the legal one, and [Item.Note]
//     says so.
//
// Where the law is read two ways (the MLPS filing deadline of 30 days or,
// in unverified practice, 10 working days), the catalog holds both duties,
// linked by [Duty.AlternativeTo]. Both are reported; evidence recorded for
// either counts for both, and may be late under the stricter reading.
//
// Every period is a [medsec.Span] and ends where the law says (EU
// Regulation 1182/71 art. 3, the Chinese, Czech and Vietnamese civil
// codes): the event's day is not counted, and a month ends on the
// corresponding day of the last month or on its last day, so 2026-01-31
// plus one month is 2026-02-28. Public holidays and the extension of a
// last day that falls on a weekend are not modelled, so a due date may be
// earlier than the legal one, never later. Retention periods are legal
// periods too ([Duty.RetainFor], [Duty.RetainUntil]): six months of log
// retention are six calendar months, not 180 days, and 30 days of
// monitoring data are 30 days, not a month.
//
// A report renders as text ([Report.WriteText]), Markdown
// ([Report.WriteMarkdown]) and JSON ([Report.MarshalJSON],
// [Report.WriteJSON]). Texts go through an optional [Translator], such as
// the method value Format of a localizer of package i18n. No ID, reference
// or translated text can change the structure of a text or Markdown
// report: line breaks, other control characters, direction overrides and
// invalid UTF-8 print as visible escapes such as \n or \x1b, and in
// Markdown every value is escaped so that it cannot add a block, a table
// cell, a link, an image, raw HTML or emphasis.
//
// # Reports as JSON, and back
//
// The JSON form of a gap report is a versioned format: its first member,
// "format", is [ReportFormat] ("medsec.gap-report/1"), and
// [ReportSchema] returns its JSON Schema, with a description of every
// member, for tools in other languages. [Catalog.DecodeReport] reads it
// back, strictly, into a [Report] that writes the same bytes and renders
// the same text: each item's duty is looked up by ID in the catalog (a
// duty the catalog lacks is an error: decode with the catalog the report
// was made with), and what the report recorded — party, confidence,
// citations, title, reason, note — is kept even where the catalog's data
// has changed since. A version changes when a member is removed, renamed
// or redefined; a release may add members within a version.
//
// A role check's findings travel the same way as a [RoleReport]
// ([RoleReportFormat], [RoleReportSchema], [Catalog.DecodeRoleReport]),
// and package contracts does the same for contract checks.
//
// The writers write JSON member by member (the bytes encoding/json would
// write), copying the parts every report of a duty repeats, so that
// writing a report costs about as much as computing it;
// [Report.WriteJSON] passes its output on in parts, so its memory does
// not grow with the report.
//
// # National scale
//
// A national platform evaluates every institution of a country (China
// has about a million medical and health institutions). The bulk API
// takes the institutions as an iterator ([iter.Seq] of [PortfolioEntry])
// and keeps nothing of one institution once its result is out, so its
// memory does not grow with their number:
//
//   - [Catalog.WriteJSONLines] writes each gap report as one line of JSON
//     Lines, in input order, with a bounded pool of workers
//     ([BulkOptions.Workers]) whose output is the same bytes whatever
//     their number; [BulkOptions.OnError] decides about an institution
//     whose data is invalid ([BulkError]);
//   - [Catalog.GapReports] returns an iterator of reports, for a caller
//     that keeps only what it needs of each;
//   - [Catalog.Portfolio] evaluates a slice of institutions and keeps
//     only their totals.
//
// One million institutions of five systems each (about 70 items and
// 40 KB of JSON each) take well under a minute on two cores, with a heap
// of a few MiB; the program examples/national measures it, and
// BenchmarkWriteJSONLines runs ten thousand.
//
// # Cross-framework mappings
//
// A pack may state, in mappings.json, how evidence for a duty of one pack
// bears on the duties of another: a [MappingCollection] of [MappingSet]
// values, each pair a [Mapping] "source relationship target" with one of
// the set-theory relationships of NIST IR 8477 and the OSCAL 1.2 mapping
// model ([EqualTo], [SubsetOf], [SupersetOf], [IntersectsWith],
// [NoRelationship]), a rationale and a confidence. The embedded pack
// law/mappings/ holds medsec's own analysis (China, Vietnam and Czechia to
// NIS2, China to Vietnam at level 3, ENISA's good practices to NIS2); no
// published crosswalk covers these jurisdictions, so no pair is verified,
// and the loader accepts "verified" only with the crosswalk that states
// the pair.
//
//	{
//	  "id": "medsec", "version": "2026-11-22", "author": "medsec",
//	  "status": "draft", "method": "human", "matchingRationale": "semantic",
//	  "description": "...",
//	  "sets": [{
//	    "id": "xa-xb", "title": "...", "description": "...", "source": "xa", "target": "xb",
//	    "mappings": [{"source": "XA-HSA-INCIDENT-48H", "target": "XB-INCIDENT-72H",
//	                  "relationship": "equal-to", "rationale": "...", "confidence": "partial"}],
//	    "unmappedSource": [{"id": "XA-SECURITY-OFFICER", "reason": "..."}]
//	  }]
//	}
//
// [Catalog.Mappings] returns the mappings of the catalog's registry,
// checked against the catalog like the rest of the law (every side a duty
// of its set's pack, or an article of one of its instruments; no pair
// surer than its weaker side; no contradiction when a pair is read both
// ways); [LoadMappings] reads a file of your own, and [Mappings.Merge]
// combines them.
//
// [Mappings.Covers] answers "what does evidence for duty X cover in
// jurisdiction Y". [Options.Mappings] credits evidence in a gap report:
// evidence for a duty that is equal to, or a superset of, an applicable
// duty meets it, judged against that duty's own deadline, and the item's
// [Item.Credit] says "via mapping from X"; evidence for a duty that is a
// subset of it, or intersects with it, covers it only partly: the item
// keeps the status of its own evidence, is never met by the mapping, and
// its Credit has [CoveragePartial]. Mappings are not chained, evidence for
// one system or incident counts only for that system or incident, and
// "no-relationship" never credits.
//
// # roles.json and role checks
//
// Roles are an open vocabulary. A pack's roles file declares its roles,
// each a code and a name, and its role rules ([RoleRule]): when a rule
// applies ("when": conditions on the jurisdictions, the NIS2 class, the
// Czech regime, flags, and levels of a grading scheme), at which scope
// (the institution, or each system in scope) and what it checks
// ([RoleCheck]), with citations, confidence and note:
//
//	{
//	  "roles": [{"code": "security-admin", "name": {"key": "obligations.role.security-admin", "format": "security administrator"}}],
//	  "rules": [{
//	    "id": "XA-ROLE-DEDICATED-SECADMIN", "jurisdiction": "XA", "scope": "system",
//	    "when": [{"scheme": "cn-mlps", "minLevel": 3}],
//	    "checks": [{"kind": "exclusive", "roles": ["security-admin"], "severity": "error",
//	                "message": {"key": "obligations.finding.secadmin-other-role",
//	                            "format": "security administrator %s of level-3+ system %s also holds the role %v"}}],
//	    "citations": ["XA-HSA-2026 art. 7"], "confidence": "verified"
//	  }]
//	}
//
// The kinds of check ([RoleCheckKind]) are: required (the roles have
// holders), principal (their holders are the institution's principal),
// exclusive (a holder holds no other role), distinct (no person holds two
// of the roles) and record (every holder has a background check, a
// confidentiality agreement or training on file). A check's message is
// data; [RoleCheck] lists the arguments each kind gives it.
//
// [CheckRoles] and [Catalog.CheckRoles] check [Assignment] values
// (person, role, system, employee or vendor staff, background check,
// confidentiality agreement, training) against the profile and return
// findings ([Finding]), each with its rule. With the embedded packs:
// required posts by MLPS level (a system administrator from level 1, the
// security chief and the audit and security administrators from level 2),
// a level-3+ security administrator with no other role, distinct system
// and audit administrators at level 3+, the leadership group head being
// the principal, background checks in CII, confidentiality agreements of
// vendor staff, training on record, the Czech cybersecurity manager
// (higher regime) or person charged with cybersecurity (lower regime), the
// higher regime's architect, auditor and asset guarantors, an auditor who
// holds no other security role, a manager who operates no technical asset
// of the service and the training of these roles, Vietnam's specialised
// security unit, and management training under NIS2.
//
// # A jurisdiction of your own
//
// A pack of your own (see [medsec.LoadPack]) with instruments, incident
// rules, duties.json and roles.json extends every engine with no Go code:
// add it to a registry with [medsec.Registry.With] and build the
// registry's catalog with [CatalogFor]; see the example of CatalogFor,
// which uses the test pack of an invented country in testdata/packs/xa.
//
// # Messages and errors
//
// Every text the package produces is a [medsec.Message]; [MessageTemplates]
// lists them all, including the default catalog's titles, descriptions,
// evidence texts, role names and role findings, and
// [Catalog.MessageTemplates] does the same for any catalog. Errors start
// with "obligations:", wrap [medsec.ErrInvalidData] (catalogs and packs)
// or [medsec.ErrInvalidInput] (profiles, evidence, options, assignments),
// and carry [medsec.FieldErrors] with JSON-Pointer paths into the JSON
// form of the input ("/institution/systems/2/id", "/evidence/0/duty",
// "/asOf").
//
// A catalog is immutable once built; all its methods are safe for
// concurrent use, and every result is the caller's own.
package obligations
