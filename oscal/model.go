package oscal

// The OSCAL 1.2.2 JSON model, as far as medsec writes it. Field order is
// the order of the output; empty lists are left out, because OSCAL's
// schema requires every list present to hold at least one entry.

type prop struct {
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Value string `json:"value"`
}

type link struct {
	Href      string `json:"href"`
	Rel       string `json:"rel,omitempty"`
	MediaType string `json:"media-type,omitempty"`
	Text      string `json:"text,omitempty"`
}

type party struct {
	UUID string `json:"uuid"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type metadata struct {
	Title        string  `json:"title"`
	LastModified string  `json:"last-modified"`
	Version      string  `json:"version"`
	OSCALVersion string  `json:"oscal-version"`
	Parties      []party `json:"parties,omitempty"`
	Props        []prop  `json:"props,omitempty"`
	Remarks      string  `json:"remarks,omitempty"`
}

type hash struct {
	Algorithm string `json:"algorithm"`
	Value     string `json:"value"`
}

type rlink struct {
	Href      string `json:"href"`
	MediaType string `json:"media-type,omitempty"`
	Hashes    []hash `json:"hashes,omitempty"`
}

type documentID struct {
	Identifier string `json:"identifier"`
}

type citation struct {
	Text  string `json:"text"`
	Links []link `json:"links,omitempty"`
}

type resource struct {
	UUID        string       `json:"uuid"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Props       []prop       `json:"props,omitempty"`
	DocumentIDs []documentID `json:"document-ids,omitempty"`
	Citation    *citation    `json:"citation,omitempty"`
	Rlinks      []rlink      `json:"rlinks,omitempty"`
	Remarks     string       `json:"remarks,omitempty"`
}

type backMatter struct {
	Resources []resource `json:"resources,omitempty"`
}

// Catalog.

type part struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Props []prop `json:"props,omitempty"`
	Prose string `json:"prose,omitempty"`
	Parts []part `json:"parts,omitempty"`
}

type control struct {
	ID    string `json:"id"`
	Class string `json:"class,omitempty"`
	Title string `json:"title"`
	Props []prop `json:"props,omitempty"`
	Links []link `json:"links,omitempty"`
	Parts []part `json:"parts,omitempty"`
}

type group struct {
	ID       string    `json:"id,omitempty"`
	Class    string    `json:"class,omitempty"`
	Title    string    `json:"title"`
	Props    []prop    `json:"props,omitempty"`
	Links    []link    `json:"links,omitempty"`
	Groups   []group   `json:"groups,omitempty"`
	Controls []control `json:"controls,omitempty"`
}

type catalogBody struct {
	UUID       string      `json:"uuid"`
	Metadata   metadata    `json:"metadata"`
	Groups     []group     `json:"groups,omitempty"`
	BackMatter *backMatter `json:"back-matter,omitempty"`
}

type catalogDoc struct {
	Catalog catalogBody `json:"catalog"`
}

// Profile.

type withIDs struct {
	WithIDs []string `json:"with-ids"`
}

type importDef struct {
	Href            string    `json:"href"`
	IncludeControls []withIDs `json:"include-controls"`
}

type merge struct {
	AsIs bool `json:"as-is"`
}

type profileBody struct {
	UUID       string      `json:"uuid"`
	Metadata   metadata    `json:"metadata"`
	Imports    []importDef `json:"imports"`
	Merge      merge       `json:"merge"`
	BackMatter *backMatter `json:"back-matter,omitempty"`
}

type profileDoc struct {
	Profile profileBody `json:"profile"`
}

// Assessment results and plans of action.

type status struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}

type component struct {
	UUID        string `json:"uuid"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Props       []prop `json:"props,omitempty"`
	Status      status `json:"status"`
}

type localDefs struct {
	Components []component `json:"components,omitempty"`
}

type controlRef struct {
	ControlID string `json:"control-id"`
}

type empty struct{}

type controlSelection struct {
	IncludeAll      *empty       `json:"include-all,omitempty"`
	IncludeControls []controlRef `json:"include-controls,omitempty"`
	Remarks         string       `json:"remarks,omitempty"`
}

type reviewedControls struct {
	ControlSelections []controlSelection `json:"control-selections"`
}

type subject struct {
	SubjectUUID string `json:"subject-uuid"`
	Type        string `json:"type"`
}

type evidenceRef struct {
	Description string `json:"description"`
}

type observation struct {
	UUID             string        `json:"uuid"`
	Title            string        `json:"title,omitempty"`
	Description      string        `json:"description"`
	Props            []prop        `json:"props,omitempty"`
	Methods          []string      `json:"methods"`
	Subjects         []subject     `json:"subjects,omitempty"`
	RelevantEvidence []evidenceRef `json:"relevant-evidence,omitempty"`
	Collected        string        `json:"collected"`
}

type targetStatus struct {
	State  string `json:"state"`
	Reason string `json:"reason,omitempty"`
}

type target struct {
	Type     string       `json:"type"`
	TargetID string       `json:"target-id"`
	Status   targetStatus `json:"status"`
}

type relatedObservation struct {
	ObservationUUID string `json:"observation-uuid"`
}

type relatedRisk struct {
	RiskUUID string `json:"risk-uuid"`
}

type finding struct {
	UUID                string               `json:"uuid"`
	Title               string               `json:"title"`
	Description         string               `json:"description"`
	Props               []prop               `json:"props,omitempty"`
	Target              target               `json:"target"`
	RelatedObservations []relatedObservation `json:"related-observations,omitempty"`
	RelatedRisks        []relatedRisk        `json:"related-risks,omitempty"`
}

type result struct {
	UUID             string           `json:"uuid"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	Start            string           `json:"start"`
	End              string           `json:"end"`
	Props            []prop           `json:"props,omitempty"`
	LocalDefinitions *localDefs       `json:"local-definitions,omitempty"`
	ReviewedControls reviewedControls `json:"reviewed-controls"`
	Observations     []observation    `json:"observations,omitempty"`
	Findings         []finding        `json:"findings,omitempty"`
}

