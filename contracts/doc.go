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
// A [Contract] holds the parties ([Institution], [Vendor] with a security
// [Contact]), the procurement [Category], the [System] values it touches
// with their grades (an MLPS level for China, a Vietnamese level for
// Vietnam), its [Term], its [DataHandling] and its [Clause] list. A clause
// has a [ClauseKind] ("incident-notification", "patching", ...), free text,
// optional citations and typed parameters: notice hours, remediation days
// per severity ([RemediationDays]), a support end date, RTO and RPO, remote
// access through the hospital's gateway and with MFA, a transfer
// assessment, data-return and log-retention days. Each parameter belongs to
// certain kinds ([ClauseKind.Params]).
//
// The institution carries the classes the rules depend on: its NIS2 class
// (EU and Czech contracts), its Czech regime (Czech contracts) and its
// [OperatorClass] under China's 2025 incident-reporting measures (Chinese
// contracts). [Contract.SignificantSupplier] marks the vendor as a
// significant supplier under Czech law.
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
// same value as encoding/json (a test and the fuzz target check this), at
// about half its cost. Time and memory grow linearly with the input, and
// at most 100 errors are reported, the last saying how many more there
// were: a hostile contract cannot stop the caller.
//
// [Validate] applies the validation tags through one validator/v10
// instance with custom tags registered once, plus struct-level rules: the
// term does not end before it starts (a one-day term is valid), hours and
// days are positive, a critical vulnerability never gets a longer deadline
// than a high one, parameters sit on their own clause kinds, and each
// jurisdiction's fields are set.
//
// Both return a [medsec.FieldErrors] list whose entries hold the path
// ("/clauses/3/notifyWithinHours"), the rule ("positive"), the offending
// value and a Message with a key such as "contracts.validate.positive"
// (decoding errors have the keys "medsec.decode.*" of the root package).
// They never return the validator's own text and never panic.
//
// # Clause coverage
//
// [Check] takes an as-of date and returns a [Report]: the [Requirement]
// list of every rule that applies, met or not, and the [Finding] list of
// what is missing or too weak, each with a [Severity], a citation that
// resolves in the instrument registry and a [medsec.Confidence].
//
// Required (legal) rules:
//   - CN-NHC-2022-29 art. 4: written network-security duties and liability
//     for breach with IT-construction participants and medical-device
//     suppliers (verified; partial for building-management and industrial
//     control systems, whose status as IT construction is inferred).
//   - Chinese health data: data localisation (the Measures' data chapter,
//     cited as a whole, partial) and storage in China; a transfer
//     assessment when data crosses the border (CN-PIPL-2021 art. 38, or art.
//     40 for CII operators, which also store under CN-CSL-2016 art. 37).
//   - NIS2 art. 21(2)(d), supply-chain security, for essential and
//     important entities: from 2024-10-18 for EU contracts and from
//     2025-11-01 (Act 264/2025) for Czech ones.
//   - Czech significant suppliers: until 2025-10-31 the areas of Decree
//     82/2018 Annex 7 (four verified areas partial, the rest unverified);
//     from 2025-11-01, for the higher regime, a proposed list for Decree
//     409/2025 that is unverified because the decree's list was not read.
//
// Recommended rules: the 28 ENISA good practices (ENISA-PROC-2020 GP-01 to
// GP-28) mapped to clause kinds, some with parameter checks (notice hours,
// remediation days, gateway and MFA, RTO and RPO, a support end date no
// earlier than the contract's end). The mapping is medsec's, not ENISA's
// wording; GP-01 and GP-10 concern the hospital's own process and map to no
// clause. Findings also flag a vendor incident notice slower than the
// hospital's own reporting deadline: 24 hours for NIS2 entities (EU-NIS2
// art. 23) and Czech regulated providers (CZ-ZKB-264-2025), 1, 2 or 4
// hours in China from 2025-11-01 (CN-CAC-2025-IR art. 4, by operator
// class), and 5 days in Vietnam (VN-QD-05-2017 art. 11(1)(a)).
//
// Missing clauses of the same kind and severity are reported once, with
// the best-established rule as the citation and the others in
// [Finding.Also]. A zero as-of date means the newest rules in the data.
// The procurement categories follow a working list of ENISA's section 2.2
// whose exact list was not read ([CategoryConfidence] is Unverified). The
// system grades are validated against the jurisdiction but do not yet
// change which clauses are required: the verified sources tie no contract
// clause to a grade.
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
// [MessageTemplates] lists every message template (keys start with
// "contracts.") for translation. All functions are safe for concurrent use;
// the validator, the schema and the rule caches are built once, on first
// use.
package contracts
