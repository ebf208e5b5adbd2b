// Package grading works out the protection grade of a hospital's systems and
// institutions under four schemes. For each scheme it gives the grade, the
// reasons step by step, the provisions behind each step, and how well the
// conclusion is established.
//
// Each scheme has one function and one input type. They all return a
// scheme result that embeds the common [Result]:
//
//	scheme                                  function   input        grade field
//	China, MLPS 2.0 (GB/T 22240)            [MLPS]     [MLPSInput]  MLPSResult.Level ([MLPSLevel])
//	Vietnam, Decree 85/2016                 [Vietnam]  [VNInput]    VNResult.Level ([VNLevel])
//	EU, NIS2 Directive                      [NIS2]     [NIS2Input]  NIS2Result.Class ([EntityClass]), .Size ([SizeClass])
//	Czechia, Act 264/2025 Sb.               [Czech]    [CZInput]    CZResult.Regime ([CZRegime])
//
// [Result] carries the Scheme, the AsOf date whose rules were applied,
// the Reasons as translatable [medsec.Message] values (package i18n renders
// them in other languages, and [MessageTemplates] lists every key), the
// Citations, each of which resolves in the registry, and the Confidence:
// the weakest fact the grade rests on.
//
// # The law is data; the algorithms are Go
//
// Every legal fact grading applies is data in the grading.json file of a
// pack (see [medsec.Pack] and law/README.md in the module): the MLPS
// matrices of both editions of GB/T 22240 cell by cell, the "higher of
// the two aspects" rule, the health-sector floors and what a level
// triggers (law/cn); every criterion point of Decree 85/2016 arts. 7-11
// with the conditions on the input that select it, the appraisal and
// approval path and the assessment cadence (law/vn); the NIS2 health
// entity types with their annex points, the size classes of
// Recommendation 2003/361 and the classification rules (law/eu); the
// regimes of the Czech Act 264/2025 (law/cz). Each fact has its citation,
// its confidence and a note that says what is not verified. The days on
// which the rules change are not copied anywhere: they are the in-force
// periods of the registry's instruments and its legal dates, to which the
// data refers by ID.
//
// A [Grader] holds the facts of one registry. [New] reads the grading.json
// of every pack of a registry, strictly, and refuses the whole registry if
// one fact is broken: an unknown field, a citation or a legal date the
// registry does not hold, a level out of range, a message whose text takes
// the wrong arguments, a fact below verified without a note. Every error
// names the file and the JSON Pointer of the fact. The package-level
// functions use the grader of [medsec.DefaultRegistry], built on first use:
//
//	g, err := grading.New(reg) // reg: medsec.DefaultRegistry().With(myPack)
//	r, err := g.MLPS(in, grading.Options{AsOf: day})
//
// A pack of your own can state a scheme's facts only if no other pack of
// the registry does: to correct a fact, build a registry of your packs
// (medsec.RegistryOf) with your copy of the pack that states it. A new
// grading scheme needs Go (an algorithm and its input type); new facts for
// an existing scheme need only data.
//
// # Inputs: zero means "not given"
//
// Every enum's zero value means "not given". A missing input is an error,
// never a silent level 1. Errors wrap [medsec.ErrInvalidInput] and carry a
// [medsec.FieldErrors] list that names each missing or broken field by the
// JSON Pointer of the input's JSON form, such as "/information/citizens"
// or "/enterprise/partners/0/sharePercent", so one pass fixes them all.
// Where a harm is absent, state it: [NoHarm] is a value, and the zero
// [Harm] is not. An MLPS input whose six harms are all NoHarm is an error
// too, since a system that can harm nothing has no level. The Validate
// methods of the input types ([MLPSInput.Validate] and so on) make the
// same checks without grading.
//
// # Reading input from files
//
// Package grading holds the data types and the algorithms, and links
// neither encoding/json nor encoding/csv (it reads its law with the
// module's own small strict JSON decoder), so that a program that only
// grades stays small.
// Package [github.com/medsec-go/medsec/grading/gradingio] reads the inputs
// from files, as encoding/csv is apart from the data it reads: strict
// JSON decoders for each input type and for all the inputs of an
// institution in one document, a reader of CSV system inventories, and
// the JSON Schemas of the formats.
//
// # As-of dates
//
// [Options.AsOf] is required: it is the day whose rules apply. A zero
// as-of date is an error (path "Options.AsOf") that asks for it, so that
// no result silently depends on the day the data was written or the
// program runs. The rules in force on the day come from the registry:
//
//   - GB/T 22240-2008 applies up to 2020-10-31, and GB/T 22240-2020 from
//     2020-11-01 (the editions' in-force periods). The reasons name the
//     edition used.
//   - The 2011 health-sector floors apply while the 2011 guidance is in
//     force, from 2011-11-29.
//   - Law 116/2025 replaces Vietnam's Law 86/2015 on 2026-07-01. Its level
//     decrees are not verified, so the Decree 85 criteria still apply, the
//     result says so, and the confidence becomes Unverified. For levels 4-5
//     the Ministry of Public Security is shown as appraiser from the legal
//     date VN-MPS-TAKEOVER (2025-03-01).
//   - NIS2 entered into force on 2023-01-16; before the legal date
//     EU-NIS2-APPLICATION (2024-10-18) a reason says that member states
//     were still transposing it.
//   - Czech Act 264/2025 applies from 2025-11-01. Before that day the
//     result cites Act 181/2014 and has no regime.
//
// A day before a scheme's first rules is an error.
//
// # China: MLPS 2.0
//
// The level of each aspect (business information, system service) is the
// highest matrix cell over the three objects harmed. The matrix level is
// the higher of the two aspects. A health-sector floor then raises the
// level: core business systems of 三级甲等 hospitals and the national,
// provincial and municipal health platforms are at least level 3. The
// 2011 guidance that sets these floors is known only through secondary
// quotations, so its confidence is Partial.
//
// One matrix cell, citizens × particularly serious harm, was read two
// ways. medsec reads it as level 2 under both editions: the 2020
// standard's level definitions give "serious or particularly serious
// harm" to citizens' rights level 2 (level 3 names no citizens), and a
// reproduction of the 2020 matrix agrees. This rests on reproductions, not
// on the standard's text, so a level that rests on the cell has
// confidence Partial, MLPSResult.Disputed is set, and a reason says so.
// The level-3 reading comes from the January 2018 draft of the grading
// guide (and the 2018 draft MLPS regulation), which never took effect.
// [Options.MLPSCitizensCellDraft2018] applies it, to the 2020 edition
// only, on request; a level that rests on it is Unverified.
//
// Internet hospitals get no floor. The "level 3" rule for them comes from
// one secondary source that names no instrument, and the reasons say so.
//
// [MLPSTriggersFor] (or [MLPSResult.Triggers]) lists what a level
// triggers, as typed data with citations and confidence: expert review and
// approval from level 2; review by the national committee from level 4;
// filing with public security within 30 days (verified), with the
// reported 10-working-day practice as an unverified alternative; and the
// assessment interval.
//
// # Vietnam: Decree 85/2016
//
// The level is that of the highest criterion of arts. 7-11 the system
// meets, and the reasons name every criterion met by article and point, in
// the order of the decree. For example, art. 9(2)(c) applies to an online
// service that processes the personal data of 10,000 users or more, while
// 9,999 users falls under art. 8(2)(c). The result also carries the
// approval path ([VNApproval]: who appraises and who approves, 15 or 30
// days, 7 working days) and the assessment cadence ([VNAssessment]: art.
// 20(2)(c)).
//
// # EU NIS2 and Czechia
//
// [NIS2] adds partner and linked enterprises to the entity's figures
// ([Enterprise.Aggregate]) and sizes the total with [Grader.Size]. Health
// is point 5 of Annex I; the manufacture of medical devices is point 5(a)
// of Annex II, except the devices critical during a public health
// emergency, which are in Annex I point 5. An Annex I health entity above
// the medium-sized ceilings is essential, and any other in-scope entity of
// at least medium size is important. The size-independent designations
// (critical entity, sole provider, member-state identification) are
// recorded from recollection, so they give confidence Unverified.
//
// [Czech] places a provider in the higher or lower regime under § 8(1).
// medsec's data does not include Decree 408/2025's list of health services
// or its significance thresholds, so the caller states them in
// CZInput.RegulatedService and CZInput.Significant. If Significant is
// left unset, the regime is inferred from the size class by analogy with
// NIS2, and the result is marked Unverified.
//
// # Performance
//
// A Grader is built once per registry (well under a millisecond for the
// embedded packs) and is immutable: grading keeps no state and is safe for
// concurrent use. With [Options.LevelOnly], MLPS, Vietnam, NIS2 and Czech
// grading allocate nothing; MLPS then takes two lookups in a table the
// Grader builds from the matrix data, a few tens of nanoseconds. Explained
// results allocate their reasons.
package grading
