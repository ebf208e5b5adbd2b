// Package oscal writes medsec's law and gap reports as NIST OSCAL 1.2.2
// JSON, the format in which governance, risk and compliance tools and
// auditors exchange controls and assessment results.
//
// # Documents
//
//   - [WriteCatalog]: one catalog per pack ([Catalogs] lists them): every
//     duty of the pack is a control, grouped by instrument and by the
//     article of its first citation, with a back-matter resource for each
//     instrument and article it cites. A guideline's pack (ENISA's), which
//     has no duties, gets a control for each of its articles that a
//     mapping names: its good practices.
//   - [WriteProfile]: a baseline ([Baselines]: MLPS levels 1-5, Vietnamese
//     levels 1-5, NIS2 essential and important entities, the Czech higher
//     and lower regimes) as a profile that imports the catalogs and
//     selects exactly the duties that package obligations may bind at
//     that grade ([Select]).
//   - [WriteAssessmentResults]: a gap report ([obligations.Catalog.GapReport])
//     as assessment results, one finding per item.
//   - [WritePOAM]: a plan of action and milestones for what is overdue or
//     missing evidence, with the due dates as risk deadlines.
//   - [WriteMappingCollection]: a collection of cross-framework mappings
//     ([obligations.Catalog.Mappings]) in the OSCAL 1.2 mapping model.
//
// Every document validates against NIST's OSCAL 1.2.2 complete JSON
// Schema; the package's tests check that with an independent validator,
// and check the rules of OSCAL's metaschema that the JSON Schema cannot
// express (unique IDs, references that resolve, a statement in every
// control, medsec's names in medsec's namespace).
//
// # How medsec's data becomes OSCAL
//
// A duty becomes a control whose ID is the duty ID ("XA-FILING-30D"),
// class "duty":
//
//	title         the duty's title (through Options.Text)
//	statement     the duty's description: part "<ID>_smt", the target of findings
//	guidance      the duty's note: part "<ID>_gdn"
//	evidence      medsec part "<ID>_evd" with one item per typical evidence
//	props         alt-identifier (urn:medsec:duty:<ID>), and in medsec's
//	              namespace: jurisdiction, party, confidence, scope, scheme,
//	              min-level, max-level, entity-class, cz-regime, flag,
//	              not-flag, recurrence, trigger, interval (ISO 8601: P12M,
//	              P30D, PT24H) or working-days, report, incident,
//	              not-incident, in-force-from, in-force-until,
//	              retain-for (an ISO 8601 duration), role
//	links         each citation (rel "reference") and basis (rel "basis")
//	              to its back-matter resource, the alternative reading
//	              (rel "related") to its control
//
// An article that a mapping names becomes a control "<instrument>.<article>"
// ("ENISA-PROC-2020.GP-14"), class "article", with prop binding "no" for
// guidance. Groups are "i.<instrument>", and inside "i.<instrument>.art.<N>",
// "i.<instrument>.annex-<N>" or "i.<instrument>.whole".
//
// A gap report becomes one result with a finding per item whose target is
// the duty's statement. OSCAL has two states: "satisfied" for a met item,
// "not-satisfied" for every other, with the reason "fail" (overdue,
// missing evidence) or "other" (due soon, not yet due, on trigger); the
// exact medsec status, the due date, the evidence and any credit through a
// mapping ([obligations.Item.Credit]: via-mapping, mapping-set,
// mapping-relationship, mapping-coverage) are properties. A recorded piece
// of evidence is an observation (method UNKNOWN: medsec reads a record the
// institution made), linked from its finding; evidence that covers an item
// only in part through a mapping is an observation too, and the finding
// stays not satisfied. The systems are components. OSCAL asks for an
// assessment plan, which medsec does not write: the results import a
// back-matter resource that says so. The plan of action repeats the
// findings and components with the same UUIDs.
//
// A mapping collection has one mapping per set, between the catalogs of
// its two packs, and one map per pair: the relationship (equal-to,
// subset-of, superset-of, intersects-with, no-relationship), the
// confidence as OSCAL's category (verified high, partial medium,
// unverified low) and as medsec's word, the rationale and note as
// remarks, and the duties left unmapped on purpose as gap summaries.
//
// OSCAL has no multi-language fields: a document is written in one
// language, Options.Locale, in which Options.Text renders the duties'
// texts; medsec's own words in the documents, and the notes of its data,
// are English. Every text is escaped as CommonMark, so that a title or
// reference cannot add markup.
//
// # Identifiers
//
// Every UUID is derived, never random: the version-5 UUID ([UUID]) of a
// URN ([URN]) under medsec's namespace ([NamespaceID], itself the
// version-5 UUID of [Namespace] in the URL namespace). The URNs are
//
//	urn:medsec:duty:<duty>                          a duty (its alt-identifier)
//	urn:medsec:instrument:<instrument>              an instrument's resource
//	urn:medsec:article:<instrument>:<article>       an article's resource
//	urn:medsec:pack-catalog:<pack>                  the resource naming a pack's catalog
//	urn:medsec:institution:<institution>            the institution (party, system-id)
//	urn:medsec:system:<institution>:<system>        a system (component)
//	urn:medsec:report:<institution>:<as-of day>     a gap report (result)
//	urn:medsec:assessment-basis:<institution>:<as-of day>
//	urn:medsec:item:<institution>:<as-of day>:<duty>:<system>:<incident>:<role>
//	                                                a report item as finding, observation,
//	                                                credit, risk, remedy or poam
//	urn:medsec:mapping:<set>                        a mapping set
//	urn:medsec:map:<set>:<source>:<target>          a pair
//	urn:medsec:gap:<set>:<source|target>            a gap summary
//	urn:medsec:doc:<kind>:...                       a document (see below)
//
// with each part percent-encoded, so that "urn:medsec:article:CZ-VYH-82-2018:Annex%207"
// is the resource of Annex 7 of decree 82/2018. The objects of a gap
// report are keyed by the user's own IDs; Options.Namespace gives them a
// namespace of the user's own. A document's UUID hashes its URN and its
// content: "<URN>#sha256=<hex>", the SHA-256 of the document written with
// an empty UUID, so that it changes with every change of content, as
// OSCAL asks, and never otherwise.
//
// # Determinism
//
// The same input gives byte-identical output. The package reads no clock:
// catalogs, profiles and mapping collections take their last-modified
// time from the data's version date (at 00:00:00Z), gap reports from the
// as-of instant the caller gives, in its own time zone when OSCAL allows
// that offset, else in UTC, to the second. No map is iterated into the
// output, every list has a documented order (instruments by ID, articles
// in the registry's order, controls by ID, findings by duty, system and
// incident, sets and pairs in the data's order), and JSON is written with
// two-space indentation, unescaped <, > and &, and a final newline.
//
// # Errors
//
// Errors wrap [medsec.ErrInvalidInput] (options, a report and profile
// that do not belong together, an instant that is not on the report's
// day, an ID that cannot be an OSCAL value), with JSON Pointers such as
// "/asOf" or "/institution/systems/2/id", or [medsec.ErrInvalidData] (a
// text of the data that renders empty). A plan of action with nothing to
// plan is [ErrNothingToPlan].
package oscal
