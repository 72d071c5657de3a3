package xlsxcheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// namespaces checks that every prefix a part uses — on elements, on
// attributes, and in mc:Ignorable — is declared where it is used. Go's
// decoder accepts an undeclared prefix; Excel does not (and lxml, so
// openpyxl, stops at "Namespace prefix x15 … is not defined").
func namespaces(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	scopes := []map[string]bool{{"xml": true, "xmlns": true}}
	declared := func(p string) bool {
		for i := len(scopes) - 1; i >= 0; i-- {
			if scopes[i][p] {
				return true
			}
		}
		return false
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // well-formedness is reported elsewhere
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := map[string]bool{}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" {
					scope[a.Name.Local] = true
				}
			}
			scopes = append(scopes, scope)
			if p := t.Name.Space; p != "" && !declared(p) {
				return fmt.Errorf("element %s:%s: namespace prefix %s is not declared", p, t.Name.Local, p)
			}
			for _, a := range t.Attr {
				if p := a.Name.Space; p != "" && p != "xmlns" && !declared(p) {
					return fmt.Errorf("attribute %s:%s on <%s>: namespace prefix %s is not declared", p, a.Name.Local, t.Name.Local, p)
				}
				if a.Name.Local == "Ignorable" && a.Name.Space != "" {
					for _, p := range strings.Fields(a.Value) {
						if !declared(p) {
							return fmt.Errorf("mc:Ignorable names prefix %s, which is not declared", p)
						}
					}
				}
			}
		case xml.EndElement:
			if len(scopes) > 1 {
				scopes = scopes[:len(scopes)-1]
			}
		}
	}
}
