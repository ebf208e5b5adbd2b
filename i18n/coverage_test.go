package i18n_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/assist"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
	"github.com/medsec-go/medsec/oscal"
)

var dumpMissing = flag.String("dump-missing", "", "write a JSON skeleton of the untranslated keys (key → English format) per locale to this directory")

// allTemplates lists the message templates of every medsec package, and
// those of the data of regs.
func allTemplates(regs ...*medsec.Registry) []medsec.MessageTemplate {
	var all []medsec.MessageTemplate
	for _, r := range regs {
		all = append(all, r.MessageTemplates()...)
	}
	for _, ts := range [][]medsec.MessageTemplate{
		medsec.MessageTemplates(),
		grading.MessageTemplates(),
		gradingio.MessageTemplates(),
		obligations.MessageTemplates(),
		contracts.MessageTemplates(),
		i18n.MessageTemplates(),
		assist.MessageTemplates(),
		oscal.MessageTemplates(),
	} {
		all = append(all, ts...)
	}
	// The same message may be listed by two packages that both produce it
	// (an incident rule's title is the title of the duty that reports
	// under it): one key with one format is one message.
	slices.SortStableFunc(all, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return slices.Compact(all)
}

// TestCatalogComplete fails on a key of any package that lacks a
// translation in some locale, on a translated key that no package uses,
// and on a translation whose placeholders differ from the English format.
func TestCatalogComplete(t *testing.T) {
	all := allTemplates()
	problems := i18n.DefaultCatalog().Check(all)
	if *dumpMissing != "" {
		writeSkeletons(t, all, problems)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func writeSkeletons(t *testing.T, all []medsec.MessageTemplate, problems []i18n.Problem) {
	english := map[string]string{}
	for _, m := range all {
		english[m.Key] = m.Format
	}
	per := map[i18n.Locale]map[string]string{}
	for _, p := range problems {
		if p.Kind != i18n.Missing {
			continue
		}
		if per[p.Locale] == nil {
			per[p.Locale] = map[string]string{}
		}
		per[p.Locale][p.Key] = english[p.Key]
	}
	if err := os.MkdirAll(*dumpMissing, 0o755); err != nil {
		t.Fatal(err)
	}
	for loc, m := range per {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("%s/%s.json", *dumpMissing, loc)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d missing %s keys to %s", len(m), loc, path)
	}
}

// TestMessageTemplatesSorted pins i18n's own template list.
func TestMessageTemplatesSorted(t *testing.T) {
	ts := i18n.MessageTemplates()
	if !slices.IsSortedFunc(ts, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) }) {
		t.Error("i18n.MessageTemplates is not sorted")
	}
	for i, m := range ts {
		if !strings.HasPrefix(m.Key, "i18n.") || m.Format == "" {
			t.Errorf("bad template %q", m.Key)
		}
		if i > 0 && ts[i-1].Key == m.Key {
			t.Errorf("duplicate key %q", m.Key)
		}
	}
}

// TestNoLegalFactsInGo: the package's Go code names no instrument, rule
// or legal date (ADR 0004): every such fact comes from the registry's
// data. The test counts the string literals of the non-test sources that
// look like an ID of the embedded law. Generated files are left out: they
// are data files compiled into Go (locale_tables.go is data/locales), and
// the data may name the law.
func TestNoLegalFactsInGo(t *testing.T) {
	id := regexp.MustCompile(`(CN|VN|EU|CZ|ENISA)-[A-Z0-9-]+`)
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && id.MatchString(lit.Value) {
				t.Errorf("%s: the literal %s names a fact of the law; take it from the registry", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
	}
}
