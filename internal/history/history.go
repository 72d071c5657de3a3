// Package history keeps every run of every project in one SQLite database
// per output folder (OUT/.pmo/history.db): the headline figures per run,
// and per task, issue, risk and source its state. The analysis asks it for
// the previous run, the baseline and the trend and never sees SQL.
//
// Tasks, issues and risks are stored as versions: a row is written only
// when an entity's state differs from the run before (by status date), so
// 52 weekly runs of a 1,000-task sheet that changes a tenth a week keep
// about 6,000 task rows, not 52,000. The state at a run is, per entity, the
// newest version at or before it (the view task_at_run).
//
// Each Record is one transaction: a run killed part-way leaves the
// database as it was.
package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/outdir"
	"github.com/pmokit/pmo/internal/project"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// Dir is the folder below an output folder that holds pmo's own state
// (the run lock lives there too).
const Dir = outdir.StateDir

// FileName is the database's name inside Dir.
const FileName = "history.db"

// Path returns the database path of an output folder.
func Path(outDir string) string { return filepath.Join(outDir, Dir, FileName) }

// DB is an open history database.
type DB struct {
	db   *sql.DB
	path string
}

// Open opens (creating it if need be) the history database of outDir and
// brings its schema up to date. A database from a newer pmo is refused
// rather than changed.
func Open(outDir string) (*DB, error) {
	path := Path(outDir)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return open(path)
}

// OpenExisting opens the history database of outDir for reading; it
// reports fs.ErrNotExist when there is none.
func OpenExisting(outDir string) (*DB, error) {
	path := Path(outDir)
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return open(path)
}

func open(path string) (*DB, error) {
	// A folder, FIFO or device planted at the database's name is refused
	// before SQLite touches it.
	if _, err := os.Lstat(path); err == nil {
		f, _, err := limits.Open(path, diag.Pos{File: path}, 1<<40)
		if err != nil {
			return nil, err
		}
		f.Close()
	}
	// busy_timeout waits for another pmo writing the same folder; WAL is
	// not used so the database stays one file a user can copy.
	dsn := "file:" + filepath.ToSlash(path) + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening history %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	h := &DB{db: db, path: path}
	if err := h.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	return h, nil
}

// Close closes the database.
func (h *DB) Close() error { return h.db.Close() }

// SQL returns the underlying handle, for tests and tools that query the
// tables directly.
func (h *DB) SQL() *sql.DB { return h.db }

func (h *DB) migrate() error {
	for {
		var v int
		if err := h.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			return fmt.Errorf("not a readable database: %w", err)
		}
		if v > len(migrations) {
			return fmt.Errorf("written by a newer pmo (schema %d, this pmo knows %d)", v, len(migrations))
		}
		if v == len(migrations) {
			return h.checkShape()
		}
		// Transactions are immediate: a second pmo migrating the same file
		// waits, then finds the step done and moves on.
		tx, err := h.db.Begin()
		if err != nil {
			return err
		}
		if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v >= len(migrations) {
			tx.Rollback()
			if err != nil {
				return err
			}
			continue
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema step %d: %w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
}

// checkShape refuses a file whose tables are not the ones this schema
// version makes: one written by a development build of pmo before the
// schema was released, which would otherwise fail query by query.
func (h *DB) checkShape() error {
	for table, col := range map[string]string{"entity": "name", "task_version": "as_of", "item_version": "as_of"} {
		var n int
		if err := h.db.QueryRow("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", table, col).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return diag.Errorf(diag.Pos{}, "this history database was written by a development build of pmo; move it away and run again (the reports are not affected)")
		}
	}
	return nil
}

// queryer is what reading needs: the database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Record stores one run of a project, replacing a run of the same project
// and status date, in one transaction.
func (h *DB) Record(s *analyze.Snapshot) error {
	ctx := context.Background()
	tx, err := h.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := record(ctx, tx, s); err != nil {
		return fmt.Errorf("recording history: %w", err)
	}
	return tx.Commit()
}

