package value

import (
	"strconv"
	"strings"
)

// ISODurationHours reads an ISO 8601 / xsd:duration as office files and
// MS Project write work and durations — [-]P[nY][nM][nW][nD][T[nH][nM][nS]],
// fractions allowed with . or , — and returns it in hours (a year is 365
// days, a month 30). ok is false for anything else.
func ISODurationHours(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimPrefix(v, "-")
	if !strings.HasPrefix(v, "P") || len(v) < 3 {
		return 0, false
	}
	total, inTime, num := 0.0, false, ""
	for _, r := range v[1:] {
		switch {
		case r == 'T' && !inTime:
			inTime = true
		case r >= '0' && r <= '9' || r == '.' || r == ',':
			if r == ',' {
				r = '.'
			}
			num += string(r)
		default:
			n, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, false
			}
			num = ""
			switch {
			case r == 'Y' && !inTime:
				total += n * 365 * 24
			case r == 'M' && !inTime:
				total += n * 30 * 24
			case r == 'W' && !inTime:
				total += n * 7 * 24
			case r == 'D' && !inTime:
				total += n * 24
			case r == 'H' && inTime:
				total += n
			case r == 'M' && inTime:
				total += n / 60
			case r == 'S' && inTime:
				total += n / 3600
			default:
				return 0, false
			}
		}
	}
	if num != "" {
		return 0, false
	}
	if neg {
		total = -total
	}
	return total, true
}
