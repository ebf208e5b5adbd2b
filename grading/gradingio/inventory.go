package gradingio

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/errcap"
	"github.com/medsec-go/medsec/internal/ident"
	"github.com/medsec-go/medsec/internal/inputjson"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// A CSVError is one problem of a CSV inventory ([ReadInventory]): where
// it is, by line and column, and what is wrong, as a [medsec.FieldError]
// whose Path is the JSON Pointer of the value in the row's system
// ("/vn/users", the form [DecodeInputs] reads) and whose Message is
// translatable. Unwrap returns the field error, so [errors.Is] finds
// [medsec.ErrInvalidInput] and [errors.As] the field error.
type CSVError struct {
	// Line is the line of the record in the file, counted from 1: the
	// header is line 1. 0 for a problem of the file as a whole.
	Line int
	// Column is the column counted from 1, and Header its name; Column is
	// 0 for a problem of the whole record, or of a column the file lacks
	// (whose name Header then gives).
	Column int
	Header string
	// Err says what is wrong.
	Err *medsec.FieldError
}

// Error returns "line 3, column 7 (vn.users): message".
func (e *CSVError) Error() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	switch {
	case e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "line %d, column %d (%s): ", e.Line, e.Column, e.Header)
	case e.Line > 0 && e.Header != "":
		fmt.Fprintf(&b, "line %d (%s): ", e.Line, e.Header)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Message.String())
	}
	return b.String()
}

// Unwrap returns the field error.
func (e *CSVError) Unwrap() error {
	if e == nil || e.Err == nil {
		return nil
	}
	return e.Err
}

// CSVErrors are the problems of one inventory, never empty when returned:
// at most 100, the last of a longer list saying how many more there were.
type CSVErrors []*CSVError

