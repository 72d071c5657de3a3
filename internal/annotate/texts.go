package annotate

import (
	"strings"
	"unicode"

	"archive/zip"
	"bytes"
	"io"

	"github.com/pmokit/pmo/internal/diag"
)

// labels are the words of the comments and the findings sheet in one
// language.
type labels struct {
	lang                                                string
	sheet, title, asOf, count, noCell                   string
	no, severity, rule, where, sheetCol, cell, msg, fix string
	sevNames                                            map[diag.Severity]string
	fixPrefix                                           string
	sheetNote                                           string
}

func texts(lang string) labels {
	if lang == "en" {
		return labels{lang: "en", sheet: "pmo findings", title: "pmo findings on %s", asOf: "status date %s", count: "%d findings, %d cells marked (a comment and a fill on each)",
			noCell: "(no cell)", no: "No.", severity: "Severity", rule: "Rule", where: "Position", sheetCol: "Sheet", cell: "Cell", msg: "Finding", fix: "Suggested fix",
			sevNames:  map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Info: "info"},
			fixPrefix: "Fix: ", sheetNote: "Click a position to go to its cell. The rules are explained by pmo validate --rules."}
	}
	return labels{lang: "ja", sheet: "pmo指摘", title: "pmo の指摘: %s", asOf: "基準日 %s", count: "指摘 %d 件、印を付けたセル %d 個（各セルにコメントと塗りつぶし）",
		noCell: "（セルなし）", no: "No.", severity: "重大度", rule: "規則", where: "位置", sheetCol: "シート", cell: "セル", msg: "指摘内容", fix: "対処の例",
		sevNames:  map[diag.Severity]string{diag.Error: "エラー", diag.Warning: "警告", diag.Info: "情報"},
		fixPrefix: "対処: ", sheetNote: "位置をクリックするとそのセルへ移動します。規則の説明は pmo validate --rules で確認できます。"}
}

// comment is one finding as a cell comment: severity and rule, message,
// suggested fix.
func (l labels) comment(f diag.Finding) string {
	s := "pmo: " + l.sevNames[f.Severity] + " [" + f.Rule + "]\n" + f.Text(l.lang)
	if fx := fix(f.Rule, l.lang); fx != "" {
		s += "\n" + l.fixPrefix + fx
	}
	return s
}

// detectLang is the workbook's language: Japanese when a sheet name or
// one of its first shared strings holds kana or kanji, else English.
func detectLang(data []byte, sheets []string) string {
	for _, s := range sheets {
		if japanese(s) {
			return "ja"
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "ja"
	}
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			break
		}
		head, _ := io.ReadAll(io.LimitReader(rc, 256<<10)) // the first strings tell
		rc.Close()
		if japanese(string(head)) {
			return "ja"
		}
		return "en"
	}
	return "en"
}

func japanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}

// fixes are what to do about a finding, by rule, in English and Japanese.
// A rule without an entry gets none: its message says enough.
var fixes = map[string][2]string{
	"date-unparseable":       {"Type the date as 2026/4/1 or 2026-04-01, or leave the cell empty.", "日付は 2026/4/1 や 2026-04-01 の形で入力するか、空欄にしてください。"},
	"date-year-inferred":     {"Type the year too (2026/4/1) so nobody has to guess it.", "年も入力してください（2026/4/1）。年の推測が不要になります。"},
	"progress-unparseable":   {"Type progress as a percentage: 50% or 50.", "進捗率は 50% または 50 のように入力してください。"},
	"effort-unparseable":     {"Type effort as a number of person-days (3 or 2.5), or hours with h (12h).", "工数は人日の数値（3、2.5）か、時間なら 12h のように入力してください。"},
	"number-unparseable":     {"Type a number here.", "数値を入力してください。"},
	"cell-error":             {"Fix the formula or the cell it refers to, or type the value.", "数式か参照先のセルを直すか、値を直接入力してください。"},
	"status-unknown":         {"Use one of the sheet's status words: 未着手, 進行中, 完了, 保留, 中止.", "状態は 未着手・進行中・完了・保留・中止 のいずれかにしてください。"},
	"priority-unknown":       {"Use 高, 中 or 低 (high, medium, low).", "優先度は 高・中・低 のいずれかにしてください。"},
	"person-is-date":         {"Type a person's name here; move the date to its date column.", "担当者名を入力し、日付は日付の列へ移してください。"},
	"progress-scale-odd":     {"Use one scale in the column: 50% or 50 for half done.", "列内で尺度を揃えてください（半分なら 50% または 50）。"},
	"column-by-values":       {"Give the column a header that says what it holds.", "列の内容に合った見出しを付けてください。"},
	"task-name-missing":      {"Type the task's name.", "タスク名を入力してください。"},
	"task-unscheduled":       {"Type the planned start and finish.", "開始予定日と終了予定日を入力してください。"},
	"finish-before-start":    {"Make the finish date the start date or later.", "終了日を開始日以降の日付に直してください。"},
	"progress-range":         {"Keep progress between 0% and 100%.", "進捗率は 0%〜100% の範囲にしてください。"},
	"done-not-100":           {"Set progress to 100%, or change the status if the task is not done.", "進捗率を 100% にするか、未完了なら状態を直してください。"},
	"100-not-done":           {"Set the status to 完了 (done), or lower the progress.", "状態を「完了」にするか、進捗率を直してください。"},
	"actual-in-future":       {"An actual date cannot be after the status date: type the planned date in its own column.", "実績日は基準日より後にできません。予定は予定の列に入力してください。"},
	"duplicate-id":           {"Give each row its own ID.", "行ごとに異なる ID を付けてください。"},
	"assignee-not-in-roster": {"Check the name's spelling, or add the person to the team in the project definition.", "氏名の表記を確認するか、プロジェクト定義のチームに追加してください。"},
	"task-outside-project":   {"Check the dates, or the project's start and end.", "日付か、プロジェクトの開始日・終了日を確認してください。"},
	"issue-title-missing":    {"Type a title (件名).", "件名を入力してください。"},
	"issue-no-owner":         {"Name an owner (担当者).", "担当者を入力してください。"},
	"issue-no-due":           {"Type a due date (期限).", "期限を入力してください。"},
	"issue-overdue":          {"Close the issue, or agree and type a new due date.", "課題を完了にするか、新しい期限を決めて入力してください。"},
	"issue-closed-no-date":   {"Type the date it was closed.", "完了日を入力してください。"},
	"milestone-missed":       {"Mark it done, or agree a new date.", "完了にするか、新しい日付を決めてください。"},
	"calendar-disagrees":     {"Make the Gantt marks and the date columns agree.", "ガントの印と日付の列を一致させてください。"},
	"rows-not-records":       {"Nothing to do if the row is a total, an example or a legend.", "合計・記入例・凡例の行であれば対応は不要です。"},
}

func fix(rule, lang string) string {
	f, ok := fixes[rule]
	if !ok {
		return ""
	}
	if lang == "en" {
		return f[0]
	}
	return f[1]
}
