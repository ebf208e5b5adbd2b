package contracts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/apitest"
)

// FuzzDecode: Decode, Validate and Check never panic, and every error is a
// field error with a rule, a JSON Pointer path and a message.
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{"testdata/valid", "testdata/invalid"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	for _, s := range []string{"", "{", "[]", `{"a":{"a":1,"a":2}}`, `{"id":"\u00"}`, `{"clauses":[{"kind":"sbom","notifyWithinHours":-1e400}]}`, "\xff", `{"":0}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(bytes.NewReader(data), WithMaxBytes(64<<10))
		if err != nil {
			checkFieldErrors(t, err)
			return
		}
		assertSameAsJSON(t, data, c)
		if err := Validate(c); err != nil {
			checkFieldErrors(t, err)
		}
		r, err := Check(c, medsec.NewDate(2026, 6, 1))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Findings {
			if f.Path == "" || !strings.HasPrefix(f.Path, "/") || f.Message.Key == "" {
				t.Fatalf("finding without path or message: %+v", f)
			}
		}
	})
}

func checkFieldErrors(t *testing.T, err error) {
	t.Helper()
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) || len(fes) == 0 {
		t.Fatalf("want field errors, got %T %v", err, err)
	}
	for _, e := range fes {
		if e.Rule == "" || e.Message.Key == "" {
			t.Fatalf("error without rule or message: %+v", e)
		}
		if e.Path != "" && !strings.HasPrefix(e.Path, "/") {
			t.Fatalf("path %q is not a JSON Pointer", e.Path)
		}
		if e.Path == "" && !documentRules[e.Rule] {
			t.Fatalf("rule %s has no path: %v", e.Rule, e)
		}
		if apitest.Misformatted(e.Message, medsec.Message.String) {
			t.Fatalf("bad message format: %s", e.Message)
		}
	}
}

// documentRules concern the document as a whole; their path is the root
// pointer "".
var documentRules = map[string]bool{"empty": true, "size": true, "trailing": true, "type": true, "syntax": true, "decode": true, "null": true, "depth": true,
	"bom": true, "utf8": true, "control": true, "too-many-errors": true}

// TestConcurrentUse runs the pipeline from many goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.json")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range files {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Error(err)
					return
				}
				c, err := Decode(bytes.NewReader(data))
				if err != nil {
					continue
				}
				_ = Validate(c)
				_, _ = Check(c, medsec.NewDate(2026, 6, 1))
				_ = JSONSchema()
				_ = MessageTemplates()
			}
		}()
	}
	wg.Wait()
}
