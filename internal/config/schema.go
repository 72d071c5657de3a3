package config

import (
	"bytes"
	_ "embed"
)

// schemaJSON is only ever handed out as a copy: go:embed needs a variable,
// and callers must not be able to change what the next caller gets.
//
//go:embed schema.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of both YAML files: a
// document is either a project definition or a portfolio definition. Editors
// use it for completion and checks; the loader stays the reference, and a
// test keeps the two in step.
func Schema() []byte { return bytes.Clone(schemaJSON) }
