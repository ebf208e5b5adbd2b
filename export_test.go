package medsec

// NewEmbeddedLoader exposes a fresh lazy loader of the embedded registry,
// so tests can exercise concurrent first use.
var NewEmbeddedLoader = newEmbeddedLoader
