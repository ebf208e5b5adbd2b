package cli

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// The messages of this package. Their translations are in
// locales/*.json.
var (
	msgEmpty        = medsec.MessageTemplate{Key: "cli.file.empty", Format: "the file is empty"}
	msgDirectory    = medsec.MessageTemplate{Key: "cli.file.directory", Format: "this is a directory, not a file"}
	msgNotExist     = medsec.MessageTemplate{Key: "cli.file.not-exist", Format: "there is no such file"}
	msgPermission   = medsec.MessageTemplate{Key: "cli.file.permission", Format: "you may not read this file (permission denied)"}
	msgUnreadable   = medsec.MessageTemplate{Key: "cli.file.unreadable", Format: "the file cannot be read: %s"}
	msgTooLarge     = medsec.MessageTemplate{Key: "cli.file.too-large", Format: "the file is larger than the limit of %d bytes"}
	msgNotUTF8      = medsec.MessageTemplate{Key: "cli.file.not-utf8", Format: "the file is not UTF-8 text (an invalid byte at line %d, column %d); save it as UTF-8"}
	msgUTF16        = medsec.MessageTemplate{Key: "cli.file.utf16", Format: "the file is UTF-16 text; save it as UTF-8"}
	msgBinary       = medsec.MessageTemplate{Key: "cli.file.binary", Format: "the file is binary, not text (a NUL byte at line %d, column %d)"}
	msgStdinTwice   = medsec.MessageTemplate{Key: "cli.args.stdin-twice", Format: "\"-\" (standard input) is given %d times; give it once"}
	msgNoFiles      = medsec.MessageTemplate{Key: "cli.args.no-files", Format: "give at least one file, or - to read standard input"}
	msgExtraArgs    = medsec.MessageTemplate{Key: "cli.args.extra", Format: "unexpected argument %q: this program reads no files"}
	msgDateForm     = medsec.MessageTemplate{Key: "cli.flag.date-form", Format: "%s: %q is not a date of the form YYYY-MM-DD"}
	msgDateMonth    = medsec.MessageTemplate{Key: "cli.flag.date-month", Format: "%s: %q: there is no month %d"}
	msgDateDay      = medsec.MessageTemplate{Key: "cli.flag.date-day", Format: "%s: %q: that month has no day %d"}
	msgBadMaxBytes  = medsec.MessageTemplate{Key: "cli.flag.max-bytes", Format: "-max-bytes: give a positive number of bytes"}
	msgWriteFailure = medsec.MessageTemplate{Key: "cli.output.write", Format: "the output cannot be written: %s"}
)

// MessageTemplates lists the package's messages, for the completeness
// tests of the programs.
func MessageTemplates() []medsec.MessageTemplate {
	return []medsec.MessageTemplate{msgEmpty, msgDirectory, msgNotExist, msgPermission, msgUnreadable, msgTooLarge,
		msgNotUTF8, msgUTF16, msgBinary, msgStdinTwice, msgNoFiles, msgExtraArgs, msgDateForm, msgDateMonth, msgDateDay, msgBadMaxBytes, msgWriteFailure}
}

// An Error is a problem with the command line or an input file, in words
// the user can act on: a file that does not exist, cannot be read, is a
// directory, is empty, too large or not UTF-8 text; a flag value that is
// not a date.
type Error struct {
	Message medsec.Message // what is wrong, translatable
	Err     error          // the operating system's error, if any
}

func (e *Error) Error() string { return e.Message.String() }

func (e *Error) Unwrap() error { return e.Err }

// ReadFile reads the named file whole, or stdin for [Stdin], and checks
// that it is text a JSON decoder can be given: not empty, at most limit
// bytes, UTF-8 without NUL bytes, not UTF-16. Problems are [*Error]s
// whose messages say what is wrong in the user's terms: "the file is
// empty", "there is no such file", "this is a directory, not a file",
// the operating system's reason for anything else.
func ReadFile(name string, stdin io.Reader, limit int64) ([]byte, error) {
	var r io.Reader = stdin
	if name != Stdin {
		f, err := os.Open(name)
		if err != nil {
			return nil, osError(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, &Error{Message: msgDirectory.New()}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, osError(err)
	}
	if int64(len(data)) > limit {
		return nil, &Error{Message: msgTooLarge.New(limit)}
	}
	return data, CheckText(data)
}

// CheckText checks that data is text a JSON decoder can be given: not
// empty, not UTF-16 (a byte order mark of UTF-16), UTF-8 without NUL
// bytes. A UTF-8 byte order mark is left to the decoder, which names it.
func CheckText(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return &Error{Message: msgEmpty.New()}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return &Error{Message: msgUTF16.New()}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &Error{Message: msgBinary.New(line, col)}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		line, col := lineCol(data, i)
		return &Error{Message: msgNotUTF8.New(line, col)}
	}
	return nil
}

// lineCol returns the 1-based line and column (in characters) of byte
// offset off of data.
func lineCol(data []byte, off int) (line, col int) {
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}

// osError turns an error of the operating system into a Error that
// gives its reason.
func osError(err error) error {
	var pe *fs.PathError
	reason := err
	if errors.As(err, &pe) {
		reason = pe.Err // "no such file or directory", without "open name:"
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Message: msgNotExist.New(), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Message: msgPermission.New(), Err: err}
	}
	return &Error{Message: msgUnreadable.New(reason.Error()), Err: err}
}

// CheckStdin returns an error when files name standard input more than
// once.
func CheckStdin(files []string) error {
	n := 0
	for _, f := range files {
		if f == Stdin {
			n++
		}
	}
	if n > 1 {
		return &Error{Message: msgStdinTwice.New(n)}
	}
	return nil
}

// NoFiles is the error of a program that needs files and got none.
func NoFiles() error { return &Error{Message: msgNoFiles.New()} }

// ExtraArgument is the error of a program that takes no arguments and got
// arg.
func ExtraArgument(arg string) error { return &Error{Message: msgExtraArgs.New(arg)} }

// ParseDate parses the value of a date flag such as -asof. The error names
// the flag and says what is wrong: the form, the month or the day.
func ParseDate(flagName, value string) (medsec.Date, error) {
	if d, err := medsec.ParseDate(value); err == nil {
		return d, nil
	}
	bad := func(m medsec.Message) (medsec.Date, error) { return medsec.Date{}, &Error{Message: m} }
	if len(value) != 10 || value[4] != '-' || value[7] != '-' || !digits(value[:4]) || !digits(value[5:7]) || !digits(value[8:]) {
		return bad(msgDateForm.New(flagName, value))
	}
	if m := atoi(value[5:7]); m < 1 || m > 12 {
		return bad(msgDateMonth.New(flagName, value, m))
	}
	return bad(msgDateDay.New(flagName, value, atoi(value[8:])))
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// BadMaxBytes is the error of a -max-bytes flag that is not positive.
func BadMaxBytes() error { return &Error{Message: msgBadMaxBytes.New()} }

// WriteFailure is the error of output that cannot be written.
func WriteFailure(err error) error {
	return &Error{Message: msgWriteFailure.New(err.Error()), Err: err}
}
