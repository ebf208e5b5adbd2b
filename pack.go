package medsec

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/medsec-go/medsec/internal/ident"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// PackManifest is the name of the file at the root of every pack.
const PackManifest = "pack.json"

// A Pack is the legal data of one jurisdiction or one issuing body: a
// folder (any [fs.FS]) whose root holds [PackManifest] and, beside it, the
// files of the facts the pack states:
//
//	pack.json               the manifest: ID, review date, declared jurisdictions, flags and events
//	instruments/*.json      one instrument each (see [DecodeInstrument])
//	dates.json              legal dates that are not an instrument's own (see [LegalDate])
//	incidents.json          incident-reporting rules (see [IncidentRule])
//	duties.json             duties (package obligations)
//	roles.json              role rules (package obligations)
//	clauses.json            contract clause rules (package contracts)
//	grading.json            the facts of a grading scheme (package grading)
//	messages/<locale>.json  translations of the pack's messages (package i18n)
//
// Every file but the manifest is optional. The root package reads the
// manifest, instruments, dates and incident rules; each other package
// reads its own files from the packs of a [Registry] (see [Registry.Packs]).
// medsec's own packs are embedded (law/ in the module) and make up
// [DefaultRegistry]; [LoadPack] reads a user's pack, and [Registry.With]
// adds it to a registry.
//
// A Pack is immutable and safe for concurrent use.
type Pack struct {
	m    packManifest
	fsys fs.FS
}

// packManifest is the JSON form of pack.json.
type packManifest struct {
	// ID names the pack: lower-case letters, digits and inner hyphens.
	ID string `json:"id"`
	// Version is the day the pack's facts were last reviewed.
	Version Date `json:"version"`
	// Title says what the pack holds, in English.
	Title string `json:"title"`
	// Jurisdictions lists the jurisdictions the pack declares.
	Jurisdictions []JurisdictionInfo `json:"jurisdictions,omitempty"`
	// Flags lists the flags the pack declares.
	Flags []FlagInfo `json:"flags,omitempty"`
	// Events lists the events the pack declares.
	Events []EventInfo `json:"events,omitempty"`
	// Note records what the pack leaves out, and why.
	Note string `json:"note,omitempty"`
}

// JurisdictionInfo declares a jurisdiction: its code and its name.
type JurisdictionInfo struct {
	Code Jurisdiction `json:"code"` // the code, e.g. "CZ"
	Name Message      `json:"name"` // the name, e.g. "Czechia" (key "medsec.jurisdiction.CZ")
	// Law names the jurisdiction's legal order as messages say it after
	// "under" or "subject to": "the law of Czechia" (key
	// "medsec.jurisdiction-law.CZ"). It is a message of its own because
	// languages say it with an adjective ("české právo", "pháp luật
	// Séc", "捷克法律") rather than by inserting the name. Optional: without
	// it, [JurisdictionInfo.LawMessage] says "the law of" and the name.
	Law Message `json:"law,omitzero"`
}

// LawMessage returns j's [JurisdictionInfo.Law], or, when the pack
// declares none, a message that inserts the name ("the law of %v").
func (j JurisdictionInfo) LawMessage() Message {
	if !j.Law.IsZero() {
		return j.Law
	}
	return msgJurisdictionLaw.New(j.Name)
}

// FlagInfo declares a flag: its code and what it means.
type FlagInfo struct {
	Code Flag    `json:"code"` // the code, e.g. "cii"
	Name Message `json:"name"` // what the flag says of an institution or a system
}

// EventInfo declares an event: its code and what happens.
type EventInfo struct {
	Code Event   `json:"code"` // the code, e.g. "go-live"
	Name Message `json:"name"` // what happens, e.g. "the system goes into operation"
	// Occasional marks an event that happens only on occasion and may
	// never happen, such as an authority's request or a change of the
	// registered data. A duty that runs from an occasional event waits for
	// it while the profile gives no date (package obligations reports it
	// as on trigger); a duty that runs from any other event (a go-live, a
	// registration decision) is due at once when its date is missing,
	// since the event is expected to have happened.
	Occasional bool `json:"occasional,omitempty"`
}