// Error joins the errors on "; ".
func (es CSVErrors) Error() string {
	parts := make([]string, 0, len(es))
	for _, e := range es {
		if e != nil {
			parts = append(parts, e.Error())
		}
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the errors, for [errors.Is] and [errors.As].
func (es CSVErrors) Unwrap() []error {
	out := make([]error, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// A column is one column an inventory may have: its header, the JSON
// Pointer of its value in a system, and how its text becomes JSON.
type column struct {
	header string
	path   string
	kind   byte // 's' text, 'b' true or false, 'i' whole number, 'l' list of codes, 'd' date of an event
}

// columns lists the columns an inventory may have, in the order of the
// package documentation: those of a SystemInput, its MLPS input and its
// Vietnamese input, by their JSON names joined with dots. Event columns
// ("events.go-live") are not listed: any well-formed event code makes one.
var columns = sync.OnceValue(func() []column {
	out := []column{{"id", "/id", 's'}, {"name", "/name", 's'}, {"flags", "/flags", 'l'}}
	var walk func(t reflect.Type, prefix, path string)
	walk = func(t reflect.Type, prefix, path string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "system" {
				continue // the system's ID names it
			}
			switch ft := f.Type; {
			case ft.Kind() == reflect.Struct:
				walk(ft, prefix+name+".", path+"/"+name)
			case ft.Kind() == reflect.Bool:
				out = append(out, column{prefix + name, path + "/" + name, 'b'})
			case ft.Kind() == reflect.Int:
				out = append(out, column{prefix + name, path + "/" + name, 'i'})
			default:
				out = append(out, column{prefix + name, path + "/" + name, 's'})
			}
		}
	}
	walk(reflect.TypeFor[grading.MLPSInput](), "mlps.", "/mlps")
	walk(reflect.TypeFor[grading.VNInput](), "vn.", "/vn")
	return out
})

// InventoryColumns returns the names of the columns a CSV inventory may
// have, in their documented order; besides them, a column
// "events.CODE" holds the date of the event CODE.
func InventoryColumns() []string {
	var out []string
	for _, c := range columns() {
		out = append(out, c.header)
	}
	return out
}

// ReadInventory reads a system inventory in CSV (RFC 4180, UTF-8): a
// header line naming the columns, then one line per system. It returns
// the systems as [SystemInput] values, the same as the "systems" of
// [DecodeInputs], so that an institution can grade from the inventory it
// keeps.
//
// The columns, in any order, are "id" (required), "name", "flags" (codes
// separated by semicolons, such as health-data;personal-data),
// "events.CODE" (the date of the event CODE, such as events.go-live), and
// the fields of the system's MLPS and Vietnamese inputs, named by their
// JSON names joined with dots: "mlps.information.citizens",
// "mlps.tertiaryHospitalCore", "vn.type", "vn.information", "vn.users"
// and so on ([InventoryColumns] lists them). Cells hold the text forms of
// the JSON format ([MLPSSchema], [VNSchema]): dates
// YYYY-MM-DD, whole numbers in digits, true or false. An empty cell is a
// value not given; a system has an MLPS (Vietnamese) input when one of
// its "mlps." ("vn.") cells is not empty, and the input is then checked
// as [DecodeMLPS] ([DecodeVN]) checks it.
//
// Reading is strict. An unknown column (with the closest known name), a
// column named twice, a missing "id" column, a line with more or fewer
// cells than the header, a cell that is not valid for its column, a
// system without an ID or with the ID of another, text that is not
// valid UTF-8, more than 10,000 systems and more than [DefaultMaxBytes]
// (or the [WithMaxBytes] limit) are errors. A UTF-8 byte order mark at
// the start, which spreadsheet programs write, is skipped; a header
// separated by semicolons is refused with a hint to save the file with
// commas. Problems come as [CSVErrors], each with its line, column and
// header, at most 100; an error of r comes back wrapped.
func ReadInventory(r io.Reader, opts ...DecodeOption) ([]SystemInput, error) {
	data, err := inputjson.Read(r, config(opts).maxBytes, "gradingio: reading an inventory")
	if err != nil {
		var fes medsec.FieldErrors
		if errors.As(err, &fes) {
			return nil, CSVErrors{{Err: fes[0]}}
		}
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	inv := inventory{}
	inv.read(data)
	if errs, n := inv.errs.Result(); len(errs) > 0 {
		if n > 0 {
			m := strictjson.More(n)
			errs = append(errs, &CSVError{Err: &medsec.FieldError{Rule: m.Rule, Value: m.Value, Message: medsec.Message(m.Message), Err: medsec.ErrInvalidInput}})
		}
		return nil, CSVErrors(errs)
	}
	return inv.systems, nil
}

// An inventory is the state of one ReadInventory.
type inventory struct {
	errs    errcap.List[*CSVError]
	cols    []*column // by position; nil for an unknown column
	headers []string
	systems []SystemInput
	lines   []int // the line of each system
}

func (inv *inventory) fail(line, col int, header, path, rule, value string, m medsec.Message) {
	inv.errs.Add(&CSVError{Line: line, Column: col, Header: header,
		Err: &medsec.FieldError{Path: path, Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidInput}})
}

func (inv *inventory) read(data []byte) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = false
	header, err := cr.Read()
	switch {
	case err == io.EOF:
		inv.fail(0, 0, "", "", "empty", "", msgCSVEmpty.New())
		return
	case err != nil:
		inv.csvError(err)
		return
	}
	if !inv.header(header) {
		return
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			inv.csvError(err)
			return
		}
		// Read returned a record (FieldPos panics when it did not).
		line, _ := cr.FieldPos(0)
		if err != nil {
			inv.fail(line, 0, "", "", "cells", "", msgCSVCells.New(len(rec), len(inv.headers)))
			continue
		}
		if len(inv.systems) == inputjson.MaxItems {
			inv.fail(line, 0, "", "", "max-items", "", msgCSVTooMany.New(inputjson.MaxItems))
			return
		}
		inv.record(line, rec)
	}
	inv.unique()
}

func (inv *inventory) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		inv.fail(pe.Line, 0, "", "", "csv", "", msgCSVSyntax.New(pe.Column, pe.Err.Error()))
		return
	}
	inv.fail(0, 0, "", "", "csv", "", msgCSVSyntax.New(0, err.Error()))
}

// header reads the header line; false when no record can be read.
func (inv *inventory) header(h []string) bool {
	if !utf8.ValidString(strings.Join(h, ",")) {
		inv.fail(1, 0, "", "", "utf8", "", msgCSVUTF8.New())
		return false
	}
	if len(h) == 1 && strings.Contains(h[0], ";") {
		inv.fail(1, 0, "", "", "csv", h[0], msgCSVSemicolons.New())
		return false
	}
	known := map[string]*column{}
	for i, c := range columns() {
		known[c.header] = &columns()[i]
	}
	seen := map[string]bool{}
	ok, hasID := true, false
	for i, name := range h {
		c := known[name]
		if c == nil {
			if code, isEvent := strings.CutPrefix(name, "events."); isEvent && medsec.Event(code).Valid() {
				c = &column{name, "/events/" + code, 'd'}
			}
		}
		switch {
		case seen[name]:
			inv.fail(1, i+1, name, "", "column-twice", name, msgCSVTwice.New(clip(name)))
			ok = false
		case c == nil:
			inv.fail(1, i+1, name, "", "unknown-column", name, unknownColumn(name))
			ok = false
		}
		seen[name] = true
		hasID = hasID || name == "id"
		inv.cols = append(inv.cols, c)
		inv.headers = append(inv.headers, name)
	}
	if !hasID {
		inv.fail(1, 0, "id", "", "no-id", "", msgCSVNoID.New())
		ok = false
	}
	return ok
}

