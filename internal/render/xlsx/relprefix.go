package xlsx

import "bytes"

// relNS is the namespace of relationship ids (r:id).
const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Go's encoder, which excelize uses for the elements it appends to a
// streamed sheet (its drawing), declares the relationships namespace
// again on the element under the prefix "relationships". That is the same
// XML to Excel, but ExcelJS looks for the literal r:id and stops at
// "Cannot read properties of undefined (reading 'Target')".
var (
	relLocalDecl = []byte(` xmlns:relationships="` + relNS + `" relationships:`)
	relRootDecl  = []byte(`xmlns:r="` + relNS + `"`)
)

// rPrefix rewrites such elements of a worksheet's XML to the r: prefix
// the sheet's root declares.
func rPrefix(part []byte) []byte {
	if bytes.Contains(part, relLocalDecl) && bytes.Contains(part[:min(len(part), 4096)], relRootDecl) {
		return bytes.ReplaceAll(part, relLocalDecl, []byte(" r:"))
	}
	return part
}
