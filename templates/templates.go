// Package templates holds the files pmo embeds in its binary: the
// IPAexGothic font the PDF report draws Japanese text with (IPA Font
// License v1.0, see fonts/) and the export presets the sheet reader
// recognises tool exports by (presets/, one YAML file per tool).
package templates

import "embed"

//go:embed presets/*.yaml
var presets embed.FS

// Presets returns the export preset files, one per tool, as
// presets/NAME.yaml.
func Presets() embed.FS { return presets }

//go:embed fonts/ipaexg.ttf
var ipaexGothic []byte

// Font returns the embedded IPAexGothic TrueType font. The slice is shared:
// callers must not modify it.
func Font() []byte { return ipaexGothic }
