package medsec_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goSnippet matches the Go code blocks of a Markdown file.
var goSnippet = regexp.MustCompile("(?ms)^```go\n(.*?)^```\n")

// snippetProgram turns a README snippet into a program: a snippet that is
// a whole file stays as it is; otherwise its leading import declaration
// is kept and the rest becomes the body of main.
func snippetProgram(snippet string) (string, bool) {
	if strings.HasPrefix(snippet, "package ") {
		return snippet, true
	}
	imports, body := "", snippet
	switch {
	case strings.HasPrefix(snippet, "import (\n"):
		end := strings.Index(snippet, "\n)\n")
		if end < 0 {
			return "", false
		}
		imports, body = snippet[:end+3], snippet[end+3:]
	case strings.HasPrefix(snippet, "import "):
		line, rest, _ := strings.Cut(snippet, "\n")
		imports, body = line+"\n", rest
	}
	return "package main\n\n" + imports + "\nfunc main() {\n" + body + "}\n", true
}

// TestReadmeSnippetsCompile: every Go snippet of README.md compiles and
// passes go vet, as a program of its own against this module, so that
// what the README shows a newcomer is code that works.
func TestReadmeSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	snippets := goSnippet.FindAllStringSubmatch(string(readme), -1)
	require.GreaterOrEqual(t, len(snippets), 5, "the tour has a snippet per package")
	for i, m := range snippets {
		src, ok := snippetProgram(m[1])
		require.True(t, ok, "snippet %d: unterminated import block", i+1)
		first, _, _ := strings.Cut(strings.TrimPrefix(m[1], "import (\n"), "\n")
		file := filepath.Join(t.TempDir(), "main.go")
		require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
		// Run from the module's root, so that the imports resolve to this
		// module.
		out, err := exec.Command(goTool, "vet", file).CombinedOutput()
		assert.NoError(t, err, "README snippet %d (%s…) does not compile or vet:\n%s\n%s", i+1, strings.TrimSpace(first), out, src)
	}
}

func TestSnippetProgram(t *testing.T) {
	got, ok := snippetProgram("import (\n\t\"fmt\"\n)\n\nfmt.Println(1)\n")
	require.True(t, ok)
	assert.Equal(t, "package main\n\nimport (\n\t\"fmt\"\n)\n\nfunc main() {\n\nfmt.Println(1)\n}\n", got)
	got, _ = snippetProgram("import \"fmt\"\nfmt.Println(2)\n")
	assert.Equal(t, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(2)\n}\n", got)
	got, _ = snippetProgram("package x\n")
	assert.Equal(t, "package x\n", got)
	_, ok = snippetProgram("import (\n\t\"fmt\"\n")
	assert.False(t, ok)
}