func record(ctx context.Context, tx *sql.Tx, s *analyze.Snapshot) error {
	// Versions are deltas against the run before by date. A run recorded
	// between two others (a backfill, or a re-run of an old date) would
	// change what the later run's deltas mean, so the later run's state is
	// taken first and written back as a delta against this one.
	before, err := stateBefore(ctx, tx, s.Project, s.AsOf, false)
	if err != nil {
		return err
	}
	next, err := nextRun(ctx, tx, s.Project, s.AsOf)
	if err != nil {
		return err
	}
	var after *state
	var nextDate date.Date
	if next != 0 {
		if err := tx.QueryRowContext(ctx, "SELECT as_of FROM run WHERE id = ?", next).Scan(dateScan{&nextDate}); err != nil {
			return err
		}
		if after, err = stateBefore(ctx, tx, s.Project, nextDate, true); err != nil {
			return err
		}
	}
	if err := deleteRun(ctx, tx, s.Project, s.AsOf); err != nil {
		return err
	}
	id, err := insertRun(ctx, tx, s)
	if err != nil {
		return err
	}
	now := &state{tasks: map[int64]analyze.TaskState{}, items: map[int64]analyze.ItemState{}}
	ents, err := newEntities(ctx, tx, s.Project)
	if err != nil {
		return err
	}
	defer ents.close()
	if s.Detailed {
		for _, t := range s.Tasks {
			e, err := ents.id(ctx, project.KindWBS, t.Key, t.Source, t.WBSID, t.Name)
			if err != nil {
				return err
			}
			now.tasks[e] = t
		}
		for _, it := range s.Items {
			e, err := ents.id(ctx, it.Kind, it.Key, it.Source, "", "")
			if err != nil {
				return err
			}
			now.items[e] = it
		}
	} else {
		// An imported run knows no tasks, only which issues were open: the
		// tasks carry on as they were.
		now.tasks = before.tasks
		for _, k := range sortedStrings(s.Issues) {
			file, _, _ := strings.Cut(k, "!")
			e, err := ents.id(ctx, project.KindIssues, k, file, "", "")
			if err != nil {
				return err
			}
			it := analyze.ItemState{Kind: project.KindIssues, Key: k, Source: file, Open: s.Issues[k]}
			if old, ok := before.items[e]; ok && old.Open == it.Open {
				it = old
			}
			now.items[e] = it
		}
	}
	// Every new entity is written before the versions that refer to it.
	if err := ents.flush(ctx); err != nil {
		return err
	}
	w := newWriter(tx, ents.names)
	defer w.close()
	if err := w.delta(ctx, s.AsOf, before, now); err != nil {
		return err
	}
	if next != 0 {
		if err := w.delta(ctx, nextDate, now, after); err != nil {
			return err
		}
	}
	for _, src := range s.Sources {
		if _, err := tx.ExecContext(ctx, "INSERT INTO source (run, file, records, digest, unchanged) VALUES (?, ?, ?, ?, ?)",
			id, src.File, src.Records, src.Digest, src.Unchanged); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(s.Milestones))
	for n := range s.Milestones {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, "INSERT INTO milestone (run, name, date) VALUES (?, ?, ?)", id, n, s.Milestones[n].String()); err != nil {
			return err
		}
	}
	return nil
}

func nextRun(ctx context.Context, q queryer, proj string, asOf date.Date) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM run WHERE project = ? AND as_of > ? ORDER BY as_of LIMIT 1", proj, asOf.String()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func deleteRun(ctx context.Context, tx *sql.Tx, proj string, asOf date.Date) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM run WHERE project = ? AND as_of = ?", proj, asOf.String()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, table := range []string{"task_version", "item_version"} {
		// By the primary key (entity, as_of), not a scan of every project.
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE as_of = ? AND entity IN (SELECT id FROM entity WHERE project = ?)", asOf.String(), proj); err != nil {
			return err
		}
	}
	for _, q := range []string{"DELETE FROM source WHERE run = ?", "DELETE FROM milestone WHERE run = ?", "DELETE FROM run WHERE id = ?"} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

