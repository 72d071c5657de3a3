package cli

import (
	"fmt"
	"io"
)

// termWriter escapes control characters on their way to the terminal:
// team text (a task name, a sheet name, a cell in an error) may hold ESC
// sequences that would move the cursor, retitle the window or hide text.
// Tabs and newlines pass; every other C0 control, DEL and the C1 controls
// (U+0080-U+009F) are shown as \xHH or \u00HH.
type termWriter struct{ w io.Writer }

// safeWriters wraps stdout and stderr; the progress bar, which writes its
// own \r and ESC[K, unwraps stderr (raw).
func safeWriters(env *Env) {
	if env.Stdout != nil {
		env.Stdout = termWriter{env.Stdout}
	}
	if env.Stderr != nil {
		env.Stderr = termWriter{env.Stderr}
	}
}

// raw returns the writer under a termWriter.
func raw(w io.Writer) io.Writer {
	if t, ok := w.(termWriter); ok {
		return t.w
	}
	return w
}

func (t termWriter) Write(p []byte) (int, error) {
	clean := true
	for i, b := range p {
		if isControl(p, i) || b == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f {
			clean = false
			break
		}
	}
	if clean {
		return t.w.Write(p)
	}
	if _, err := t.w.Write(escapeControls(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func isControl(p []byte, i int) bool {
	b := p[i]
	return b < 0x20 && b != '\n' && b != '\t' || b == 0x7f
}

// escapeControls returns p with its control characters written out.
func escapeControls(p []byte) []byte {
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); i++ {
		b := p[i]
		switch {
		case isControl(p, i):
			out = fmt.Appendf(out, `\x%02x`, b)
		case b == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f:
			out = fmt.Appendf(out, `\u%04x`, p[i+1])
			i++
		default:
			out = append(out, b)
		}
	}
	return out
}
