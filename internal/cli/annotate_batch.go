package cli

import (
	"path"
	"strings"

	"github.com/pmokit/pmo/internal/annotate"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/pipeline"
)

// returnDir is the folder of a project's output that batch --annotate
// fills with the teams' own workbooks, findings marked (返却: handed back).
const returnDir = "返却"

// returned annotates a copy of every .xlsx or .xlsm source of p with the
// findings that name it, for OUT/<id>/返却/. A copy keeps its source's
// file name; two sources of one name in different folders are told apart
// by the folder (teams_a_WBS.xlsx).
func returned(p *pipeline.Project) (map[string][]byte, error) {
	out := map[string][]byte{}
	count := map[string]int{}
	for _, s := range p.Sources {
		if annotatable(s.Config.Path) && s.Result != nil {
			count[path.Base(s.Config.Name)]++
		}
	}
	for _, s := range p.Sources {
		if !annotatable(s.Config.Path) || s.Result == nil {
			continue
		}
		name := path.Base(s.Config.Name)
		if count[name] > 1 {
			name = strings.ReplaceAll(strings.TrimPrefix(path.Clean(s.Config.Name), "../"), "/", "_")
		}
		if _, dup := out[returnDir+"/"+name]; dup {
			continue
		}
		data, err := limits.ReadFile(s.Config.Path, diag.Pos{File: s.Config.Name}, limits.SourceBytes)
		if err != nil {
			return nil, err
		}
		res, err := annotate.Annotate(data, annotate.Of(p.Findings, s.Config.Name), annotate.Options{
			Name: path.Base(s.Config.Name), AsOf: p.AsOf, Last: strings.EqualFold(path.Ext(name), ".xlsm")})
		if err != nil {
			return nil, diag.Errorf(diag.Pos{File: s.Config.Name}, "cannot annotate a copy: %v", err)
		}
		out[returnDir+"/"+name] = res.Data
	}
	return out, nil
}