func insertRun(ctx context.Context, tx *sql.Tx, s *analyze.Snapshot) (int64, error) {
	late, _ := json.Marshal(nonNil(s.Late))
	p := s.Point
	res, err := tx.ExecContext(ctx, `INSERT INTO run (project, as_of, imported, planned_pct, actual_pct, bac, pv, ev, ac, ev_with_actuals,
		spi, cpi, es, spi_t, eac, forecast_finish, rag, tasks_late, open_issues, raised, closed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.Project, s.AsOf.String(), !s.Detailed, s.Progress.Planned, s.Progress.Actual, s.BAC, s.EVM.PV, s.EVM.EV, s.EVM.AC, s.EVM.EVWithActuals,
		s.SPI, s.CPI, s.Forecast.ES, s.Forecast.SPIt, s.Forecast.EAC, dateArg(s.Forecast.Finish), string(s.RAG), string(late),
		p.OpenIssues, p.Raised, p.Closed)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// state is every entity's state at one run, by entity id.
type state struct {
	tasks map[int64]analyze.TaskState
	items map[int64]analyze.ItemState
}

// stateBefore rebuilds the state just before asOf (inclusive: at asOf) from
// the versions: per entity its newest version by status date, found by the
// primary key (entity, as_of).
func stateBefore(ctx context.Context, q queryer, proj string, asOf date.Date, inclusive bool) (*state, error) {
	op := "<"
	if inclusive {
		op = "<="
	}
	st := &state{tasks: map[int64]analyze.TaskState{}, items: map[int64]analyze.ItemState{}}
	rows, err := q.QueryContext(ctx, `SELECT v.entity, e.key, v.gone, e.source, e.wbs_id, coalesce(v.name, e.name), v.summary, v.planned_start, v.planned_finish,
		v.actual_start, v.actual_finish, v.planned_effort, v.actual_effort, v.progress, v.status
		FROM entity e JOIN task_version v ON v.entity = e.id AND v.as_of = (
			SELECT max(v2.as_of) FROM task_version v2 WHERE v2.entity = e.id AND v2.as_of `+op+` ?)
		WHERE e.project = ? AND e.kind = 'wbs'`, asOf.String(), proj)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var gone, summary bool
		var t analyze.TaskState
		var status string
		if err := rows.Scan(&id, &t.Key, &gone, &t.Source, &t.WBSID, &t.Name, &summary, dateScan{&t.PlannedStart}, dateScan{&t.PlannedFinish},
			dateScan{&t.ActualStart}, dateScan{&t.ActualFinish}, &t.PlannedEffort, &t.ActualEffort, &t.Progress, &status); err != nil {
			rows.Close()
			return nil, err
		}
		t.Summary = summary
		t.Status, _ = project.ParseTaskStatus(status) // as written by pmo; "" for none
		if gone {
			delete(st.tasks, id)
		} else {
			st.tasks[id] = t
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT v.entity, e.kind, e.key, v.gone, e.source, v.status, v.open, v.raised_on, v.closed_on
		FROM entity e JOIN item_version v ON v.entity = e.id AND v.as_of = (
			SELECT max(v2.as_of) FROM item_version v2 WHERE v2.entity = e.id AND v2.as_of `+op+` ?)
		WHERE e.project = ? AND e.kind <> 'wbs'`, asOf.String(), proj)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var gone bool
		var it analyze.ItemState
		var kind, status string
		if err := rows.Scan(&id, &kind, &it.Key, &gone, &it.Source, &status, &it.Open, dateScan{&it.RaisedOn}, dateScan{&it.ClosedOn}); err != nil {
			return nil, err
		}
		it.Kind = project.Kind(kind)
		it.Status, _ = project.ParseItemStatus(status) // as written by pmo; "" for none
		if gone {
			delete(st.items, id)
		} else {
			st.items[id] = it
		}
	}
	return st, rows.Err()
}

// entities hands out entity ids, creating them on first use.
type entities struct {
	proj  string
	ids   map[string]int64
	names map[int64]string
	// next is the id the next new entity gets: the one SQLite would give
	// (one above the largest), known before the row is written, so new
	// entities go in many to a statement (the transaction holds the write
	// lock: nobody else adds one meanwhile).
	next   int64
	insert *rowBatch
}

func newEntities(ctx context.Context, tx *sql.Tx, proj string) (*entities, error) {
	e := &entities{proj: proj, ids: map[string]int64{}, names: map[int64]string{}}
	rows, err := tx.QueryContext(ctx, "SELECT id, kind, key, name FROM entity WHERE project = ?", proj)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, key, name string
		if err := rows.Scan(&id, &kind, &key, &name); err != nil {
			return nil, err
		}
		e.ids[kind+"\x00"+key] = id
		e.names[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM entity").Scan(&e.next); err != nil {
		return nil, err
	}
	e.insert = newRowBatch(tx, "INSERT INTO entity (id, project, kind, key, source, wbs_id, name) VALUES ", 7, 128)
	return e, nil
}

