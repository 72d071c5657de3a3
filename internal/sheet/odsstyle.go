package sheet

// Styles and values of the .ods reader.

import (
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/value"
)

// styleToken returns a token handler that records style definitions.
func (ob *odsBook) styleToken() func(token) error {
	cur := ""
	// A number style's literal text (0.0"時間", 0"h") is kept as a format
	// code: it is how a sheet says an effort is in hours.
	data, inText := "", false
	var code []byte
	return func(t token) error {
		switch {
		case t.kind == tokEnd && string(t.name) == "style":
			cur = ""
			return nil
		case t.kind == tokEnd && string(t.name) == "text":
			inText = false
		case t.kind == tokEnd && string(t.name) == "number-style":
			if data != "" && len(code) > 0 {
				ob.codes[data] = "0" + string(code)
			}
			data, code = "", code[:0]
		case t.kind == tokText && inText && len(code) < 256:
			code = append(code, '"')
			code = append(code, unescapeXML(t.text, false)...)
			code = append(code, '"')
		}
		if t.kind != tokStart {
			return nil
		}
		switch string(t.name) {
		case "text":
			inText = data != "" && !t.self
		case "style":
			nm, _ := attr(t.attrs, "style:name")
			parent, _ := attr(t.attrs, "style:parent-style-name")
			ds, _ := attr(t.attrs, "style:data-style-name")
			cur = unescapeXML(nm, false)
			ob.styles[cur] = odsStyle{parent: unescapeXML(parent, false), data: unescapeXML(ds, false)}
			if t.self {
				cur = ""
			}
		case "paragraph-properties":
			if cur != "" {
				if v, ok := attr(t.attrs, "fo:margin-left"); ok {
					s := ob.styles[cur]
					s.indent = odsIndent(string(v))
					ob.styles[cur] = s
				}
			}
		case "table-cell-properties":
			if cur != "" {
				if bg := strings.ToLower(string(attrOr(t.attrs, "fo:background-color"))); bg != "" && bg != "transparent" && bg != "#ffffff" {
					s := ob.styles[cur]
					s.fill = bg
					ob.styles[cur] = s
				}
			}
		case "table-properties":
			if cur != "" && string(attrOr(t.attrs, "table:display")) == "false" {
				s := ob.styles[cur]
				s.hidden = true
				ob.styles[cur] = s
			}
		case "date-style", "time-style", "percentage-style", "number-style", "currency-style", "boolean-style", "text-style":
			nm, _ := attr(t.attrs, "style:name")
			kind := byte('n')
			switch string(t.name) {
			case "date-style":
				kind = 'd'
			case "time-style":
				kind = 't'
			case "percentage-style":
				kind = 'p'
			}
			ob.dataStyles[unescapeXML(nm, false)] = kind
			if string(t.name) == "number-style" && !t.self {
				data, code = unescapeXML(nm, false), code[:0]
			}
		}
		return nil
	}
}

func attrOr(attrs []byte, name string) []byte {
	v, _ := attr(attrs, name)
	return v
}

// odsIndent turns a paragraph's left margin into Excel indent steps: Excel
// indents by about three characters (~10 pt) a step, and LibreOffice
// writes an indented cell's margin that way.
func odsIndent(v string) int {
	pt, ok := odsLength(v)
	if !ok || pt <= 0 {
		return 0
	}
	return int(pt/10 + 0.5)
}

// odsLength converts a length such as "0.353cm" or "10pt" to points.
func odsLength(v string) (float64, bool) {
	units := map[string]float64{"pt": 1, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72, "pc": 12, "px": 0.75}
	for u, f := range units {
		if strings.HasSuffix(v, u) {
			n, err := strconv.ParseFloat(strings.TrimSuffix(v, u), 64)
			return n * f, err == nil
		}
	}
	return 0, false
}

// style returns the Grid style index for a cell style and value type.
func (ob *odsBook) style(name string, valueType byte) uint16 {
	k := odsStyleKey{name, valueType}
	if i, ok := ob.index[k]; ok {
		return i
	}
	var st Style
	kind := byte(0)
	fill := ""
	for n, depth := name, 0; n != "" && depth < 16; depth++ {
		s, ok := ob.styles[n]
		if !ok {
			break
		}
		if st.Indent == 0 {
			st.Indent = s.indent
		}
		if fill == "" {
			fill = s.fill
		}
		if kind == 0 && s.data != "" {
			kind = ob.dataStyles[s.data]
			st.Code = ob.codes[s.data]
		}
		n = s.parent
	}
	// The value type is what the file says the value is; the data style
	// only says how it is shown.
	switch {
	case valueType == 'd' || (valueType == 'f' && kind == 'd'):
		st.NumFmt, st.Date = 14, true
	case valueType == 'p' || (valueType == 'f' && kind == 'p'):
		st.NumFmt, st.Percent = 10, true
	case valueType == 't':
		st.NumFmt = 21
	}
	if fill != "" {
		if _, ok := ob.fills[fill]; !ok && len(ob.fills) < 65535 {
			ob.fills[fill] = uint16(len(ob.fills) + 1)
		}
		st.Fill = ob.fills[fill]
	}
	if len(ob.grid) >= 65535 {
		return 0
	}
	ob.grid = append(ob.grid, st)
	i := uint16(len(ob.grid) - 1)
	ob.index[k] = i
	return i
}

func isErrorText(s string) bool {
	switch s {
	case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "Err:502", "Err:504", "Err:508", "Err:511", "Err:522":
		return true
	}
	return strings.HasPrefix(s, "Err:")
}

// odsDate converts an ISO date or date-time to an Excel-1900 serial.
func odsDate(v string) (float64, bool) {
	layouts := []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02"}
	for _, l := range layouts {
		if t, err := time.Parse(l, v); err == nil {
			epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
			return t.Sub(epoch).Hours() / 24, true
		}
	}
	return 0, false
}

// odsDuration converts an ISO 8601 duration such as PT16H30M00S to days.
func odsDuration(v string) (float64, bool) {
	h, ok := value.ISODurationHours(v)
	return h / 24, ok
}