// LoadPack reads the manifest at the root of fsys and returns the pack. The
// manifest is decoded strictly; the pack's other files are read by the
// registry and the packages that use them, which report their problems with
// the file's path inside the pack.
func LoadPack(fsys fs.FS) (*Pack, error) {
	if fsys == nil {
		return nil, fmt.Errorf("%w: no file system given for the pack", ErrInvalidInput)
	}
	b, err := fs.ReadFile(fsys, PackManifest)
	if err != nil {
		return nil, fmt.Errorf("medsec: reading pack: %w", err)
	}
	var m packManifest
	if err := decodeData(b, &m, PackManifest); err != nil {
		return nil, err
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &Pack{m: m, fsys: fsys}, nil
}

func (m *packManifest) check() error {
	var errs FieldErrors
	add := func(p, rule, value string, msg Message) {
		errs = append(errs, dataError(PackManifest, p, rule, value, msg))
	}
	if !ident.Slug(m.ID) || len(m.ID) > 32 {
		add("/id", "syntax", m.ID, msgDataPackID.New())
	}
	if !m.Version.Valid() {
		add("/version", "required", m.Version.String(), msgDataPackVersion.New())
	}
	if strings.TrimSpace(m.Title) == "" {
		add("/title", "required", "", msgDataPackTitle.New())
	}
	seen := map[string]bool{}
	for i, j := range m.Jurisdictions {
		p := fmt.Sprintf("/jurisdictions/%d", i)
		switch {
		case !j.Code.Valid():
			add(p+"/code", "syntax", string(j.Code), msgDataJurisdiction.New(string(j.Code)))
		case seen[string(j.Code)]:
			add(p+"/code", "unique", string(j.Code), msgDataDuplicate.New(string(j.Code)))
		}
		seen[string(j.Code)] = true
		checkName(j.Name, p+"/name", add)
		if !j.Law.IsZero() || j.Law.Format != "" || len(j.Law.Args) > 0 {
			checkName(j.Law, p+"/law", add)
		}
	}
	seen = map[string]bool{}
	for i, f := range m.Flags {
		p := fmt.Sprintf("/flags/%d", i)
		switch {
		case !f.Code.Valid():
			add(p+"/code", "syntax", string(f.Code), msgDataFlag.New(string(f.Code)))
		case seen[string(f.Code)]:
			add(p+"/code", "unique", string(f.Code), msgDataDuplicate.New(string(f.Code)))
		}
		seen[string(f.Code)] = true
		checkName(f.Name, p+"/name", add)
	}
	seen = map[string]bool{}
	for i, e := range m.Events {
		p := fmt.Sprintf("/events/%d", i)
		switch {
		case !e.Code.Valid():
			add(p+"/code", "syntax", string(e.Code), msgDataFlag.New(string(e.Code)))
		case seen[string(e.Code)]:
			add(p+"/code", "unique", string(e.Code), msgDataDuplicate.New(string(e.Code)))
		}
		seen[string(e.Code)] = true
		checkName(e.Name, p+"/name", add)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// checkName checks a message that names something: a key and an English
// text without arguments.
func checkName(m Message, p string, add func(p, rule, value string, msg Message)) {
	switch {
	case !ident.MessageKey(m.Key):
		add(p+"/key", "syntax", m.Key, msgDataMessageKey.New(m.Key))
	case strings.TrimSpace(m.Format) == "" || len(m.Args) > 0 || strings.Contains(strings.ReplaceAll(m.Format, "%%", ""), "%"):
		add(p+"/format", "name", m.Format, msgDataNameFormat.New())
	}
}

// The accessors of a nil or zero Pack return zero values.

// ID returns the pack's ID, e.g. "cz".
func (p *Pack) ID() string { return p.manifest().ID }

// Version returns the day the pack's facts were last reviewed.
func (p *Pack) Version() Date { return p.manifest().Version }

// Title returns what the pack holds, in English.
func (p *Pack) Title() string { return p.manifest().Title }

// Jurisdictions returns the jurisdictions the pack declares.
func (p *Pack) Jurisdictions() []JurisdictionInfo { return cloneInfos(p.manifest().Jurisdictions) }

// Flags returns the flags the pack declares.
func (p *Pack) Flags() []FlagInfo { return cloneInfos(p.manifest().Flags) }

// Events returns the events the pack declares.
func (p *Pack) Events() []EventInfo { return cloneInfos(p.manifest().Events) }

// FS returns the pack's files, or nil for a nil or zero Pack. Packages
// read their own files from it; the result must not be written to. In
// the embedded packs of [DefaultRegistry], the files package law embeds
// (see [Pack.ReadFile]) open by name but are not listed in directories.
func (p *Pack) FS() fs.FS {
	if p == nil {
		return nil
	}
	return p.fsys
}

func (p *Pack) manifest() *packManifest {
	if p == nil {
		return &packManifest{}
	}
	return &p.m
}

// ReadFile reads the file name of the pack, or returns (nil, nil) when the
// pack has no such file. Files larger than [MaxDataFileSize] are an error.
//
// The embedded packs of [DefaultRegistry] hold their duties.json,
// roles.json, clauses.json and mappings.json only in a program that links
// package github.com/medsec-go/medsec/law, as packages obligations and
// contracts do; elsewhere ReadFile returns no data for them.
func (p *Pack) ReadFile(name string) ([]byte, error) {
	b, err := p.AppendFile(nil, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// AppendFile appends the contents of the file name of the pack to dst and
// returns the extended buffer, like ReadFile but into a buffer of the
// caller's: a loader that reads several files, decoding each before it
// reads the next, can use one buffer for all of them. When the pack has no
// such file, AppendFile returns dst and an error wrapping
// [fs.ErrNotExist]. Files larger than [MaxDataFileSize] are an error.
func (p *Pack) AppendFile(dst []byte, name string) ([]byte, error) {
	if p == nil || p.fsys == nil {
		return dst, fmt.Errorf("medsec: pack %s: %s: %w", p.ID(), name, fs.ErrNotExist)
	}
	f, err := p.fsys.Open(name)
	if err != nil {
		return dst, fmt.Errorf("medsec: pack %s: %w", p.m.ID, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		dst = slices.Grow(dst, int(min(st.Size(), MaxDataFileSize))+1)
	}
	start := len(dst)
	r := io.LimitReader(f, MaxDataFileSize+1)
	for {
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 4096)
		}
		n, err := r.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return dst[:start], fmt.Errorf("medsec: reading %s: %w", p.Where(name), err)
		}
	}
	if len(dst)-start > MaxDataFileSize {
		e := fieldErrors(strictjson.Errors{strictjson.TooLarge(MaxDataFileSize)}, ErrInvalidData)
		e[0].File = p.Where(name)
		return dst[:start], e
	}
	return dst, nil
}

// Glob returns the names of the pack's files that match pattern, sorted
// (see [fs.Glob]).
func (p *Pack) Glob(pattern string) ([]string, error) {
	if p == nil || p.fsys == nil {
		return nil, nil
	}
	names, err := fs.Glob(p.fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("medsec: pack %s: %w", p.m.ID, err)
	}
	return names, nil
}

// Where returns "pack/name", the form in which errors name a pack's file.
func (p *Pack) Where(name string) string { return path.Join(p.ID(), name) }

func cloneInfos[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T(nil), s...)
}
