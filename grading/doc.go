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
// Citations, each of which resolves in [medsec.DefaultRegistry], and the
// Confidence: the weakest fact the grade rests on.
//
// # Inputs: zero means "not given"
//
// Every enum's zero value means "not given". A missing input is an error,
// never a silent level 1. Errors wrap [medsec.ErrInvalidInput] and carry a
// [medsec.FieldErrors] list that names each missing or broken field by its
// Go path, such as "Information.Citizens" or
// "Enterprise.Partners[0].SharePercent", so one pass fixes them all. Where
// a harm is absent, state it: [NoHarm] is a value, and the zero [Harm] is
// not. An MLPS input whose six harms are all NoHarm is an error too, since
// a system that can harm nothing has no level.
//
// # As-of dates
//
// [Options.AsOf] selects the rules in force on that day. The zero value
// means the newest rules in the data, and the result then reports
// [medsec.DataVersion] as its as-of date. The dates come from the embedded
// registry:
//
//   - GB/T 22240-2008 applies up to 2020-10-31, and GB/T 22240-2020 from
//     2020-11-01. The reasons name the edition used.
//   - The 2011 health-sector floors apply from 2011-11-29.
//   - Law 116/2025 replaces Vietnam's Law 86/2015 on 2026-07-01. Its level
//     decrees are not verified, so the Decree 85 criteria still apply, the
//     result says so, and the confidence becomes Unverified. For levels 4-5
//     the Ministry of Public Security is shown as appraiser from 2025-03-01.
//   - Czech Act 264/2025 applies from 2025-11-01. Before that date the
//     result cites Act 181/2014 and has no regime.
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
// meets, and the reasons name every criterion met by article and point. For
// example, art. 9(2)(c) applies to an online service that processes the
// personal data of 10,000 users or more, while 9,999 users falls under
// art. 8(2)(c). The result also carries the approval path ([VNApproval]:
// who appraises and who approves, 15 or 30 days, 7 working days) and the
// assessment cadence ([VNAssessment]: art. 20(2)(c)).
//
// # EU NIS2 and Czechia
//
// [NIS2] adds partner and linked enterprises to the entity's figures
// ([Enterprise.Aggregate]) and sizes the total with [Figures.Size]. Health
// is point 5 of Annex I; the manufacture of medical devices is point 5(a)
// of Annex II, except the devices critical during a public health
// emergency, which are in Annex I point 5. An
// Annex I health entity above the medium-sized ceilings is essential, and
// any other in-scope entity of at least medium size is important. The
// size-independent designations (critical entity, sole provider,
// member-state identification) are recorded from recollection, so they
// give confidence Unverified.
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
// With [Options.LevelOnly], MLPS and Vietnam grading allocate nothing and
// take tens of nanoseconds. Explained results allocate their reasons.
// Grading functions keep no state and are safe for concurrent use.
package grading