// unknownColumn is the error of an unknown column, with the closest
// known column when one is near.
func unknownColumn(name string) medsec.Message {
	best, dist := "", 4
	for _, c := range columns() {
		if d := distance(strings.ToLower(name), strings.ToLower(c.header)); d < dist {
			best, dist = c.header, d
		}
	}
	if best == "" {
		return msgCSVUnknown.New(clip(name))
	}
	return msgCSVUnknownNear.New(clip(name), best)
}

// distance is the Levenshtein distance of a and b ([ident.Distance]); it
// gives up (returns a large number) for long texts.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	return ident.Distance(a, b)
}

// record reads one system from the cells of one line: it writes the
// system as JSON, decodes it with the package's strict decoder and checks
// it, and reports each problem at the column of its field.
func (inv *inventory) record(line int, rec []string) {
	if !utf8.ValidString(strings.Join(rec, ",")) {
		for i, cell := range rec {
			if !utf8.ValidString(cell) {
				inv.fail(line, i+1, inv.headers[i], inv.cols[i].path, "utf8", cell, msgCSVUTF8.New())
			}
		}
		return
	}
	doc := map[string]any{} // the system as JSON: nested objects, the cells' values as raw JSON
	bad := false
	for i, cell := range rec {
		c := inv.cols[i]
		if cell == "" {
			continue
		}
		var v []byte
		switch c.kind {
		case 'b':
			if cell != "true" && cell != "false" {
				inv.fail(line, i+1, c.header, c.path, "bool", cell, msgCSVBool.New(clip(cell)))
				bad = true
				continue
			}
			v = []byte(cell)
		case 'i':
			if digits := strings.TrimPrefix(cell, "-"); digits == "" || strings.Trim(digits, "0123456789") != "" {
				inv.fail(line, i+1, c.header, c.path, "int", cell, msgCSVInt.New(clip(cell)))
				bad = true
				continue
			}
			v = []byte(cell)
		case 'l':
			parts := strings.Split(cell, ";")
			if slices.Contains(parts, "") {
				inv.fail(line, i+1, c.header, c.path, "flag", cell, msgCSVFlag.New())
				bad = true
				continue
			}
			v, _ = json.Marshal(parts)
		default:
			v, _ = json.Marshal(cell)
		}
		segs := strings.Split(c.path[1:], "/")
		obj := doc
		for _, seg := range segs[:len(segs)-1] {
			next, ok := obj[seg].(map[string]any)
			if !ok {
				next = map[string]any{}
				obj[seg] = next
			}
			obj = next
		}
		obj[segs[len(segs)-1]] = json.RawMessage(v)
	}
	if bad {
		return
	}
	data, err := json.Marshal(doc)
	if err != nil { // raw values made by json.Marshal or checked above
		inv.fail(line, 0, "", "", "internal", "", msgCSVSyntax.New(0, err.Error()))
		return
	}
	var s SystemInput
	if errs := inputjson.Unmarshal(inputDecoder(), data, &s, ""); errs != nil {
		for _, fe := range errs {
			inv.fieldError(line, fe)
		}
		return
	}
	var errs medsec.FieldErrors
	if s.ID == "" {
		errs = append(errs, noSystemID("/id"))
	}
	errs = append(errs, s.inputProblems("")...)
	for _, fe := range errs {
		inv.fieldError(line, fe)
	}
	if len(errs) == 0 {
		inv.systems = append(inv.systems, s)
		inv.lines = append(inv.lines, line)
	}
}

// fieldError reports a problem of the system of a line at the column of
// its path: the column whose path is the problem's or holds it ("/flags"
// for "/flags/1"); for a path no column has, the name of the column that
// would hold it.
func (inv *inventory) fieldError(line int, fe *medsec.FieldError) {
	for i, c := range inv.cols {
		if c != nil && (fe.Path == c.path || strings.HasPrefix(fe.Path, c.path+"/")) {
			inv.errs.Add(&CSVError{Line: line, Column: i + 1, Header: c.header, Err: fe})
			return
		}
	}
	header := ""
	for _, c := range columns() {
		if c.path == fe.Path {
			header = c.header
		}
	}
	if h, ok := strings.CutPrefix(fe.Path, "/events/"); ok {
		header = "events." + h
	}
	inv.errs.Add(&CSVError{Line: line, Header: header, Err: fe})
}

// unique reports a system ID used by an earlier line.
func (inv *inventory) unique() {
	col := slices.Index(inv.headers, "id") + 1
	first := map[string]int{}
	keep := inv.systems[:0]
	for i, s := range inv.systems {
		if _, dup := first[s.ID]; dup {
			inv.fail(inv.lines[i], col, "id", "/id", "unique", s.ID, msgSystemTwice.New(clip(s.ID)))
			continue
		}
		first[s.ID] = inv.lines[i]
		keep = append(keep, s)
	}
	inv.systems = keep
}
