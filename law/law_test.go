package law_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	_ "github.com/medsec-go/medsec/law"
)

// TestEveryFileEmbedded: every JSON file of every pack folder on disk is
// what the embedded pack of that folder reads, byte for byte, once package
// law is linked: no file is left out of both the root package's embed and
// this package's, and none is read from the wrong one.
func TestEveryFileEmbedded(t *testing.T) {
	packs := map[string]*medsec.Pack{}
	for _, p := range medsec.DefaultRegistry().Packs() {
		packs[p.ID()] = p
	}
	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		dir, name, _ := strings.Cut(filepath.ToSlash(path), "/")
		p := packs[dir]
		if p == nil {
			t.Errorf("%s: no embedded pack for the folder %s", path, dir)
			return nil
		}
		want, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		got, err := p.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the embedded pack %s reads %d bytes (err %v), the file has %d", path, p.ID(), len(got), err, len(want))
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("only %d files checked", n)
	}
}

// Package law's files are those packages obligations and contracts read.
func TestDutiesAreLinked(t *testing.T) {
	for _, p := range medsec.DefaultRegistry().Packs() {
		if p.ID() != "cn" {
			continue
		}
		b, err := p.ReadFile("duties.json")
		if err != nil || len(b) == 0 {
			t.Fatalf("cn/duties.json: %d bytes, %v", len(b), err)
		}
		return
	}
	t.Fatal("no pack cn")
}
