package grading

import (
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
	msgErrAsOf        = medsec.MessageTemplate{Key: "grading.error.asof", Format: "no as-of date was given: set Options.AsOf to the day whose rules apply, e.g. medsec.NewDate(2026, 3, 1)"}
	msgErrNotCorrect  = medsec.MessageTemplate{Key: "grading.error.conflict", Format: "contradicts %s"}

	msgErrInstitutionNil   = medsec.MessageTemplate{Key: "grading.error.institution.nil", Format: "no institution was given"}
	msgErrInstitutionField = medsec.MessageTemplate{Key: "grading.error.institution.field", Format: "%s is required"}
	msgErrJurisdiction     = medsec.MessageTemplate{Key: "grading.error.institution.jurisdiction", Format: "no pack of the registry declares the jurisdiction %q: use one of the registry's jurisdictions or add a pack for it"}
	msgErrSystemTwice      = medsec.MessageTemplate{Key: "grading.error.institution.system-twice", Format: "the system ID %q is used twice: give each system its own ID"}
	msgErrFlag             = medsec.MessageTemplate{Key: "grading.error.institution.flag", Format: "no pack of the registry declares the flag %q: check its spelling"}
	msgErrEvent            = medsec.MessageTemplate{Key: "grading.error.institution.event", Format: "no pack of the registry declares the event %q: check its spelling"}

	// Errors in grading.json.
	msgDataRequired   = medsec.MessageTemplate{Key: "grading.data.required", Format: "this value is required: see law/README.md for what it states"}
	msgDataTwice      = medsec.MessageTemplate{Key: "grading.data.twice", Format: "%s is already stated in %s: state it once"}
	msgDataOverlap    = medsec.MessageTemplate{Key: "grading.data.overlap", Format: "the in-force periods of %s and %s overlap: on each day one edition applies"}
	msgDataConfidence = medsec.MessageTemplate{Key: "grading.data.confidence", Format: "state the confidence: verified, partial or unverified"}
	msgDataNote       = medsec.MessageTemplate{Key: "grading.data.note", Format: "the confidence is %v: say in the note what is not verified, and why"}
	msgDataBasis      = medsec.MessageTemplate{Key: "grading.data.basis", Format: "cite the provision the fact rests on, or say in the note why none can be cited"}
	msgDataCitation   = medsec.MessageTemplate{Key: "grading.data.citation", Format: "the citation %q does not resolve (%s): cite an instrument and article of the registry"}
	msgDataInstrument = medsec.MessageTemplate{Key: "grading.data.instrument", Format: "the registry holds no instrument %q: add it to a pack or correct the ID"}
	msgDataNoStart    = medsec.MessageTemplate{Key: "grading.data.nostart", Format: "the instrument %q has no known start of its in-force period, so it cannot bound the rules"}
	msgDataDate       = medsec.MessageTemplate{Key: "grading.data.date", Format: "the registry holds no legal date %q: add it to a dates.json or correct the ID"}
	msgDataKey        = medsec.MessageTemplate{Key: "grading.data.key", Format: "%q is not a message key: use dot-separated words such as \"grading.mlps.floor.tertiary\""}
	msgDataText       = medsec.MessageTemplate{Key: "grading.data.text", Format: "give the English text in \"format\", with one verb such as %%v per argument; this text takes %d"}
	msgDataKeyText    = medsec.MessageTemplate{Key: "grading.data.keytext", Format: "the key %q has another text in %s: give one key one text"}
	msgDataRange      = medsec.MessageTemplate{Key: "grading.data.range", Format: "give a whole number from %d to %d"}
	msgDataPositive   = medsec.MessageTemplate{Key: "grading.data.positive", Format: "give a number greater than 0"}
	msgDataShares     = medsec.MessageTemplate{Key: "grading.data.shares", Format: "give shareFromPercent and shareToPercent, from above 0 to 100 and in order, for partner enterprises only"}
	msgDataOneOf      = medsec.MessageTemplate{Key: "grading.data.oneof", Format: "%q is not allowed here: use one of %s"}
	msgDataLevels     = medsec.MessageTemplate{Key: "grading.data.levels", Format: "no entry covers level %d: give every level from 1 to 5 one entry"}

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
	msgHintSystemID        = medsec.MessageTemplate{Key: "grading.hint.system-id", Format: "the system's ID, unique within the institution"}

	// MLPS.
	msgMLPSLevel1        = medsec.MessageTemplate{Key: "grading.mlps.level.1", Format: "level 1 (user-discretionary protection)"}
	msgMLPSLevel2        = medsec.MessageTemplate{Key: "grading.mlps.level.2", Format: "level 2 (guided protection)"}
	msgMLPSLevel3        = medsec.MessageTemplate{Key: "grading.mlps.level.3", Format: "level 3 (supervised protection)"}
	msgMLPSLevel4        = medsec.MessageTemplate{Key: "grading.mlps.level.4", Format: "level 4 (mandatory protection)"}
	msgMLPSLevel5        = medsec.MessageTemplate{Key: "grading.mlps.level.5", Format: "level 5 (specially controlled protection)"}
	msgMLPSLevelUnknown  = medsec.MessageTemplate{Key: "grading.mlps.level.unknown", Format: "no MLPS level"}
	msgHarmNone          = medsec.MessageTemplate{Key: "grading.mlps.harm.none", Format: "no harm"}
	msgHarmGeneral       = medsec.MessageTemplate{Key: "grading.mlps.harm.general", Format: "general harm"}
	msgHarmSerious       = medsec.MessageTemplate{Key: "grading.mlps.harm.serious", Format: "serious harm"}
	msgHarmParticularly  = medsec.MessageTemplate{Key: "grading.mlps.harm.particularlyserious", Format: "particularly serious harm"}
	msgObjCitizens       = medsec.MessageTemplate{Key: "grading.mlps.object.citizens", Format: "citizens, legal persons and other organisations"}
	msgObjSociety        = medsec.MessageTemplate{Key: "grading.mlps.object.society", Format: "social order and the public interest"}
	msgObjNation         = medsec.MessageTemplate{Key: "grading.mlps.object.nation", Format: "national security"}
	msgAspectInformation = medsec.MessageTemplate{Key: "grading.mlps.aspect.information", Format: "business-information security"}
	msgAspectService     = medsec.MessageTemplate{Key: "grading.mlps.aspect.service", Format: "system-service security"}
	msgMLPSEdition       = medsec.MessageTemplate{Key: "grading.mlps.reason.edition", Format: "On %v the grading guide in force is %s (from %v)."}
	msgMLPSAspect        = medsec.MessageTemplate{Key: "grading.mlps.reason.aspect", Format: "%v: %v, from %v to %v."}
	msgMLPSAspectNone    = medsec.MessageTemplate{Key: "grading.mlps.reason.aspect.none", Format: "%v: no object is harmed."}
	msgMLPSAspectsEqual  = medsec.MessageTemplate{Key: "grading.mlps.reason.aspects.equal", Format: "Both aspects give %v, so the matrix level is %v."}

	// Vietnam.
	msgVNLevel          = medsec.MessageTemplate{Key: "grading.vn.level", Format: "level %d"}
	msgVNLevelUnknown   = medsec.MessageTemplate{Key: "grading.vn.level.unknown", Format: "no Vietnamese level"}
	msgVNCriterion      = medsec.MessageTemplate{Key: "grading.vn.reason.criterion", Format: "%s: %v, which means %v."}
	msgVNHighest        = medsec.MessageTemplate{Key: "grading.vn.reason.highest", Format: "The highest criterion met decides the level: %v."}
	msgVNApproval       = medsec.MessageTemplate{Key: "grading.vn.reason.approval", Format: "Level dossier: appraised by %v, approved by %v."}
	msgVNAssessment     = medsec.MessageTemplate{Key: "grading.vn.reason.assessment", Format: "Assessment: the organisation every %v; this system %v."}
	msgVNSecretMat      = medsec.MessageTemplate{Key: "grading.vn.secret.mat", Format: "Mật (confidential)"}
	msgVNSecretToiMat   = medsec.MessageTemplate{Key: "grading.vn.secret.toimat", Format: "Tối mật (secret)"}
	msgVNSecretTuyetMat = medsec.MessageTemplate{Key: "grading.vn.secret.tuyetmat", Format: "Tuyệt mật (top secret)"}
	msgVNTypeInternal   = medsec.MessageTemplate{Key: "grading.vn.type.internal", Format: "internal"}
	msgVNTypePublic     = medsec.MessageTemplate{Key: "grading.vn.type.public", Format: "citizen- or business-facing"}
	msgVNTypeInfra      = medsec.MessageTemplate{Key: "grading.vn.type.infrastructure", Format: "information infrastructure"}
	msgVNTypeICS        = medsec.MessageTemplate{Key: "grading.vn.type.ics", Format: "industrial control"}
	msgVNTypeOther      = medsec.MessageTemplate{Key: "grading.vn.type.other", Format: "other"}
	msgVNWorksSpecial   = medsec.MessageTemplate{Key: "grading.vn.works.special", Format: "special grade"}
	msgVNWorksGrade     = medsec.MessageTemplate{Key: "grading.vn.works.grade", Format: "grade %s"}
	msgNIS2TypeProvider = medsec.MessageTemplate{Key: "grading.nis2.type.healthcareprovider", Format: "healthcare provider"}
	msgNIS2TypeRefLab   = medsec.MessageTemplate{Key: "grading.nis2.type.referencelab", Format: "EU reference laboratory"}
	msgNIS2TypeRD       = medsec.MessageTemplate{Key: "grading.nis2.type.medicinalrd", Format: "research and development of medicinal products"}
	msgNIS2TypePharma   = medsec.MessageTemplate{Key: "grading.nis2.type.pharma", Format: "manufacturing of basic pharmaceutical products and preparations"}
	msgNIS2TypeCritical = medsec.MessageTemplate{Key: "grading.nis2.type.criticaldevices", Format: "manufacturing of medical devices critical during a public health emergency"}
	msgNIS2TypeDevices  = medsec.MessageTemplate{Key: "grading.nis2.type.devices", Format: "manufacturing of medical devices and in vitro diagnostics"}
	msgNIS2TypeOther    = medsec.MessageTemplate{Key: "grading.nis2.type.other", Format: "an entity type not listed in the health annexes"}
	msgSizeSmall        = medsec.MessageTemplate{Key: "grading.size.small", Format: "small enterprise"}
	msgSizeMedium       = medsec.MessageTemplate{Key: "grading.size.medium", Format: "medium-sized enterprise"}
	msgSizeLarge        = medsec.MessageTemplate{Key: "grading.size.large", Format: "large enterprise"}
	msgSizeUnknown      = medsec.MessageTemplate{Key: "grading.size.unknown", Format: "size not known"}
	msgClassEssential   = medsec.MessageTemplate{Key: "grading.nis2.class.essential", Format: "essential entity"}
	msgClassImportant   = medsec.MessageTemplate{Key: "grading.nis2.class.important", Format: "important entity"}
	msgClassOut         = medsec.MessageTemplate{Key: "grading.nis2.class.outofscope", Format: "out of scope"}
	msgClassUnknown     = medsec.MessageTemplate{Key: "grading.nis2.class.unknown", Format: "not classified"}
	msgNIS2Size         = medsec.MessageTemplate{Key: "grading.nis2.reason.size", Format: "Size: %v (headcount %v, turnover EUR %d, balance sheet EUR %d)."}
	msgCZHigher         = medsec.MessageTemplate{Key: "grading.cz.regime.higher", Format: "higher obligations regime"}
	msgCZLower          = medsec.MessageTemplate{Key: "grading.cz.regime.lower", Format: "lower obligations regime"}
	msgCZNotRegulated   = medsec.MessageTemplate{Key: "grading.cz.regime.notregulated", Format: "not a regulated-service provider"}
	msgCZUnknown        = medsec.MessageTemplate{Key: "grading.cz.regime.unknown", Format: "no regime under Act 264/2025"}
)

