// Package oscaltest checks OSCAL documents in tests: against NIST's OSCAL
// 1.2.2 complete JSON Schema, with an independent validator
// (github.com/santhosh-tekuri/jsonschema/v6, a dependency of the tests
// only), and against the rules of OSCAL's metaschema that a JSON Schema
// cannot express. Only tests import it: the tests of package oscal and of
// the example program that writes OSCAL.
package oscaltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaName is the file name of NIST's schema in the shared folder.
const SchemaName = "oscal_complete_schema-1.2.2.json"

// SchemaPath returns the path of NIST's OSCAL schema: $OSCAL_SCHEMA when
// set, else shared/oscal/ in the folder beside the module's root (the
// checkout's "../shared"). It skips the test, saying why, when the file is
// absent: the schema is NIST's, test data that the module does not copy.
func SchemaPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("OSCAL_SCHEMA"); p != "" {
		return p
	}
	root, err := moduleRoot()
	if err != nil {
		t.Skipf("cannot find the module's root to look for NIST's OSCAL schema: %v", err)
	}
	p := filepath.Join(root, "..", "shared", "oscal", SchemaName)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("NIST's OSCAL 1.2.2 schema is not at %s (../shared/oscal/ beside the module's root); "+
			"set OSCAL_SCHEMA to the file's path to run the conformance tests", p)
	}
	return p
}

// Available reports whether NIST's schema can be found (see [SchemaPath]).
func Available() bool {
	if p := os.Getenv("OSCAL_SCHEMA"); p != "" {
		_, err := os.Stat(p)
		return err == nil
	}
	root, err := moduleRoot()
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(root, "..", "shared", "oscal", SchemaName))
	return err == nil
}

// moduleRoot returns the nearest folder upwards that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
		dir = up
	}
}

var (
	once     sync.Once
	compiled *jsonschema.Schema
	cErr     error
)

// Schema returns NIST's schema compiled, with format assertions on (the
// schema declares draft-07), or skips the test when it is absent.
func Schema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	path := SchemaPath(t)
	once.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			cErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			cErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		const id = "https://medsec.test/" + SchemaName
		if cErr = c.AddResource(id, doc); cErr != nil {
			return
		}
		compiled, cErr = c.Compile(id)
	})
	if cErr != nil {
		t.Fatalf("compiling NIST's OSCAL schema: %v", cErr)
	}
	return compiled
}

// Validate checks a document against NIST's schema.
func Validate(t testing.TB, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return Schema(t).Validate(inst)
}

// A Doc is a parsed OSCAL document.
type Doc struct {
	Name string
	Kind string // catalog, profile, assessment-results, plan-of-action-and-milestones, mapping-collection
	Body map[string]any
}

// Parse parses an OSCAL document.
func Parse(name string, b []byte) (*Doc, error) {
	var top map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(top) != 1 {
		return nil, fmt.Errorf("%s: %d top-level members, want one", name, len(top))
	}
	for k, v := range top {
		body, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %s is not an object", name, k)
		}
		return &Doc{Name: name, Kind: k, Body: body}, nil
	}
	return nil, nil
}

// Controls returns the IDs of a catalog's controls with their class.
func (d *Doc) Controls() map[string]string {
	out := map[string]string{}
	walk(d.Body, "", func(path string, m map[string]any) {
		if controlPath.MatchString(path) {
			if id, ok := m["id"].(string); ok {
				c, _ := m["class"].(string)
				out[id] = c
			}
		}
	})
	return out
}

var controlPath = regexp.MustCompile(`/controls/\d+$`)

// walk calls fn on every object of v, with its JSON Pointer.
func walk(v any, path string, fn func(path string, m map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		fn(path, x)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(x[k], path+"/"+k, fn)
		}
	case []any:
		for i, e := range x {
			walk(e, fmt.Sprintf("%s/%d", path, i), fn)
		}
	}
}

// strings returns every string of v with its JSON Pointer.
func eachString(v any, path string, fn func(path, s string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			eachString(e, path+"/"+k, fn)
		}
	case []any:
		for i, e := range x {
			eachString(e, fmt.Sprintf("%s/%d", path, i), fn)
		}
	case string:
		fn(path, x)
	}
}

