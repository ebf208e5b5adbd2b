// Package contracts checks the security clauses of contracts between
// healthcare institutions and their IT and medical-device vendors.
//
// A vendor sends a hospital the security-relevant data of a contract as
// JSON. The package reads it strictly, validates its structure, and
// compares its clauses with what the law of the hospital's jurisdiction
// requires and what ENISA's procurement guidelines recommend. Every error
// and finding names the JSON Pointer it concerns and carries a
// [medsec.Message], so a vendor can read it in their own language through
// package i18n.
//
// # The model
//
// A [Contract] holds the parties (the institution and a [Vendor] with a
// security [Contact]), the procurement [Category], its [Term], its
// [DataHandling] and its [Clause] list. A clause has a [ClauseKind]
// ("incident-notification", "patching", ...), free text, optional citations
// and typed parameters: notice hours, remediation days per severity
// ([RemediationDays]), a support end date, RTO and RPO, remote access
// through the hospital's gateway and with MFA, a transfer assessment,
// data-return and log-retention days. Each parameter belongs to certain
// kinds ([ClauseKind.Params]).
//
// The institution is a [grading.Institution], the one description of a
// hospital that grading, obligations and contracts share; in a contract its
// systems are the systems the contract touches, with their grades. Its
// flags (those of the institution and of these systems) and its NIS2 class
// and Czech regime decide which rules apply: "cii" marks an operator of
// critical information infrastructure and "central-organ" a central or
// state organ, for China's incident deadlines. [Contract.SignificantSupplier]
// marks the vendor as a significant supplier under Czech law.
//
// # Decoding and validation
//
// [Decode] reads one contract with medsec's strict JSON decoder: unknown
// fields and names in another letter case, duplicate keys at any depth
// (also keys that differ only in letter case), wrong JSON types, enum
// values that are not exact, null, text that is not valid UTF-8 or holds
// a control character other than tab and line feed, a byte order mark,
// lists over their bound, trailing data and input over the size limit
// ([DefaultMaxBytes], or [WithMaxBytes]) are errors. One pass over the
// input, driven by the shape of the Go types, finds them all with their
// paths and fills the struct; on every input it accepts, it builds the
// same value as encoding/json (a test and the fuzz target check this),
// with one difference: a whole number written with a fraction or an
// exponent (24.0, 2.4e1), which encoding/json refuses for an integer
// field, is that integer, as JSON Schema's "integer" has it.
// Time and memory grow linearly with the input, and at most 100 errors are
// reported, the last saying how many more there were: a hostile contract
// cannot stop the caller. Decoding needs no registry: a jurisdiction is
// any two upper-case letters, a flag any lower-case code.
//
// [Validate] applies the validation tags through one validator/v10
// instance with custom tags registered once, plus the rules that span
// the contract: the term does not end before it starts (a one-day term is
// valid), hours and days are positive, a critical vulnerability never gets
// a longer deadline than a high one, parameters sit on their own clause
// kinds, and each jurisdiction's fields are set (an MLPS level for every
// system of a Chinese contract, a Vietnamese level for a Vietnamese one,
// the NIS2 class for EU and Czech contracts and the Czech regime for Czech
// ones). Against the registry of its [Checker] it checks that the
// jurisdiction is declared and is one of the institution's, that the
// institution passes [grading.Institution.Validate] (declared flags and
// events, unique system IDs) and that every citation of a clause
// resolves.
//
// Both return a [medsec.FieldErrors] list whose entries hold the path
// ("/clauses/3/notifyWithinHours"), the rule ("positive"), the offending
// value and a Message with a key such as "contracts.validate.positive"
// (decoding errors have the keys "medsec.decode.*" of the root package,
// the institution's own rules those of package grading). They never
// return the validator's own text and never panic.
//
// # Clause rules are data
//
// The package names no law. What a contract must or should contain is
// written in the file clauses.json of each pack of a [medsec.Registry]
// (law/cn, law/cz, law/eu, law/enisa and law/vn in the module), one rule
// per entry:
//
//	{
//	  "id": "cn-nhc-art4-security",
//	  "kind": "security-obligations",
//	  "severity": "required",
//	  "when": {"jurisdictions": ["CN"]},
//	  "reason": {"key": "contracts.reason.cn-art4-security", "format": "Chinese healthcare institutions must agree ..."},
//	  "citation": "CN-NHC-2022-29 art. 4",
//	  "confidence": "verified",
//	  "caveats": [{"when": {"categories": ["building-management"]}, "confidence": "partial", "note": "..."}]
//	}
//
// "when" says which contracts the rule is for: the contract's
// jurisdictions and categories, what its data handling declares
// (healthData, personalData, crossBorderTransfer, remoteAccess; health data
// counts as personal data), flags the institution or a system it touches
// must have ("flags") or must not have ("notFlags"), the institution's
// NIS2 classes ("nis2") and Czech regimes ("cz"), and whether the vendor is
// a significant supplier. A rule applies while the instrument of its
// citation is in force, or within its own "inForce" period; "fromDate"
// names a legal date of the registry from which it applies (NIS2 for EU
// entities from EU-NIS2-APPLICATION) and "inForceWith" an instrument that
// must be in force too (NIS2 for Czech entities only while Act 264/2025
// is). "caveats" weaken the confidence for some contracts, each with a
// note; a confidence below verified needs a note too.
//
// "check" says what the rule compares:
//
//   - "clause" (the default): a clause of the rule's kind, stating the
//     parameters in "params" (a yes/no parameter must be yes). No such
//     clause is a missing finding, a clause without the parameters a weak
//     one pointing at the first parameter it lacks.
//   - "notice-period": the notice periods that the contract's
//     incident-notification clauses state, against the institution's own
//     first-report deadline. The deadline is not written in clauses.json:
//     the checker takes the registry's incident rules (incidents.json) of
//     the contract's jurisdiction, or those the rule names in
//     "incidentRules", that run from detection for a fixed period, are in
//     force on the as-of day and bind the institution (its NIS2 class,
//     Czech regime and flags; the incident's own marks are taken as given,
//     since the notice must serve every incident), and uses the shortest.
//     The rule's reason gets the period in hours as its last argument; a
//     rule without a citation of its own cites the incident rule.
//   - "storage-country": where the data is stored, against "storageIn";
//     the rule's "weak" message gets the storage country as its last
//     argument.
//   - "support-term": the end of security support that each clause of the
//     rule's kind states, against the end of the contract's term.
//
// [NewChecker] reads the rules of every pack of a registry strictly: an
// unknown field, a key given twice, a rule ID used twice, a citation,
// legal date, instrument, incident rule, jurisdiction or flag the registry
// does not hold, a parameter the kind cannot state, a message whose text
// does not take its arguments, or a missing note is an error with the file
// and a JSON Pointer. A pack of your own, with its own clauses.json, is
// checked like medsec's: see the example of NewChecker, which checks a
// contract under the invented jurisdiction of medsec's test pack
// (testdata/packs/xa).
//
// The embedded rules: CN-NHC-2022-29 art. 4 (written security duties and
// liability for breach; partial for building-management and industrial
// control systems), the Chinese data-localisation and transfer-assessment
// rules (the NHC measures' data chapter, CSL art. 37 for CII operators,
// PIPL arts. 38 and 40) and the storage of Chinese health data in China;
// NIS2 art. 21(2)(d) supply-chain security for essential and important
// entities, in the EU from the NIS2 application date and in Czechia while
// Act 264/2025 is in force; the Czech areas of contracts with significant
// suppliers (Decree 82/2018 Annex 7 until 2025-10-31, four areas partial,
// the rest unverified; from 2025-11-01, for the higher regime, what Decree
// 409/2025 §§ 4(1)(m), 9(2)(b) and 12(2)(c) ask of supplier contracts,
// partial, and for the areas of its Annex 6, which was not read, a list
// medsec proposes, unverified); for the lower regime, Decree 410/2025
// § 3(5) for every supplier contract (verified) and the one area of its
// Annex 2 that is known, data disposal (unverified); the ENISA good
// practices GP-02 to GP-28, mapped to
// clause kinds by medsec (not ENISA's wording), recommended; a support
// term that lasts the contract; and, recommended, a vendor notice no
// slower than the hospital's own first report under the CAC measures (1,
// 2 or 4 hours), NIS2 (24 hours), Act 264/2025 (24 hours) and Decision
// 05/2017 (5 days).
//
// # Checking
//
// [Check] (or [Checker.Check]) takes the as-of date, the day whose law
// applies, which is required, and returns a [Report]: the [Requirement]
// list of every rule that applies, met or not, and the [Finding] list of
// what is missing or too weak, each with a [Severity], a citation that
// resolves in the registry and a [medsec.Confidence]. Missing clauses of
// the same kind and severity are reported once, with the best-established
// rule as the citation and the others in [Finding.Also]. The procurement
// categories follow a working list of ENISA's section 2.2 whose exact list
// was not read ([CategoryConfidence] is Unverified). The system grades are
// validated against the jurisdiction but do not yet change which clauses
// are required: the verified sources tie no contract clause to a grade.
//
// A report's JSON form ([Report.MarshalJSON]) is a versioned format: its
// first member, "format", is [ReportFormat] ("medsec.contract-report/1"),
// [ReportSchema] returns its JSON Schema, and [DecodeReport] reads it back
// strictly into the same report, which writes the same bytes.
//
// # For vendors
//
// [JSONSchema] returns a JSON Schema (2020-12) generated from the Go types;
// tests prove it agrees with them and with Decode and Validate on the
// sample contracts. The command examples/contractcheck checks contract
// files from the command line.
//
// # Messages and concurrency
//
// [MessageTemplates] lists every message template of the package and of
// the embedded rules for translation; [Checker.MessageTemplates] lists
// those of a checker's rules, a pack's own included. A Checker is
// immutable; all functions are safe for concurrent use. The validator, the
// schema and the default checker are built once, on first use.
package contracts
