// Package templates holds the files pmo embeds in its binary: today the
// IPAexGothic font the PDF report draws Japanese text with (IPA Font
// License v1.0, see fonts/).
package templates

import _ "embed"

//go:embed fonts/ipaexg.ttf
var ipaexGothic []byte

// Font returns the embedded IPAexGothic TrueType font. The slice is shared:
// callers must not modify it.
func Font() []byte { return ipaexGothic }