// The source and WBS id are part of the key, so they are the entity's.
// A new entity is written by flush at the latest.
func (e *entities) id(ctx context.Context, kind project.Kind, key, source, wbsID, name string) (int64, error) {
	if id, ok := e.ids[string(kind)+"\x00"+key]; ok {
		return id, nil
	}
	id := e.next
	e.next++
	e.ids[string(kind)+"\x00"+key] = id
	e.names[id] = name
	return id, e.insert.add(ctx, id, e.proj, string(kind), key, source, wbsID, name)
}

// flush writes the new entities not written yet.
func (e *entities) flush(ctx context.Context) error { return e.insert.flush(ctx) }

func (e *entities) close() { e.insert.close() }

// rowBatch inserts rows many to a statement: per row, the work of
// database/sql and of starting a statement is most of an insert's cost
// (a project's first run writes some 2,600 rows).
type rowBatch struct {
	tx        *sql.Tx
	head      string // "INSERT INTO t (a, b) VALUES "
	cols, per int    // columns per row, rows per statement
	args      []any
	full      *sql.Stmt // the statement of per rows, prepared once
}

func newRowBatch(tx *sql.Tx, head string, cols, per int) *rowBatch {
	return &rowBatch{tx: tx, head: head, cols: cols, per: per}
}

// add queues one row (cols values), writing the batch once it is full.
func (b *rowBatch) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) == b.cols*b.per {
		return b.flush(ctx)
	}
	return nil
}

// flush writes the queued rows.
func (b *rowBatch) flush(ctx context.Context) error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	st := b.full
	if n != b.per || st == nil {
		var err error
		if st, err = b.tx.PrepareContext(ctx, b.statement(n)); err != nil {
			return err
		}
		if n == b.per {
			b.full = st
		} else {
			defer st.Close()
		}
	}
	_, err := st.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// statement is the INSERT of n rows.
func (b *rowBatch) statement(n int) string {
	row := "(?" + strings.Repeat(", ?", b.cols-1) + ")"
	var sb strings.Builder
	sb.Grow(len(b.head) + n*(len(row)+2))
	sb.WriteString(b.head)
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
	}
	return sb.String()
}

func (b *rowBatch) close() {
	if b.full != nil {
		b.full.Close()
	}
}

// writer writes versions, many rows to a statement.
type writer struct {
	task, item *rowBatch
	names      map[int64]string // entity -> the name it was first seen with
}

// name is what a version stores as the task's name: NULL while it is the
// entity's own, so the name is not repeated in every version.
func (w *writer) name(id int64, name string) any {
	if w.names[id] == name {
		return nil
	}
	return name
}

func newWriter(tx *sql.Tx, names map[int64]string) *writer {
	return &writer{names: names,
		task: newRowBatch(tx, `INSERT OR REPLACE INTO task_version (entity, as_of, gone, name, summary,
		planned_start, planned_finish, actual_start, actual_finish, planned_effort, actual_effort, progress, status) VALUES `, 13, 64),
		item: newRowBatch(tx, "INSERT OR REPLACE INTO item_version (entity, as_of, gone, status, open, raised_on, closed_on) VALUES ", 7, 128),
	}
}

func (w *writer) close() {
	w.task.close()
	w.item.close()
}

// delta writes at run the versions that turn state from into state to:
// changed and new entities, and a gone row for each entity to lacks.
func (w *writer) delta(ctx context.Context, asOf date.Date, from, to *state) error {
	at := asOf.String()
	for _, id := range sortedKeys(to.tasks) {
		t := to.tasks[id]
		if old, ok := from.tasks[id]; ok && old.Equal(t) {
			continue
		}
		if err := w.task.add(ctx, id, at, false, w.name(id, t.Name), t.Summary, dateArg(t.PlannedStart), dateArg(t.PlannedFinish),
			dateArg(t.ActualStart), dateArg(t.ActualFinish), t.PlannedEffort, t.ActualEffort, t.Progress, t.Status.String()); err != nil {
			return err
		}
	}
	for _, id := range sortedKeys(from.tasks) {
		if _, ok := to.tasks[id]; !ok {
			t := from.tasks[id]
			if err := w.task.add(ctx, id, at, true, nil, t.Summary, nil, nil, nil, nil, nil, nil, nil, ""); err != nil {
				return err
			}
		}
	}
	for _, id := range sortedKeys(to.items) {
		it := to.items[id]
		if old, ok := from.items[id]; ok && old == it {
			continue
		}
		if err := w.item.add(ctx, id, at, false, it.Status.String(), it.Open, dateArg(it.RaisedOn), dateArg(it.ClosedOn)); err != nil {
			return err
		}
	}
	for _, id := range sortedKeys(from.items) {
		if _, ok := to.items[id]; !ok {
			it := from.items[id]
			if err := w.item.add(ctx, id, at, true, it.Status.String(), it.Open, nil, nil); err != nil {
				return err
			}
		}
	}
	if err := w.task.flush(ctx); err != nil {
		return err
	}
	return w.item.flush(ctx)
}

