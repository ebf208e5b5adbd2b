package grading

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// Every user-visible text of the package is made from one of these
// templates. A test checks that MessageTemplates lists each of them.
var (
	// Common.
	msgResultNamed   = medsec.MessageTemplate{Key: "grading.reason.result.named", Format: "%s: %v (confidence: %v)."}
	msgResultUnnamed = medsec.MessageTemplate{Key: "grading.reason.result.unnamed", Format: "Result: %v (confidence: %v)."}
	msgAnswerYes     = medsec.MessageTemplate{Key: "grading.answer.yes", Format: "yes"}
	msgAnswerNo      = medsec.MessageTemplate{Key: "grading.answer.no", Format: "no"}
	msgAnswerUnknown = medsec.MessageTemplate{Key: "grading.answer.unknown", Format: "not stated"}

	// Errors.
	msgErrRequired    = medsec.MessageTemplate{Key: "grading.error.required", Format: "missing: %v"}
	msgErrInvalid     = medsec.MessageTemplate{Key: "grading.error.invalid", Format: "invalid value %q"}
	msgErrMin         = medsec.MessageTemplate{Key: "grading.error.min", Format: "must be at least %v (got %v)"}
	msgErrMax         = medsec.MessageTemplate{Key: "grading.error.max", Format: "must be at most %v (got %v)"}
	msgErrGreater     = medsec.MessageTemplate{Key: "grading.error.greater", Format: "must be greater than %v (got %v)"}
	msgErrAllNone     = medsec.MessageTemplate{Key: "grading.error.mlps.allnone", Format: "every object of both aspects has harm \"none\"; a graded system must be able to harm at least one object"}
	msgErrNotInForce  = medsec.MessageTemplate{Key: "grading.error.notinforce", Format: "no %s rules are in force on %v (the earliest start on %v)"}
	msgErrBadDate     = medsec.MessageTemplate{Key: "grading.error.date", Format: "the as-of date %v is not a calendar date"}
	msgErrNoCriterion = medsec.MessageTemplate{Key: "grading.error.vn.nocriterion", Format: "no criterion of Decree 85/2016 arts. 7-11 matches a system of type %v; describe it as internal, public-facing, infrastructure or industrial control, or state the state-secret harm or a designation"}
	msgErrNotCorrect  = medsec.MessageTemplate{Key: "grading.error.conflict", Format: "contradicts %s"}

	msgErrInstitutionNil   = medsec.MessageTemplate{Key: "grading.error.institution.nil", Format: "no institution was given"}
	msgErrInstitutionField = medsec.MessageTemplate{Key: "grading.error.institution.field", Format: "%s is required"}
	msgErrJurisdiction     = medsec.MessageTemplate{Key: "grading.error.institution.jurisdiction", Format: "no pack of the registry declares the jurisdiction %q: use one of the registry's jurisdictions or add a pack for it"}
	msgErrSystemTwice      = medsec.MessageTemplate{Key: "grading.error.institution.system-twice", Format: "the system ID %q is used twice: give each system its own ID"}
	msgErrFlag             = medsec.MessageTemplate{Key: "grading.error.institution.flag", Format: "no pack of the registry declares the flag %q: check its spelling"}
	msgErrEvent            = medsec.MessageTemplate{Key: "grading.error.institution.event", Format: "no pack of the registry declares the event %q: check its spelling"}

	// Hints for missing fields.
	msgHintMLPSHarm        = medsec.MessageTemplate{Key: "grading.hint.mlps.harm", Format: "state the degree of harm: none, general, serious or particularly-serious"}
	msgHintVNType          = medsec.MessageTemplate{Key: "grading.hint.vn.type", Format: "the system type: internal, public-facing, infrastructure, industrial-control or other"}
	msgHintVNInformation   = medsec.MessageTemplate{Key: "grading.hint.vn.information", Format: "the information classes processed: public, private, personal, state-secret"}
	msgHintVNSecretGrade   = medsec.MessageTemplate{Key: "grading.hint.vn.secretgrade", Format: "the state-secret grade: mat, toi-mat or tuyet-mat"}
	msgHintVNSecretHarm    = medsec.MessageTemplate{Key: "grading.hint.vn.secretharm", Format: "the harm to defence and national security: harm, serious or especially-serious"}
	msgHintVNPublicService = medsec.MessageTemplate{Key: "grading.hint.vn.publicservice", Format: "the online public-service level 1-4, or none"}
	msgHintVNConditional   = medsec.MessageTemplate{Key: "grading.hint.vn.conditional", Format: "whether the service is in the list of conditional business lines (yes or no)"}
	msgHintVNUsers         = medsec.MessageTemplate{Key: "grading.hint.vn.users", Format: "the number of users whose private or personal information the system processes"}
	msgHintVNReach         = medsec.MessageTemplate{Key: "grading.hint.vn.reach", Format: "the reach: one-organisation, sector-or-province, nationwide or international"}
	msgHintVNNonStop       = medsec.MessageTemplate{Key: "grading.hint.vn.nonstop", Format: "whether the system must run 24/7 without unplanned stoppage (yes or no)"}
	msgHintVNWorks         = medsec.MessageTemplate{Key: "grading.hint.vn.works", Format: "the grade of the construction works: special, I, II, III or IV"}
	msgHintNIS2Type        = medsec.MessageTemplate{Key: "grading.hint.nis2.type", Format: "the entity type: healthcare-provider, eu-reference-lab, medicinal-rd, pharma-manufacturing, critical-medical-devices, medical-devices or other"}
	msgHintHeadcount       = medsec.MessageTemplate{Key: "grading.hint.headcount", Format: "the headcount in annual work units"}
	msgHintTurnover        = medsec.MessageTemplate{Key: "grading.hint.turnover", Format: "the annual turnover in EUR"}
	msgHintBalance         = medsec.MessageTemplate{Key: "grading.hint.balance", Format: "the annual balance-sheet total in EUR"}
	msgHintCZRegulated     = medsec.MessageTemplate{Key: "grading.hint.cz.regulated", Format: "whether the entity provides a regulated service under Decree 408/2025 (yes or no)"}
	msgHintGeneric         = medsec.MessageTemplate{Key: "grading.hint.generic", Format: "give a value"}

	// MLPS.
	msgMLPSLevel1         = medsec.MessageTemplate{Key: "grading.mlps.level.1", Format: "level 1 (user-discretionary protection)"}
	msgMLPSLevel2         = medsec.MessageTemplate{Key: "grading.mlps.level.2", Format: "level 2 (guided protection)"}
	msgMLPSLevel3         = medsec.MessageTemplate{Key: "grading.mlps.level.3", Format: "level 3 (supervised protection)"}
	msgMLPSLevel4         = medsec.MessageTemplate{Key: "grading.mlps.level.4", Format: "level 4 (mandatory protection)"}
	msgMLPSLevel5         = medsec.MessageTemplate{Key: "grading.mlps.level.5", Format: "level 5 (specially controlled protection)"}
	msgMLPSLevelUnknown   = medsec.MessageTemplate{Key: "grading.mlps.level.unknown", Format: "no MLPS level"}
	msgHarmNone           = medsec.MessageTemplate{Key: "grading.mlps.harm.none", Format: "no harm"}
	msgHarmGeneral        = medsec.MessageTemplate{Key: "grading.mlps.harm.general", Format: "general harm"}
	msgHarmSerious        = medsec.MessageTemplate{Key: "grading.mlps.harm.serious", Format: "serious harm"}
	msgHarmParticularly   = medsec.MessageTemplate{Key: "grading.mlps.harm.particularlyserious", Format: "particularly serious harm"}
	msgObjCitizens        = medsec.MessageTemplate{Key: "grading.mlps.object.citizens", Format: "citizens, legal persons and other organisations"}
	msgObjSociety         = medsec.MessageTemplate{Key: "grading.mlps.object.society", Format: "social order and the public interest"}
	msgObjNation          = medsec.MessageTemplate{Key: "grading.mlps.object.nation", Format: "national security"}
	msgAspectInformation  = medsec.MessageTemplate{Key: "grading.mlps.aspect.information", Format: "business-information security"}
	msgAspectService      = medsec.MessageTemplate{Key: "grading.mlps.aspect.service", Format: "system-service security"}
	msgMLPSEdition        = medsec.MessageTemplate{Key: "grading.mlps.reason.edition", Format: "On %v the grading guide in force is %s (from %v)."}
	msgMLPSAspect         = medsec.MessageTemplate{Key: "grading.mlps.reason.aspect", Format: "%v: %v, from %v to %v."}
	msgMLPSAspectNone     = medsec.MessageTemplate{Key: "grading.mlps.reason.aspect.none", Format: "%v: no object is harmed."}
	msgMLPSAspectsEqual   = medsec.MessageTemplate{Key: "grading.mlps.reason.aspects.equal", Format: "Both aspects give %v, so the matrix level is %v."}
	msgMLPSAspectsMax     = medsec.MessageTemplate{Key: "grading.mlps.reason.aspects.max", Format: "The matrix level is the higher of the two aspects: %v (the \"higher of\" rule is partly verified)."}
	msgMLPSCellLevel2     = medsec.MessageTemplate{Key: "grading.mlps.reason.cell.level2", Format: "The matrix cell for particularly serious harm to citizens, legal persons and other organisations gives %[2]v under %[1]s (partly verified): the standard's level definitions and its matrix, as reproduced, put that harm at level 2. A level-3 reading comes from the January 2018 draft of the grading guide, which never took effect; it is applied only on request."}
	msgMLPSCellDraft2018  = medsec.MessageTemplate{Key: "grading.mlps.reason.cell.draft2018", Format: "As requested, the matrix cell for particularly serious harm to citizens, legal persons and other organisations is read as %[2]v, the reading of the January 2018 draft of the grading guide, which never took effect; %[1]s itself gives level 2. A level that rests on this reading is unverified."}
	msgMLPSFloorRaised    = medsec.MessageTemplate{Key: "grading.mlps.reason.floor.raised", Format: "Health-sector floor: %v is graded at least %v, which raises the level from %v (2011 health-sector guidance, quoted by secondary sources)."}
	msgMLPSFloorMet       = medsec.MessageTemplate{Key: "grading.mlps.reason.floor.met", Format: "Health-sector floor: %v is graded at least %v; the matrix already gives %v."}
	msgMLPSFloorTooEarly  = medsec.MessageTemplate{Key: "grading.mlps.reason.floor.tooearly", Format: "The health-sector floors apply from %v, so none is applied on %v."}
	msgMLPSFloorTertiary  = medsec.MessageTemplate{Key: "grading.mlps.floor.tertiary", Format: "a core business system of a tertiary grade-A (三级甲等) hospital"}
	msgMLPSFloorPlatform  = medsec.MessageTemplate{Key: "grading.mlps.floor.platform", Format: "a national, provincial or municipal health information platform"}
	msgMLPSInternetHosp   = medsec.MessageTemplate{Key: "grading.mlps.reason.internethospital", Format: "No floor is applied for internet hospitals: the rule that they are level 3 comes from one secondary source that names no instrument, so the matrix level stands. Check it with your superior department."}
	msgMLPSTrigDocument   = medsec.MessageTemplate{Key: "grading.mlps.trigger.document", Format: "Record the level and the reasons for it in writing."}
	msgMLPSTrigReview     = medsec.MessageTemplate{Key: "grading.mlps.trigger.expertreview", Format: "Have the grading reviewed by security experts."}
	msgMLPSTrigApproval   = medsec.MessageTemplate{Key: "grading.mlps.trigger.approval", Format: "Have the grading approved by the superior (competent) department."}
	msgMLPSTrigCommittee  = medsec.MessageTemplate{Key: "grading.mlps.trigger.committee", Format: "Have the grading reviewed by the national expert committee for classified protection."}
	msgMLPSTrigFiling     = medsec.MessageTemplate{Key: "grading.mlps.trigger.filing", Format: "File the system with the public security organ at municipal level or above, after grading (or after going live, for a new system)."}
	msgMLPSTrigFilingAlt  = medsec.MessageTemplate{Key: "grading.mlps.trigger.filing.alt", Format: "Reported newer practice: file within 10 working days of grading, at county level or above; the source is the 2018 draft regulation and was not confirmed in a binding text."}
	msgMLPSTrigTesting    = medsec.MessageTemplate{Key: "grading.mlps.trigger.testing", Format: "Have the system assessed (等级测评) by a testing body."}
	msgMLPSTrigTestL2     = medsec.MessageTemplate{Key: "grading.mlps.trigger.testing.l2", Format: "Level 2 is assessed periodically and after major changes; 24 months is customary practice, not a binding rule."}
	msgMLPSTrigTestL4Alt  = medsec.MessageTemplate{Key: "grading.mlps.trigger.testing.l4alt", Format: "2025 Ministry of Public Security Q&A (secondary): level 3 and above are assessed yearly, which conflicts with the 2007 six-month rule for level 4."}
	msgMLPSTrigTestL5     = medsec.MessageTemplate{Key: "grading.mlps.trigger.testing.l5", Format: "Level 5 is assessed according to special security needs (2007 Measures); a 2025 Q&A (secondary) says yearly."}
	msgMLPSTrigHealthcare = medsec.MessageTemplate{Key: "grading.mlps.trigger.approval.health", Format: "Health institutions submit the level of a new network to their superior department for approval at the planning stage."}

	// Vietnam.
	msgVNLevel           = medsec.MessageTemplate{Key: "grading.vn.level", Format: "level %d"}
	msgVNLevelUnknown    = medsec.MessageTemplate{Key: "grading.vn.level.unknown", Format: "no Vietnamese level"}
	msgVNCriterion       = medsec.MessageTemplate{Key: "grading.vn.reason.criterion", Format: "%s: %v, which means %v."}
	msgVNHighest         = medsec.MessageTemplate{Key: "grading.vn.reason.highest", Format: "The highest criterion met decides the level: %v."}
	msgVNLaw116          = medsec.MessageTemplate{Key: "grading.vn.reason.law116", Format: "Law 116/2025 on Cybersecurity replaces Law 86/2015 from %v, but its level decrees are not verified; medsec still applies the criteria of Decree 85/2016."}
	msgVNNationwideInfer = medsec.MessageTemplate{Key: "grading.vn.reason.nationwide", Format: "Nationwide infrastructure without a 24/7 no-stoppage requirement matches no criterion word for word; medsec reads it as shared infrastructure for several provinces (art. 9 point 3). This is an inference."}
	msgVNApproval        = medsec.MessageTemplate{Key: "grading.vn.reason.approval", Format: "Level dossier: appraised by %v, approved by %v."}
	msgVNApprovalMPS     = medsec.MessageTemplate{Key: "grading.vn.reason.approval.mps", Format: "Since %v the Ministry of Public Security exercises the information ministry's role; whether every appraisal step moved is not confirmed."}
	msgVNAssessment      = medsec.MessageTemplate{Key: "grading.vn.reason.assessment", Format: "Assessment: the organisation every %v; this system %v."}
	msgVNC7              = medsec.MessageTemplate{Key: "grading.vn.criterion.7", Format: "an internal system that processes only public information"}
	msgVNC8p1            = medsec.MessageTemplate{Key: "grading.vn.criterion.8.1", Format: "an internal system that processes private or personal information but no state secrets"}
	msgVNC8p2a           = medsec.MessageTemplate{Key: "grading.vn.criterion.8.2a", Format: "online public services at level %d (level 2 or below)"}
	msgVNC8p2b           = medsec.MessageTemplate{Key: "grading.vn.criterion.8.2b", Format: "online services not in the list of conditional business lines"}
	msgVNC8p2c           = medsec.MessageTemplate{Key: "grading.vn.criterion.8.2c", Format: "online services processing private or personal information of %d users (fewer than 10,000)"}
	msgVNC8p3            = medsec.MessageTemplate{Key: "grading.vn.criterion.8.3", Format: "information infrastructure serving one agency or organisation"}
	msgVNC9p1            = medsec.MessageTemplate{Key: "grading.vn.criterion.9.1", Format: "a system processing state secrets (%v) whose compromise would harm defence and national security"}
	msgVNC9p2a           = medsec.MessageTemplate{Key: "grading.vn.criterion.9.2a", Format: "online public services at level %d (level 3 or above)"}
	msgVNC9p2b           = medsec.MessageTemplate{Key: "grading.vn.criterion.9.2b", Format: "online services in the list of conditional business lines"}
	msgVNC9p2c           = medsec.MessageTemplate{Key: "grading.vn.criterion.9.2c", Format: "online services processing private or personal information of %d users (10,000 or more)"}
	msgVNC9p3            = medsec.MessageTemplate{Key: "grading.vn.criterion.9.3", Format: "shared information infrastructure for one sector, one province or several provinces"}
	msgVNC9p4            = medsec.MessageTemplate{Key: "grading.vn.criterion.9.4", Format: "an industrial control system directly running construction works of grade %v"}
	msgVNC10p1           = medsec.MessageTemplate{Key: "grading.vn.criterion.10.1", Format: "a system processing state secrets (%v) whose compromise would seriously harm defence and national security"}
	msgVNC10p2           = medsec.MessageTemplate{Key: "grading.vn.criterion.10.2", Format: "a national e-government system that must run 24/7 without unplanned stoppage"}
	msgVNC10p3           = medsec.MessageTemplate{Key: "grading.vn.criterion.10.3", Format: "nationwide shared infrastructure that must run 24/7 without unplanned stoppage"}
	msgVNC10p4           = medsec.MessageTemplate{Key: "grading.vn.criterion.10.4", Format: "an industrial control system directly running construction works of grade I"}
	msgVNC11p1           = medsec.MessageTemplate{Key: "grading.vn.criterion.11.1", Format: "a system processing state secrets (%v) whose compromise would especially seriously harm defence and national security"}
	msgVNC11p2           = medsec.MessageTemplate{Key: "grading.vn.criterion.11.2", Format: "centralised storage of especially important national data"}
	msgVNC11p3           = medsec.MessageTemplate{Key: "grading.vn.criterion.11.3", Format: "national infrastructure connecting Vietnam internationally"}
	msgVNC11p4           = medsec.MessageTemplate{Key: "grading.vn.criterion.11.4", Format: "an industrial control system for special-grade construction works or works important to national security"}
	msgVNC11p5           = medsec.MessageTemplate{Key: "grading.vn.criterion.11.5", Format: "a system designated by the Prime Minister"}
	msgVNBodyUnit        = medsec.MessageTemplate{Key: "grading.vn.body.securityunit", Format: "the system owner's specialised information-security unit"}
	msgVNBodyOwner       = medsec.MessageTemplate{Key: "grading.vn.body.owner", Format: "the system owner (chủ quản)"}
	msgVNBodyMIC         = medsec.MessageTemplate{Key: "grading.vn.body.mic", Format: "the Ministry of Information and Communications, with the Ministries of Defence and Public Security"}
	msgVNBodyMPS         = medsec.MessageTemplate{Key: "grading.vn.body.mps", Format: "the Ministry of Public Security (Department A05), with the Ministry of Defence"}
	msgVNBodyPM          = medsec.MessageTemplate{Key: "grading.vn.body.pm", Format: "the Prime Minister, who approves the list of level-5 systems; the owner approves the security plan"}
	msgVNAssessEvery     = medsec.MessageTemplate{Key: "grading.vn.assessment.every", Format: "every %v, by a licensed or designated assessment body"}
	msgVNAssessNone      = medsec.MessageTemplate{Key: "grading.vn.assessment.none", Format: "has no separate cadence below level 3"}
	msgVNSecretMat       = medsec.MessageTemplate{Key: "grading.vn.secret.mat", Format: "Mật (confidential)"}
	msgVNSecretToiMat    = medsec.MessageTemplate{Key: "grading.vn.secret.toimat", Format: "Tối mật (secret)"}
	msgVNSecretTuyetMat  = medsec.MessageTemplate{Key: "grading.vn.secret.tuyetmat", Format: "Tuyệt mật (top secret)"}
	msgVNTypeInternal    = medsec.MessageTemplate{Key: "grading.vn.type.internal", Format: "internal"}
	msgVNTypePublic      = medsec.MessageTemplate{Key: "grading.vn.type.public", Format: "citizen- or business-facing"}
	msgVNTypeInfra       = medsec.MessageTemplate{Key: "grading.vn.type.infrastructure", Format: "information infrastructure"}
	msgVNTypeICS         = medsec.MessageTemplate{Key: "grading.vn.type.ics", Format: "industrial control"}
	msgVNTypeOther       = medsec.MessageTemplate{Key: "grading.vn.type.other", Format: "other"}
	msgVNWorksSpecial    = medsec.MessageTemplate{Key: "grading.vn.works.special", Format: "special grade"}
	msgVNWorksGrade      = medsec.MessageTemplate{Key: "grading.vn.works.grade", Format: "grade %s"}
	msgNIS2TypeProvider  = medsec.MessageTemplate{Key: "grading.nis2.type.healthcareprovider", Format: "healthcare provider"}
	msgNIS2TypeRefLab    = medsec.MessageTemplate{Key: "grading.nis2.type.referencelab", Format: "EU reference laboratory"}
	msgNIS2TypeRD        = medsec.MessageTemplate{Key: "grading.nis2.type.medicinalrd", Format: "research and development of medicinal products"}
	msgNIS2TypePharma    = medsec.MessageTemplate{Key: "grading.nis2.type.pharma", Format: "manufacturing of basic pharmaceutical products and preparations"}
	msgNIS2TypeCritical  = medsec.MessageTemplate{Key: "grading.nis2.type.criticaldevices", Format: "manufacturing of medical devices critical during a public health emergency"}
	msgNIS2TypeDevices   = medsec.MessageTemplate{Key: "grading.nis2.type.devices", Format: "manufacturing of medical devices and in vitro diagnostics"}
	msgNIS2TypeOther     = medsec.MessageTemplate{Key: "grading.nis2.type.other", Format: "an entity type not listed in the health annexes"}
	msgSizeSmall         = medsec.MessageTemplate{Key: "grading.size.small", Format: "small enterprise"}
	msgSizeMedium        = medsec.MessageTemplate{Key: "grading.size.medium", Format: "medium-sized enterprise"}
	msgSizeLarge         = medsec.MessageTemplate{Key: "grading.size.large", Format: "large enterprise"}
	msgSizeUnknown       = medsec.MessageTemplate{Key: "grading.size.unknown", Format: "size not known"}
	msgClassEssential    = medsec.MessageTemplate{Key: "grading.nis2.class.essential", Format: "essential entity"}
	msgClassImportant    = medsec.MessageTemplate{Key: "grading.nis2.class.important", Format: "important entity"}
	msgClassOut          = medsec.MessageTemplate{Key: "grading.nis2.class.outofscope", Format: "out of scope"}
	msgClassUnknown      = medsec.MessageTemplate{Key: "grading.nis2.class.unknown", Format: "not classified"}
	msgNIS2Aggregate     = medsec.MessageTemplate{Key: "grading.nis2.reason.aggregate", Format: "Group figures per Recommendation 2003/361: linked enterprises (%d) added in full and partner enterprises (%d) pro rata (the pro-rata rule is partly verified)."}
	msgNIS2Size          = medsec.MessageTemplate{Key: "grading.nis2.reason.size", Format: "Size: %v (headcount %v, turnover EUR %d, balance sheet EUR %d)."}
	msgNIS2Annex1        = medsec.MessageTemplate{Key: "grading.nis2.reason.annex1", Format: "The entity type, %v, is listed in Annex I, point 5 (health)."}
	msgNIS2Annex2        = medsec.MessageTemplate{Key: "grading.nis2.reason.annex2", Format: "The entity type, %v, is listed in Annex II, point 5(a) (manufacture of medical devices)."}
	msgNIS2NotListed     = medsec.MessageTemplate{Key: "grading.nis2.reason.notlisted", Format: "The entity is %v, so NIS2 does not cover it as a health entity."}
	msgNIS2Large         = medsec.MessageTemplate{Key: "grading.nis2.reason.large", Format: "An Annex I entity that exceeds the ceilings for medium-sized enterprises is essential."}
	msgNIS2Important     = medsec.MessageTemplate{Key: "grading.nis2.reason.important", Format: "An in-scope entity that is not essential is important."}
	msgNIS2Small         = medsec.MessageTemplate{Key: "grading.nis2.reason.small", Format: "A small enterprise is below the NIS2 size floor and no size-independent designation applies."}
	msgNIS2Critical      = medsec.MessageTemplate{Key: "grading.nis2.reason.critical", Format: "Identified as a critical entity (Directive (EU) 2022/2557): essential regardless of size. This rule is recorded from recollection, not read in the text."}
	msgNIS2MemberState   = medsec.MessageTemplate{Key: "grading.nis2.reason.memberstate", Format: "Identified by the member state as essential regardless of size. This rule is recorded from recollection, not read in the text."}
	msgNIS2Sole          = medsec.MessageTemplate{Key: "grading.nis2.reason.sole", Format: "Sole provider in the member state of a service essential to society or the economy: in scope regardless of size. This rule is recorded from recollection, not read in the text."}
	msgNIS2Transposing   = medsec.MessageTemplate{Key: "grading.nis2.reason.transposing", Format: "On %v member states were still transposing NIS2; entities are bound through national law from %v."}
	msgCZHigher          = medsec.MessageTemplate{Key: "grading.cz.regime.higher", Format: "higher obligations regime"}
	msgCZLower           = medsec.MessageTemplate{Key: "grading.cz.regime.lower", Format: "lower obligations regime"}
	msgCZNotRegulated    = medsec.MessageTemplate{Key: "grading.cz.regime.notregulated", Format: "not a regulated-service provider"}
	msgCZUnknown         = medsec.MessageTemplate{Key: "grading.cz.regime.unknown", Format: "no regime under Act 264/2025"}
	msgCZReasonNot       = medsec.MessageTemplate{Key: "grading.cz.reason.notregulated", Format: "You state that the entity provides no regulated service under Decree 408/2025, so Act 264/2025 sets it no regime."}
	msgCZReasonHigher    = medsec.MessageTemplate{Key: "grading.cz.reason.higher", Format: "You state that the provider is significant (size, users, geography, sector impact or risk), so § 8(1) puts it in the higher regime."}
	msgCZReasonLower     = medsec.MessageTemplate{Key: "grading.cz.reason.lower", Format: "You state that the provider is not significant, so § 8(1) puts it in the lower regime."}
	msgCZReasonFallback  = medsec.MessageTemplate{Key: "grading.cz.reason.fallback", Format: "Significance was not stated and the health-service thresholds of Decree 408/2025 are not in medsec's data; by analogy with NIS2 (higher regime ≈ essential entity) a %v gives the %v. This is an inference: check the decree."}
	msgCZReasonSize      = medsec.MessageTemplate{Key: "grading.cz.reason.size", Format: "Size per Recommendation 2003/361 with partner and linked enterprises (Decree 408/2025 § 2(2)): %v."}
	msgCZReasonAct181    = medsec.MessageTemplate{Key: "grading.cz.reason.act181", Format: "On %v Act 264/2025 was not yet in force (from %v). Act 181/2014 applied: its duties fell on bodies designated under it, such as operators of essential services; medsec does not grade under the old act."}
)

