// Package citegraph holds the sample corpus embedded in the citegraph
// command: the document the project started from, General Assembly
// resolution 79/166, used when no corpus is given.
package citegraph

import "embed"

// Sample holds the embedded sample documents under testdata/.
//
//go:embed testdata/A_RES_79_166.md
var Sample embed.FS
