package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
)

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

// rPrefix rewrites such elements of the worksheets with relationships
// (the only ones that can hold an r:id) to the r: prefix the sheet's root
// declares. Other parts are copied as they are, still compressed.
func rPrefix(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	hasRels := map[string]bool{}
	for _, f := range zr.File {
		if dir, file, ok := strings.Cut(f.Name, "_rels/"); ok && strings.HasPrefix(dir, "xl/worksheets/") {
			hasRels[dir+strings.TrimSuffix(file, ".rels")] = true
		}
	}
	fix := map[string][]byte{}
	for _, f := range zr.File {
		if !hasRels[f.Name] {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if bytes.Contains(part, relLocalDecl) && bytes.Contains(part[:min(len(part), 4096)], relRootDecl) {
			fix[f.Name] = bytes.ReplaceAll(part, relLocalDecl, []byte(" r:"))
		}
	}
	if len(fix) == 0 {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		part, ok := fix[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		h := f.FileHeader
		w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: h.Method, Modified: h.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(part); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
