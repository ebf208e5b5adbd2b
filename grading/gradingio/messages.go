package gradingio

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// The messages of the CSV reader.
var (
	msgCSVEmpty       = medsec.MessageTemplate{Key: "grading.csv.empty", Format: "the file is empty: give a header line and one line per system"}
	msgCSVUTF8        = medsec.MessageTemplate{Key: "grading.csv.utf8", Format: "the line is not valid UTF-8: save the file as CSV UTF-8"}
	msgCSVSyntax      = medsec.MessageTemplate{Key: "grading.csv.syntax", Format: "the line is not valid CSV at character %d: %s; quote a cell that holds commas, quotes or line breaks, and double the quotes inside it"}
	msgCSVCells       = medsec.MessageTemplate{Key: "grading.csv.cells", Format: "the number of cells (%d) is not the number of columns of the header (%d): give one cell per column, and quote a cell that holds commas"}
	msgCSVSemicolons  = medsec.MessageTemplate{Key: "grading.csv.semicolons", Format: "the header is separated by semicolons: save the file with commas between the columns (CSV), and semicolons only between the flags of a cell"}
	msgCSVUnknown     = medsec.MessageTemplate{Key: "grading.csv.unknown-column", Format: "unknown column %q; see the list of columns in the documentation of gradingio.ReadInventory"}
	msgCSVUnknownNear = medsec.MessageTemplate{Key: "grading.csv.unknown-column-near", Format: "unknown column %q; did you mean %q?"}
	msgCSVTwice       = medsec.MessageTemplate{Key: "grading.csv.column-twice", Format: "the column %q appears twice: keep one"}
	msgCSVNoID        = medsec.MessageTemplate{Key: "grading.csv.no-id", Format: "the header has no column \"id\": every system needs one"}
	msgCSVBool        = medsec.MessageTemplate{Key: "grading.csv.bool", Format: "%q is not true or false: write true or false, or leave the cell empty"}
	msgCSVInt         = medsec.MessageTemplate{Key: "grading.csv.int", Format: "%q is not a whole number: write digits only, such as 12000"}
	msgCSVFlag        = medsec.MessageTemplate{Key: "grading.csv.flag", Format: "the flags have an empty entry: separate flags by single semicolons, such as health-data;personal-data"}
	msgCSVTooMany     = medsec.MessageTemplate{Key: "grading.csv.too-many", Format: "the file lists more systems than the limit (%d): split it"}
)

// The messages the package shares with package grading: the same key and
// format, so that one translation serves both (a test pins them to
// grading's).
var (
	msgRequired    = medsec.MessageTemplate{Key: "grading.error.required", Format: "missing: %v"}
	msgInvalid     = medsec.MessageTemplate{Key: "grading.error.invalid", Format: "invalid value %q"}
	msgSystemTwice = medsec.MessageTemplate{Key: "grading.error.institution.system-twice", Format: "the system ID %q is used twice: give each system its own ID"}
	msgHintID      = medsec.MessageTemplate{Key: "grading.hint.system-id", Format: "the system's ID, unique within the institution"}
)

// MessageTemplates returns the templates of the messages the package
// produces itself, sorted by key, so that translators and package i18n
// can cover them: those of the CSV reader and the checks of system IDs.
// Their keys are in the namespace "grading.", like the messages of the
// checks of package grading that the decoders pass on (see
// grading.MessageTemplates).
func MessageTemplates() []medsec.MessageTemplate {
	out := []medsec.MessageTemplate{msgCSVEmpty, msgCSVUTF8, msgCSVSyntax, msgCSVCells, msgCSVSemicolons, msgCSVUnknown,
		msgCSVUnknownNear, msgCSVTwice, msgCSVNoID, msgCSVBool, msgCSVInt, msgCSVFlag, msgCSVTooMany,
		msgRequired, msgInvalid, msgSystemTwice, msgHintID}
	slices.SortFunc(out, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// noSystemID is the error of a system without an ID at path.
func noSystemID(path string) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: "required", Message: msgRequired.New(msgHintID.New())}
}

// systemTwice is the error of a system whose ID id, at path, an earlier
// system has.
func systemTwice(path, id string) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: "unique", Value: clip(id), Message: msgSystemTwice.New(clip(id))}
}

// clip shortens a value quoted in an error to 64 bytes, at a character
// boundary.
func clip(s string) string {
	const limit = 64
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