// OSCAL's own names, which a property or part may use without "ns"
// (oscal_catalog_metaschema, oscal_control-common_metaschema; the names
// other models allow on their objects are listed with them).
var (
	oscalControlProps = []string{"label", "sort-id", "alt-identifier", "status"}
	oscalPartNames    = []string{"overview", "statement", "guidance", "example", "assessment", "assessment-method", "assessment-objective", "item", "objective", "instruction", "assessment-action"}
	relationships     = []string{"equal-to", "equivalent-to", "subset-of", "superset-of", "intersects-with", "no-relationship"}
	uuidV5            = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

// Rules checks what OSCAL's metaschema requires and its JSON Schema
// cannot express, across a set of documents that refer to each other
// (profiles and mapping collections to catalogs, by pack; results to
// catalogs through statement IDs). ns is the namespace of the writer's own
// names. It returns every problem found.
func Rules(docs []*Doc, ns string) []string {
	var probs []string
	bad := func(d *Doc, path, f string, args ...any) {
		probs = append(probs, d.Name+": "+path+": "+fmt.Sprintf(f, args...))
	}
	// The catalogs, by pack, and every statement ID.
	catalogs := map[string]map[string]string{}
	statements := map[string]bool{}
	for _, d := range docs {
		if d.Kind != "catalog" {
			continue
		}
		catalogs[packOf(d)] = d.Controls()
		walk(d.Body, "", func(path string, m map[string]any) {
			if m["name"] == "statement" {
				if id, ok := m["id"].(string); ok {
					statements[id] = true
				}
			}
		})
	}
	for _, d := range docs {
		resources := map[string]map[string]any{}
		walk(d.Body, "", func(path string, m map[string]any) {
			if strings.HasPrefix(path, "/back-matter/resources/") {
				if id, ok := m["uuid"].(string); ok {
					resources[id] = m
				}
			}
		})
		// Every UUID is version 5, and every object UUID unique.
		uuids := map[string]string{}
		walk(d.Body, "", func(path string, m map[string]any) {
			id, ok := m["uuid"].(string)
			if !ok {
				return
			}
			if !uuidV5.MatchString(id) {
				bad(d, path, "uuid %s is not a lower-case version-5 UUID", id)
			}
			if prev, dup := uuids[id]; dup {
				bad(d, path, "uuid %s is also at %s", id, prev)
			}
			uuids[id] = path
		})
		// Every href is a URI reference of RFC 3986; every "#x" resolves.
		eachString(d.Body, "", func(path, s string) {
			switch {
			case strings.HasSuffix(path, "/href"):
				if !strictURIRef(s) {
					bad(d, path, "href %q is not a strict URI reference", s)
				}
				if frag, ok := strings.CutPrefix(s, "#"); ok {
					_, isRes := resources[frag]
					_, isCtl := catalogs[packOf(d)][frag]
					if !isRes && !isCtl {
						bad(d, path, "href %s resolves to no back-matter resource or control", s)
					}
				}
			case strings.HasSuffix(path, "/ns"):
				if s != ns {
					bad(d, path, "ns %q is not the writer's namespace", s)
				}
			}
		})
		switch d.Kind {
		case "catalog":
			ids := map[string]string{}
			walk(d.Body, "", func(path string, m map[string]any) {
				if id, ok := m["id"].(string); ok && (strings.Contains(path, "/groups/") || strings.Contains(path, "/controls/") || strings.Contains(path, "/parts/")) {
					if prev, dup := ids[id]; dup {
						bad(d, path, "id %s is also at %s", id, prev)
					}
					ids[id] = path
				}
				if controlPath.MatchString(path) {
					hasStmt := false
					for _, p := range asList(m["parts"]) {
						if pm, ok := p.(map[string]any); ok && pm["name"] == "statement" && pm["ns"] == nil {
							hasStmt = true
						}
					}
					if !hasStmt {
						bad(d, path, "control %v has no statement part", m["id"])
					}
					for i, p := range asList(m["props"]) {
						pm, _ := p.(map[string]any)
						if pm["ns"] == nil && !slices.Contains(oscalControlProps, pm["name"].(string)) {
							bad(d, fmt.Sprintf("%s/props/%d", path, i), "property %v of OSCAL's namespace is not allowed on a control", pm["name"])
						}
					}
				}
				if strings.Contains(path, "/parts/") && m["ns"] == nil {
					if n, _ := m["name"].(string); !slices.Contains(oscalPartNames, n) {
						bad(d, path, "part name %q is not OSCAL's; give it a namespace", n)
					}
				}
			})
		case "profile":
			for i, imp := range asList(d.Body["imports"]) {
				im := imp.(map[string]any)
				res := resources[strings.TrimPrefix(im["href"].(string), "#")]
				pack := packProp(res)
				ctls := catalogs[pack]
				if ctls == nil {
					bad(d, fmt.Sprintf("/imports/%d/href", i), "imports pack %q, whose catalog is not among the documents", pack)
					continue
				}
				for _, sel := range asList(im["include-controls"]) {
					for _, id := range asList(sel.(map[string]any)["with-ids"]) {
						if _, ok := ctls[id.(string)]; !ok {
							bad(d, fmt.Sprintf("/imports/%d", i), "selects %v, not a control of catalog %s", id, pack)
						}
					}
				}
			}
		case "mapping-collection":
			for i, mp := range asList(d.Body["mappings"]) {
				m := mp.(map[string]any)
				src := catalogs[packProp(resources[strings.TrimPrefix(m["source-resource"].(map[string]any)["href"].(string), "#")])]
				tgt := catalogs[packProp(resources[strings.TrimPrefix(m["target-resource"].(map[string]any)["href"].(string), "#")])]
				if src == nil || tgt == nil {
					bad(d, fmt.Sprintf("/mappings/%d", i), "a source or target catalog is not among the documents")
					continue
				}
				for j, e := range asList(m["maps"]) {
					em := e.(map[string]any)
					at := fmt.Sprintf("/mappings/%d/maps/%d", i, j)
					if !slices.Contains(relationships, em["relationship"].(string)) {
						bad(d, at, "relationship %v is not one of OSCAL's", em["relationship"])
					}
					for _, side := range []struct {
						key  string
						ctls map[string]string
					}{{"sources", src}, {"targets", tgt}} {
						for _, it := range asList(em[side.key]) {
							ref := it.(map[string]any)["id-ref"].(string)
							if _, ok := side.ctls[ref]; !ok {
								bad(d, at, "%s %s is not a control of its catalog", side.key, ref)
							}
						}
					}
				}
				for _, g := range []string{"source-gap-summary", "target-gap-summary"} {
					ctls := src
					if g == "target-gap-summary" {
						ctls = tgt
					}
					if gm, ok := m[g].(map[string]any); ok {
						for _, sel := range asList(gm["unmapped-controls"]) {
							for _, id := range asList(sel.(map[string]any)["with-ids"]) {
								if _, ok := ctls[id.(string)]; !ok {
									bad(d, fmt.Sprintf("/mappings/%d/%s", i, g), "%v is not a control of its catalog", id)
								}
							}
						}
					}
				}
			}
		case "assessment-results", "plan-of-action-and-milestones":
			obs := map[string]bool{}
			subjects := map[string]bool{}
			walk(d.Body, "", func(path string, m map[string]any) {
				if strings.HasSuffix(path, "/observations/"+lastIndex(path)) {
					obs[m["uuid"].(string)] = true
				}
				if strings.Contains(path, "/components/") || strings.Contains(path, "/parties/") {
					if id, ok := m["uuid"].(string); ok {
						subjects[id] = true
					}
				}
			})
			walk(d.Body, "", func(path string, m map[string]any) {
				if id, ok := m["observation-uuid"].(string); ok && !obs[id] {
					bad(d, path, "observation %s is not in the document", id)
				}
				if id, ok := m["subject-uuid"].(string); ok && !subjects[id] {
					bad(d, path, "subject %s is neither a component nor a party", id)
				}
				if id, ok := m["finding-uuid"].(string); ok && uuids[id] == "" {
					bad(d, path, "finding %s is not in the document", id)
				}
				if id, ok := m["risk-uuid"].(string); ok && uuids[id] == "" {
					bad(d, path, "risk %s is not in the document", id)
				}
				if t, ok := m["target-id"].(string); ok && len(statements) > 0 && !statements[t] {
					bad(d, path, "target %s is not the statement of a control of the catalogs", t)
				}
			})
		}
	}
	return probs
}

func lastIndex(path string) string {
	i := strings.LastIndexByte(path, '/')
	return path[i+1:]
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// packOf returns the pack of a catalog (its "pack" property).
func packOf(d *Doc) string {
	md, _ := d.Body["metadata"].(map[string]any)
	return packProp(md)
}

func packProp(m map[string]any) string {
	for _, p := range asList(m["props"]) {
		pm, _ := p.(map[string]any)
		if pm["name"] == "pack" {
			s, _ := pm["value"].(string)
			return s
		}
	}
	return ""
}

// strictURIRef reports whether s is a URI reference of RFC 3986 made of
// its allowed characters only: unreserved, reserved and percent escapes.
// It is stricter than the validator's "uri-reference" format, which
// accepts spaces.
func strictURIRef(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		case c == '%' && i+2 < len(s):
		default:
			return false
		}
	}
	_, err := url.Parse(s)
	return err == nil
}

// StrictURIRef is strictURIRef, for the tests' own negative cases.
func StrictURIRef(s string) bool { return strictURIRef(s) }
