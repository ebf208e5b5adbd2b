package contracts

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var verbRE = regexp.MustCompile(`%(\[\d+\])?[a-zA-Z%]`)

func TestMessageTemplates(t *testing.T) {
	ts := MessageTemplates()
	require.NotEmpty(t, ts)
	// The package's own keys start with "contracts."; a few problems of
	// rule files have the root package's keys, and the rules' own
	// messages (data) have theirs.
	keyRE := regexp.MustCompile(`^(contracts|medsec\.data)(\.[a-z0-9-]+)+$`)
	seen := map[string]bool{}
	for i, tm := range ts {
		assert.Regexp(t, keyRE, tm.Key)
		assert.NotEmpty(t, tm.Format, tm.Key)
		assert.False(t, seen[tm.Key], "duplicate key %s", tm.Key)
		seen[tm.Key] = true
		if i > 0 {
			assert.Less(t, ts[i-1].Key, tm.Key, "not sorted")
		}
		for _, v := range verbRE.FindAllString(tm.Format, -1) {
			assert.Contains(t, []string{"%s", "%d", "%v", "%q"}, v[len(v)-2:], "%s uses %s", tm.Key, v)
		}
	}
	for _, k := range ClauseKinds() {
		assert.True(t, seen[k.Message().Key], k.String())
	}
	for _, c := range Categories() {
		assert.True(t, seen[c.Message().Key], c.String())
	}
}

// TestEveryTemplateListed parses the package source and checks that every
// package-level template variable is in MessageTemplates.
func TestEveryTemplateListed(t *testing.T) {
	listed := map[string]bool{}
	for _, tm := range MessageTemplates() {
		listed[tm.Key] = true
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var n int
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(af, func(node ast.Node) bool {
			cl, ok := node.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "tmpl" {
				return true
			}
			for _, e := range cl.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok || kv.Key.(*ast.Ident).Name != "Key" {
					continue
				}
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					n++
					key := strings.Trim(lit.Value, `"`)
					assert.True(t, listed[key], "%s: template %s is not listed", f, key)
				}
			}
			return true
		})
	}
	assert.Greater(t, n, 50)
}

func TestEnums(t *testing.T) {
	for _, k := range ClauseKinds() {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back ClauseKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		assert.NotEmpty(t, k.Message().Format)
	}
	assert.Len(t, ClauseKinds(), 20)
	assert.Len(t, Categories(), 10)
	for _, c := range Categories() {
		assert.Regexp(t, `^PT-[A-Z]+$`, c.ID())
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back Category
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	_, err := KindUnknown.MarshalText()
	assert.Error(t, err)
	var k ClauseKind
	assert.Error(t, k.UnmarshalText([]byte("unknown")))
	assert.Equal(t, "ClauseKind(99)", ClauseKind(99).String())
	assert.Equal(t, "", CategoryUnknown.ID())
	assert.Equal(t, "contracts.kind.unknown", ClauseKind(99).Message().Key)
	for _, s := range []Severity{Required, Recommended} {
		assert.NotEqual(t, "contracts.severity.unknown", s.Message().Key)
	}
	assert.Equal(t, []Param{ParamRemediationDays}, Patching.Params())
	assert.Equal(t, []Param{ParamViaHospitalGateway, ParamMFA}, RemoteAccessControl.Params())
	assert.Empty(t, Confidentiality.Params())
}
