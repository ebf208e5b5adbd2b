// Package gradingio reads grading inputs from files: strict JSON decoders,
// a CSV inventory reader and JSON Schemas. It is apart from package
// grading, which holds the input types and grades them, as encoding/csv
// is apart from the data it reads: a program that only grades links
// neither a JSON encoder nor a CSV reader.
//
// # Decoders
//
// Each input type of package grading has a decoder, and [DecodeInputs]
// reads all the inputs of one institution from one document ([Inputs]):
//
//	format                       decoder         schema
//	[grading.MLPSInput]          [DecodeMLPS]    [MLPSSchema]
//	[grading.VNInput]            [DecodeVN]      [VNSchema]
//	[grading.NIS2Input]          [DecodeNIS2]    [NIS2Schema]
//	[grading.CZInput]            [DecodeCZ]      [CZSchema]
//	[Inputs] (an institution)    [DecodeInputs]  [InputsSchema]
//	CSV inventory of systems     [ReadInventory] columns: [InventoryColumns]
//
// The decoders read strictly: unknown or repeated fields, wrong types,
// values out of their lists, null, invalid UTF-8, control characters, a
// byte order mark and more than [DefaultMaxBytes] (or the [WithMaxBytes]
// limit) are errors. Then they check what the graders check before they
// grade, with the Validate methods of the input types
// ([grading.MLPSInput.Validate] and so on), and that every system has an
// ID of its own. Every problem comes back at once, as [medsec.FieldErrors]
// wrapping [medsec.ErrInvalidInput], each with the JSON Pointer of its
// field ("/systems/3/vn/users"), at most 100 of them; an error of the
// reader comes back wrapped.
//
// [ReadInventory] reads the systems of an institution from a CSV file
// (RFC 4180, UTF-8), such as a spreadsheet program saves, one system a
// line, into the same [SystemInput] values as the "systems" of
// [DecodeInputs]; its problems come as [CSVErrors], each with its line,
// column and header. [SystemInput.System] turns a graded system into the
// [grading.System] a [grading.Institution] holds.
//
// # Schemas
//
// The schemas (JSON Schema draft 2020-12) describe every property, for
// editors, forms and programs in other languages. Their $id starts with
// [SchemaBase]; the files in the package's schema directory are the same
// bytes. A test feeds mutants of sample inputs to each schema and to its
// decoder and fails where they disagree, apart from the rules a schema's
// $comment lists as beyond JSON Schema (unique system IDs, repeated keys,
// invalid UTF-8, the size limit).
//
// # Messages
//
// The messages of the errors are translatable ([medsec.Message]). Their
// keys are in the namespace "grading."; [MessageTemplates] lists those the
// package produces itself (the CSV reader's and the checks of system
// IDs), and grading.MessageTemplates those of the checks the decoders
// pass on. The package keeps no state and is safe for concurrent use.
package gradingio
