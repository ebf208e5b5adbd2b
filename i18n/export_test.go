package i18n

// DisplayWidth is displayWidth, for the text/template baseline of the
// notice benchmarks, which sets columns by the same measure.
var DisplayWidth = displayWidth