// templates lists every template above; MessageTemplates sorts a copy.
var templates = [...]medsec.MessageTemplate{
	msgResultNamed, msgResultUnnamed, msgAnswerYes, msgAnswerNo, msgAnswerUnknown, msgErrRequired, msgErrInvalid, msgErrMin, msgErrMax, msgErrGreater, msgErrAllNone, msgErrNotInForce, msgErrBadDate, msgErrNoCriterion, msgErrAsOf, msgErrNotCorrect, msgErrInstitutionNil, msgErrInstitutionField, msgErrJurisdiction, msgErrSystemTwice, msgErrFlag, msgErrEvent, msgDataRequired, msgDataTwice, msgDataOverlap, msgDataConfidence, msgDataNote, msgDataBasis, msgDataCitation, msgDataInstrument, msgDataNoStart, msgDataDate, msgDataKey, msgDataText, msgDataKeyText, msgDataRange, msgDataPositive, msgDataShares, msgDataOneOf, msgDataLevels, msgHintMLPSHarm, msgHintVNType, msgHintVNInformation, msgHintVNSecretGrade, msgHintVNSecretHarm, msgHintVNPublicService, msgHintVNConditional, msgHintVNUsers, msgHintVNReach, msgHintVNNonStop, msgHintVNWorks, msgHintNIS2Type, msgHintHeadcount, msgHintTurnover, msgHintBalance, msgHintCZRegulated, msgHintGeneric, msgHintSystemID, msgMLPSLevel1, msgMLPSLevel2, msgMLPSLevel3, msgMLPSLevel4, msgMLPSLevel5, msgMLPSLevelUnknown, msgHarmNone, msgHarmGeneral, msgHarmSerious, msgHarmParticularly, msgObjCitizens, msgObjSociety, msgObjNation, msgAspectInformation, msgAspectService, msgMLPSEdition, msgMLPSAspect, msgMLPSAspectNone, msgMLPSAspectsEqual, msgVNLevel, msgVNLevelUnknown, msgVNCriterion, msgVNHighest, msgVNApproval, msgVNAssessment, msgVNSecretMat, msgVNSecretToiMat, msgVNSecretTuyetMat, msgVNTypeInternal, msgVNTypePublic, msgVNTypeInfra, msgVNTypeICS, msgVNTypeOther, msgVNWorksSpecial, msgVNWorksGrade, msgNIS2TypeProvider, msgNIS2TypeRefLab, msgNIS2TypeRD, msgNIS2TypePharma, msgNIS2TypeCritical, msgNIS2TypeDevices, msgNIS2TypeOther, msgSizeSmall, msgSizeMedium, msgSizeLarge, msgSizeUnknown, msgClassEssential, msgClassImportant, msgClassOut, msgClassUnknown, msgNIS2Size, msgCZHigher, msgCZLower, msgCZNotRegulated, msgCZUnknown,
}
