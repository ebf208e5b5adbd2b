// Package cli holds what the example programs share to behave like Unix
// tools: the exit statuses, the usage text of -h, the choice of the
// output language, reading input files (or standard input for "-") with
// clear errors, and error lines on standard error that start with the
// program's name. Its messages are translated like the programs' own
// (locales/*.json, added to medsec's catalog by [Catalog]).
//
// The conventions, which every program documents:
//
//   - -h and -help print the usage (a synopsis line, the flags and the
//     exit statuses) on standard output and exit 0. The usage is in
//     English, as are the errors about the command line's syntax (an
//     unknown flag, a flag without its value, an unsupported -lang):
//     they come before the language is known. Everything else a program
//     prints, its errors included, is in the chosen language.
//   - The exit status is 0 when there is nothing to report, 1 when the
//     input was read and has findings, and 2 for bad usage or bad input,
//     or when the output cannot be written.
//   - Errors go to standard error as "program: file: problem".
//   - -lang takes a BCP 47 tag or an Accept-Language list; one that
//     matches no locale is an error. Without -lang the language comes
//     from $LC_ALL, $LC_MESSAGES or $LANG (the first set), else English.
//   - A file named "-" is standard input, and may be given once.
package cli

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
	"golang.org/x/text/language"
	"golang.org/x/text/width"
)

// Exit statuses.
const (
	// ExitClean: the program ran and has nothing to report.
	ExitClean = 0
	// ExitFindings: the input was read and has findings.
	ExitFindings = 1
	// ExitTrouble: bad usage or bad input, or the output could not be
	// written.
	ExitTrouble = 2
)

// Stdin is the file name that stands for standard input.
const Stdin = "-"

// A Command describes a program for its usage text and its error lines.
type Command struct {
	// Name is the program's name, the prefix of its error lines.
	Name string
	// Synopsis is the usage line after the name: "[-lang tag] file.json ...".
	Synopsis string
	// About says in a sentence or two what the program does.
	About string
	// Status says what each exit status means for this program, 0 to 2.
	Status [3]string
}

// NewFlagSet returns an empty flag set for c that reports its errors
// through [Command.Parse].
func (c *Command) NewFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// Parse parses args into fs. For -h or -help it writes the usage to stdout
// and returns ExitClean and false; for a bad flag it writes the error, the
// synopsis and a hint to stderr and returns ExitTrouble and false.
func (c *Command) Parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (status int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return ExitClean, true
	case errors.Is(err, flag.ErrHelp):
		c.Usage(fs, stdout)
		return ExitClean, false
	}
	c.UsageError(stderr, escape.Text(err.Error()))
	return ExitTrouble, false
}

// UsageError writes an error about the command line, in English, with the
// synopsis and a hint to stderr.
func (c *Command) UsageError(stderr io.Writer, problem string) {
	fmt.Fprintf(stderr, "%s: %s\nusage: %s %s\nRun '%s -h' for help.\n", c.Name, problem, c.Name, c.Synopsis, c.Name)
}

// Usage writes the usage text: the synopsis, what the program does, its
// flags and its exit statuses.
func (c *Command) Usage(fs *flag.FlagSet, w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s %s\n\n%s\n\nFlags:\n", c.Name, c.Synopsis, c.About)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	b.WriteString("\nExit status:\n")
	for i, s := range c.Status {
		fmt.Fprintf(&b, "  %d  %s\n", i, s)
	}
	io.WriteString(w, b.String())
}

// Locale returns the locale of the output: the locale that flagLang, a
// BCP 47 tag or an Accept-Language list, asks for, or, when flagLang is
// empty, the first of $LC_ALL, $LC_MESSAGES and $LANG that is set, in its
// POSIX form ("vi_VN.UTF-8"). A flag that matches no locale of the
// catalog is an error (in English: the language is what it fails to
// tell); an environment that matches none, or says "C" or "POSIX", gives
// English.
func Locale(c *i18n.Catalog, flagLang string, getenv func(string) string) (i18n.Locale, error) {
	if flagLang != "" {
		loc, _, conf := c.Match(flagLang)
		if conf == language.No {
			return "", fmt.Errorf("-lang: %q names no language this program speaks (use one of %s)",
				escape.Text(flagLang), strings.Join(localeNames(c), ", "))
		}
		return loc, nil
	}
	env := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if env = getenv(v); env != "" {
			break
		}
	}
	env, _, _ = strings.Cut(env, ".")
	env, _, _ = strings.Cut(env, "@")
	if env == "" || env == "C" || env == "POSIX" {
		return i18n.EN, nil
	}
	loc, _, _ := c.Match(strings.ReplaceAll(env, "_", "-"))
	return loc, nil
}

func localeNames(c *i18n.Catalog) []string {
	var out []string
	for _, l := range c.Locales() {
		out = append(out, l.String())
	}
	return out
}

//go:embed locales/*.json
var localeFiles embed.FS

// Catalog returns medsec's default catalog extended with the translations
// of this package and of the program (the files locales/<locale>.json of
// own; a locale without a file keeps medsec's texts and the English
// formats of the program's messages).
func Catalog(own fs.FS) (*i18n.Catalog, error) {
	c := i18n.DefaultCatalog()
	for _, files := range []fs.FS{localeFiles, own} {
		for _, loc := range c.Locales() {
			name := "locales/" + loc.String() + ".json"
			f, err := files.Open(name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			c, err = c.Extend(loc, f)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return c, nil
}

// A Printer writes a program's error lines, in its language.
type Printer struct {
	Name   string // the program's name
	L      *i18n.Localizer
	Stderr io.Writer
}

// Error writes "name: file: message" (or "name: message" for an empty
// file name). The file name comes from the command line and the message
// may quote input, so both are escaped (see package escape).
func (p *Printer) Error(file string, m medsec.Message) {
	p.line(file, p.L.Format(m))
}

// FieldErrors writes one line per error: "name: file: path: message".
func (p *Printer) FieldErrors(file string, fes medsec.FieldErrors) {
	for _, fe := range fes {
		msg := p.L.Format(fe.Message)
		if fe.Path != "" {
			msg = fe.Path + ": " + msg
		}
		p.line(file, msg)
	}
}

// Err writes err: its field errors, an [*Error]'s message, or the error's
// own text.
func (p *Printer) Err(file string, err error) {
	var fes medsec.FieldErrors
	var fe *Error
	switch {
	case errors.As(err, &fes):
		p.FieldErrors(file, fes)
	case errors.As(err, &fe):
		p.Error(file, fe.Message)
	default:
		p.line(file, err.Error())
	}
}

func (p *Printer) line(file, msg string) {
	var b strings.Builder
	b.WriteString(p.Name)
	b.WriteString(": ")
	if file != "" {
		b.WriteString(escape.Text(file))
		b.WriteString(": ")
	}
	b.WriteString(escape.Text(msg))
	b.WriteByte('\n')
	io.WriteString(p.Stderr, b.String())
}

// Width returns the number of terminal columns s takes: two for each
// East Asian wide or fullwidth character (Chinese characters, fullwidth
// punctuation), one for every other character. Padding and underlines
// use it, so that Chinese text lines up.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// Pad returns s followed by spaces up to n columns (see [Width]).
func Pad(s string, n int) string {
	if w := Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