func sortedStrings[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// dateArg stores a date as YYYY-MM-DD text, NULL when unknown.
func dateArg(d date.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// dateScan reads a YYYY-MM-DD column (NULL: the zero date).
type dateScan struct{ d *date.Date }

func (s dateScan) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*s.d = 0
		return nil
	case string:
		d, err := date.Parse(x)
		*s.d = d
		return err
	case []byte:
		d, err := date.Parse(string(x))
		*s.d = d
		return err
	}
	return fmt.Errorf("date column holds %T", v)
}

// Previous returns the newest run of proj before asOf, with its tasks,
// issues and sources, or nil when there is none.
func (h *DB) Previous(proj string, asOf date.Date) (*analyze.Snapshot, error) {
	var d date.Date
	err := h.db.QueryRow("SELECT as_of FROM run WHERE project = ? AND as_of < ? ORDER BY as_of DESC LIMIT 1", proj, asOf.String()).Scan(dateScan{&d})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return h.Run(proj, d)
}

// Run returns the run of proj at asOf, or nil when there is none.
func (h *DB) Run(proj string, asOf date.Date) (*analyze.Snapshot, error) {
	ctx := context.Background()
	var id int64
	var imported bool
	var late string
	s := &analyze.Snapshot{Version: analyze.SnapshotVersion, Project: proj, AsOf: asOf, Issues: map[string]bool{}, Milestones: map[string]date.Date{}}
	var rag string
	err := h.db.QueryRowContext(ctx, `SELECT id, imported, planned_pct, actual_pct, bac, pv, ev, ac, ev_with_actuals, spi, cpi, es, spi_t, eac,
		forecast_finish, rag, tasks_late, open_issues, raised, closed FROM run WHERE project = ? AND as_of = ?`, proj, asOf.String()).Scan(
		&id, &imported, &s.Progress.Planned, &s.Progress.Actual, &s.BAC, &s.EVM.PV, &s.EVM.EV, &s.EVM.AC, &s.EVM.EVWithActuals,
		&s.SPI, &s.CPI, &s.Forecast.ES, &s.Forecast.SPIt, &s.Forecast.EAC, dateScan{&s.Forecast.Finish}, &rag, &late,
		&s.Point.OpenIssues, &s.Point.Raised, &s.Point.Closed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s.RAG = analyze.Level(rag)
	s.EVM.BAC, s.EVM.SPI, s.EVM.CPI = s.BAC, s.SPI, s.CPI
	if err := json.Unmarshal([]byte(late), &s.Late); err != nil {
		return nil, fmt.Errorf("run %d: tasks_late: %w", id, err)
	}
	st, err := stateBefore(ctx, h.db, proj, asOf, true)
	if err != nil {
		return nil, err
	}
	s.Detailed = !imported
	for _, id := range sortedKeys(st.tasks) {
		s.Tasks = append(s.Tasks, st.tasks[id])
	}
	for _, id := range sortedKeys(st.items) {
		it := st.items[id]
		s.Items = append(s.Items, it)
		if it.Kind == project.KindIssues {
			s.Issues[it.Key] = it.Open
		}
	}
	rows, err := h.db.QueryContext(ctx, "SELECT file, records, digest, unchanged FROM source WHERE run = ? ORDER BY file", id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var src analyze.SourceState
		if err := rows.Scan(&src.File, &src.Records, &src.Digest, &src.Unchanged); err != nil {
			rows.Close()
			return nil, err
		}
		s.Sources = append(s.Sources, src)
	}
	rows.Close()
	rows, err = h.db.QueryContext(ctx, "SELECT name, date FROM milestone WHERE run = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var d date.Date
		if err := rows.Scan(&name, dateScan{&d}); err != nil {
			return nil, err
		}
		s.Milestones[name] = d
	}
	return s, rows.Err()
}

// Trend returns the headline figures of every run of proj before asOf
// (zero: all runs), oldest first.
func (h *DB) Trend(proj string, asOf date.Date) ([]analyze.RunPoint, error) {
	q := `SELECT as_of, planned_pct, actual_pct, bac, spi, cpi, spi_t, eac, forecast_finish, open_issues, raised, closed, rag
		FROM run WHERE project = ?`
	args := []any{proj}
	if !asOf.IsZero() {
		q += " AND as_of < ?"
		args = append(args, asOf.String())
	}
	rows, err := h.db.Query(q+" ORDER BY as_of", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []analyze.RunPoint
	for rows.Next() {
		var p analyze.RunPoint
		var rag string
		if err := rows.Scan(dateScan{&p.AsOf}, &p.Planned, &p.Actual, &p.BAC, &p.SPI, &p.CPI, &p.SPIt, &p.EAC, dateScan{&p.Finish},
			&p.OpenIssues, &p.Raised, &p.Closed, &rag); err != nil {
			return nil, err
		}
		p.RAG = analyze.Level(rag)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Projects lists the projects with runs, in id order.
func (h *DB) Projects() ([]string, error) {
	rows, err := h.db.Query("SELECT DISTINCT project FROM run ORDER BY project")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Revision returns a marker of the history of proj that changes whenever
// one of its runs or baselines is written or removed: the project's change
// counter and the list of its runs. A batch keeps it with a project's
// outputs and rebuilds them when it moved. "" means no history at all.
func (h *DB) Revision(proj string) (string, error) {
	var serial int64
	err := h.db.QueryRow("SELECT serial FROM revision WHERE project = ?", proj).Scan(&serial)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	var runs sql.NullString
	// The runs too: a counter alone restarts when the file is replaced.
	err = h.db.QueryRow("SELECT group_concat(id || '@' || as_of, ',') FROM (SELECT id, as_of FROM run WHERE project = ? ORDER BY as_of)", proj).Scan(&runs)
	if err != nil {
		return "", err
	}
	if serial == 0 && !runs.Valid {
		return "", nil
	}
	return fmt.Sprintf("%d:%s", serial, runs.String), nil
}

// SetBaseline names the run of proj at asOf as a baseline.
func (h *DB) SetBaseline(proj, name string, asOf date.Date) error {
	var n int
	if err := h.db.QueryRow("SELECT count(*) FROM run WHERE project = ? AND as_of = ?", proj, asOf.String()).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return diag.Errorf(diag.Pos{}, "project %s has no run of %s in the history", proj, asOf)
	}
	_, err := h.db.Exec("INSERT OR REPLACE INTO baseline (project, name, as_of) VALUES (?, ?, ?)", proj, name, asOf.String())
	return err
}

// Baseline returns the baseline run of proj in effect for a run at asOf:
// the run of the date the YAML names (pinned), else the newest baseline
// set before asOf, else the project's first run. nil when there is none.
// The name says which.
func (h *DB) Baseline(proj string, pinned, asOf date.Date) (*analyze.Snapshot, string, error) {
	d, name := pinned, "project.baseline"
	if d.IsZero() {
		err := h.db.QueryRow("SELECT as_of, name FROM baseline WHERE project = ? AND as_of < ? ORDER BY as_of DESC, name LIMIT 1", proj, asOf.String()).Scan(dateScan{&d}, &name)
		if errors.Is(err, sql.ErrNoRows) {
			name = ""
			err = h.db.QueryRow("SELECT as_of FROM run WHERE project = ? AND imported = 0 ORDER BY as_of LIMIT 1", proj).Scan(dateScan{&d})
			if errors.Is(err, sql.ErrNoRows) {
				return nil, "", nil
			}
		}
		if err != nil {
			return nil, "", err
		}
	}
	s, err := h.Run(proj, d)
	if err != nil || s == nil {
		return nil, "", err
	}
	// The first run as baseline has no name: the report says so in its
	// own language.
	return s, strings.TrimSuffix(name, ":"), nil
}
