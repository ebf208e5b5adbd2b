// Package medsec is the shared vocabulary of a library that models
// healthcare cybersecurity regulation in China, Vietnam, the European Union
// and Czechia.
//
// Hospital software uses medsec to grade its systems (package grading),
// to learn what the law then asks of the institution and by when (package
// obligations), to check vendor contracts for the security clauses the law
// requires (package contracts), and to render all of it, and official
// notices, in English, Chinese, Vietnamese or Czech (package i18n). This
// root package holds what they share.
//
// # Instruments and citations
//
// Every rule medsec encodes points to the legal text it comes from. The
// texts are [Instrument] values (laws, decrees, circulars, standards,
// directives, guidelines) kept in an embedded, immutable [Registry]; the
// pointers are [Citation] values such as
//
//	CN-NHC-2022-29 art. 5
//	EU-NIS2 art. 21(2)(d)
//	VN-ND-85-2016 art. 9(2)(c)
//
// [ParseCitation] reads that form and fails, naming the problem, when the
// instrument or article is not in the registry. [InForce] lists the
// instruments that apply on a given [Date]: rules change (Czech Act
// 181/2014 gave way to Act 264/2025 on 1 November 2025; Vietnam's Law
// 86/2015 to Law 116/2025 on 1 July 2026), and every evaluation in medsec
// takes an as-of date.
//
// The registry holds the articles medsec knows of, not always every
// article of the real text. Where the real size is established, an
// instrument's [Extent] records it, and [Instrument.Unheld] lists the
// articles and annexes the registry does not hold: the gap that coverage
// reports show between medsec and the law.
//
// # Dates and legal periods
//
// A [Date] is a calendar day; a [Period] is the time an instrument is in
// force. A [Span] is the length of a legal time limit ("within 72 hours",
// "every 6 months", "within 10 working days"): [Span.LastDay] gives the
// last day of a period that starts with an event, and [Span.Deadline] the
// instant it expires. Every package computes its deadlines through Span,
// under the rules of EU Regulation 1182/71 art. 3 and the Chinese, Czech
// and Vietnamese civil codes: 31 January + 1 month = 28 February. Public
// holidays and the extension of a last day that falls on a weekend or
// holiday are not modelled, so a deadline may come out earlier than the
// legal one, never later (see [Span]).
//
// # Confidence
//
// Not every fact of the law could be read in its official text. Each
// instrument, article and rule carries a [Confidence] (Verified, Partial
// or Unverified) and a note on what is missing; reports show it, and the
// library never presents an unverified fact as settled. [DataVersion] says
// when the embedded data was last reviewed.
//
// # Messages
//
// Domain packages return [Message] values, not strings: a stable key, an
// English format and arguments. [Message.String] renders English; package
// i18n renders the same message in the other languages.
//
// # Errors
//
// Errors wrap sentinel kinds ([ErrUnknownInstrument], [ErrInvalidInput],
// ...) for [errors.Is]; validation failures are [FieldErrors], a list of
// [FieldError] values that each name the field, the rule and the value.
//
// The root package imports only the standard library, and of it neither
// encoding/json nor regexp (its JSON decoder is the module's own strict
// one), so that a program using only it or package grading stays small.
// Its data is loaded lazily, once, on first use, and is safe for
// concurrent use.
package medsec