type importAP struct {
	Href    string `json:"href"`
	Remarks string `json:"remarks,omitempty"`
}

type resultsBody struct {
	UUID       string      `json:"uuid"`
	Metadata   metadata    `json:"metadata"`
	ImportAP   importAP    `json:"import-ap"`
	Results    []result    `json:"results"`
	BackMatter *backMatter `json:"back-matter,omitempty"`
}

type resultsDoc struct {
	AssessmentResults resultsBody `json:"assessment-results"`
}

type response struct {
	UUID        string `json:"uuid"`
	Lifecycle   string `json:"lifecycle"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

type risk struct {
	UUID         string     `json:"uuid"`
	Title        string     `json:"title"`
	Description  string     `json:"description"`
	Statement    string     `json:"statement"`
	Props        []prop     `json:"props,omitempty"`
	Status       string     `json:"status"`
	Deadline     string     `json:"deadline,omitempty"`
	Remediations []response `json:"remediations,omitempty"`
}

type relatedFinding struct {
	FindingUUID string `json:"finding-uuid"`
}

type poamItem struct {
	UUID            string           `json:"uuid"`
	Title           string           `json:"title"`
	Description     string           `json:"description"`
	Props           []prop           `json:"props,omitempty"`
	RelatedFindings []relatedFinding `json:"related-findings,omitempty"`
	RelatedRisks    []relatedRisk    `json:"related-risks,omitempty"`
}

type systemID struct {
	IdentifierType string `json:"identifier-type"`
	ID             string `json:"id"`
}

type poamBody struct {
	UUID             string        `json:"uuid"`
	Metadata         metadata      `json:"metadata"`
	SystemID         systemID      `json:"system-id"`
	LocalDefinitions *localDefs    `json:"local-definitions,omitempty"`
	Observations     []observation `json:"observations,omitempty"`
	Risks            []risk        `json:"risks,omitempty"`
	Findings         []finding     `json:"findings,omitempty"`
	PoamItems        []poamItem    `json:"poam-items"`
	BackMatter       *backMatter   `json:"back-matter,omitempty"`
}

type poamDoc struct {
	POAM poamBody `json:"plan-of-action-and-milestones"`
}

// Mapping collections.

type provenance struct {
	Method             string `json:"method"`
	MatchingRationale  string `json:"matching-rationale"`
	Status             string `json:"status"`
	MappingDescription string `json:"mapping-description"`
}

type resourceRef struct {
	Type string `json:"type"`
	Href string `json:"href"`
}

type mappingItem struct {
	Type  string `json:"type"`
	IDRef string `json:"id-ref"`
}

type confidenceScore struct {
	Category string `json:"category"`
}

type mapEntry struct {
	UUID            string          `json:"uuid"`
	Relationship    string          `json:"relationship"`
	Sources         []mappingItem   `json:"sources"`
	Targets         []mappingItem   `json:"targets"`
	ConfidenceScore confidenceScore `json:"confidence-score"`
	Props           []prop          `json:"props,omitempty"`
	Remarks         string          `json:"remarks,omitempty"`
}

type gapSummary struct {
	UUID             string    `json:"uuid"`
	UnmappedControls []withIDs `json:"unmapped-controls"`
}

type mapping struct {
	UUID               string      `json:"uuid"`
	MappingDescription string      `json:"mapping-description,omitempty"`
	SourceResource     resourceRef `json:"source-resource"`
	TargetResource     resourceRef `json:"target-resource"`
	Props              []prop      `json:"props,omitempty"`
	Maps               []mapEntry  `json:"maps"`
	SourceGapSummary   *gapSummary `json:"source-gap-summary,omitempty"`
	TargetGapSummary   *gapSummary `json:"target-gap-summary,omitempty"`
	Remarks            string      `json:"remarks,omitempty"`
}

type mappingBody struct {
	UUID       string      `json:"uuid"`
	Metadata   metadata    `json:"metadata"`
	Provenance provenance  `json:"provenance"`
	Mappings   []mapping   `json:"mappings"`
	BackMatter *backMatter `json:"back-matter,omitempty"`
}

type mappingDoc struct {
	MappingCollection mappingBody `json:"mapping-collection"`
}