// templates lists every template above; MessageTemplates sorts a copy.
var templates = [...]medsec.MessageTemplate{
	msgResultNamed, msgResultUnnamed,
	msgAnswerYes, msgAnswerNo, msgAnswerUnknown,
	msgErrRequired, msgErrInvalid, msgErrMin, msgErrMax, msgErrGreater, msgErrAllNone, msgErrNotInForce, msgErrBadDate,
	msgErrNoCriterion, msgErrNotCorrect,
	msgErrInstitutionNil, msgErrInstitutionField, msgErrJurisdiction, msgErrSystemTwice, msgErrFlag, msgErrEvent,
	msgHintMLPSHarm, msgHintVNType, msgHintVNInformation, msgHintVNSecretGrade, msgHintVNSecretHarm, msgHintVNPublicService, msgHintVNConditional, msgHintVNUsers, msgHintVNReach, msgHintVNNonStop, msgHintVNWorks, msgHintNIS2Type, msgHintHeadcount, msgHintTurnover, msgHintBalance, msgHintCZRegulated, msgHintGeneric,
	msgMLPSLevel1, msgMLPSLevel2, msgMLPSLevel3, msgMLPSLevel4, msgMLPSLevel5, msgMLPSLevelUnknown,
	msgHarmNone, msgHarmGeneral, msgHarmSerious, msgHarmParticularly,
	msgObjCitizens, msgObjSociety, msgObjNation, msgAspectInformation, msgAspectService,
	msgMLPSEdition, msgMLPSAspect, msgMLPSAspectNone, msgMLPSAspectsEqual, msgMLPSAspectsMax, msgMLPSCellLevel2, msgMLPSCellDraft2018,
	msgMLPSFloorRaised, msgMLPSFloorMet, msgMLPSFloorTooEarly, msgMLPSFloorTertiary, msgMLPSFloorPlatform,
	msgMLPSInternetHosp, msgMLPSTrigDocument, msgMLPSTrigReview, msgMLPSTrigApproval, msgMLPSTrigCommittee,
	msgMLPSTrigFiling, msgMLPSTrigFilingAlt, msgMLPSTrigTesting, msgMLPSTrigTestL2, msgMLPSTrigTestL4Alt,
	msgMLPSTrigTestL5, msgMLPSTrigHealthcare,
	msgVNLevel, msgVNLevelUnknown, msgVNCriterion, msgVNHighest, msgVNLaw116, msgVNNationwideInfer,
	msgVNApproval, msgVNApprovalMPS, msgVNAssessment,
	msgVNC7, msgVNC8p1, msgVNC8p2a, msgVNC8p2b, msgVNC8p2c, msgVNC8p3,
	msgVNC9p1, msgVNC9p2a, msgVNC9p2b, msgVNC9p2c, msgVNC9p3, msgVNC9p4,
	msgVNC10p1, msgVNC10p2, msgVNC10p3, msgVNC10p4,
	msgVNC11p1, msgVNC11p2, msgVNC11p3, msgVNC11p4, msgVNC11p5,
	msgVNBodyUnit, msgVNBodyOwner, msgVNBodyMIC, msgVNBodyMPS, msgVNBodyPM,
	msgVNAssessEvery, msgVNAssessNone, msgVNSecretMat, msgVNSecretToiMat, msgVNSecretTuyetMat,
	msgVNTypeInternal, msgVNTypePublic, msgVNTypeInfra, msgVNTypeICS, msgVNTypeOther,
	msgVNWorksSpecial, msgVNWorksGrade,
	msgNIS2TypeProvider, msgNIS2TypeRefLab, msgNIS2TypeRD, msgNIS2TypePharma, msgNIS2TypeCritical,
	msgNIS2TypeDevices, msgNIS2TypeOther,
	msgSizeSmall, msgSizeMedium, msgSizeLarge, msgSizeUnknown,
	msgClassEssential, msgClassImportant, msgClassOut, msgClassUnknown,
	msgNIS2Aggregate, msgNIS2Size, msgNIS2Annex1, msgNIS2Annex2, msgNIS2NotListed, msgNIS2Large,
	msgNIS2Important, msgNIS2Small, msgNIS2Critical, msgNIS2MemberState, msgNIS2Sole, msgNIS2Transposing,
	msgCZHigher, msgCZLower, msgCZNotRegulated, msgCZUnknown,
	msgCZReasonNot, msgCZReasonHigher, msgCZReasonLower, msgCZReasonFallback, msgCZReasonSize, msgCZReasonAct181,
}

// MessageTemplates returns the templates of every message package grading
// produces (reasons, level and class names, notes and errors), sorted by
// key, so that translators and package i18n can cover them all.
func MessageTemplates() []medsec.MessageTemplate {
	out := slices.Clone(templates[:])
	slices.SortFunc(out, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return out
}
