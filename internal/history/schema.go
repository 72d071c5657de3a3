package history

// migrations are the schema, one step per version: migrations[i] takes a
// database from user_version i to i+1. A step is never edited once
// released; a change is a new step. docs/history.md describes the tables.
var migrations = []string{
	// 1: runs, tasks, issues and risks, sources, milestones, baselines.
	`
CREATE TABLE run (
	id              INTEGER PRIMARY KEY,
	project         TEXT NOT NULL,
	as_of           TEXT NOT NULL,              -- status date YYYY-MM-DD
	imported        INTEGER NOT NULL DEFAULT 0, -- 1: from a JSON snapshot, aggregates only
	planned_pct     REAL NOT NULL,
	actual_pct      REAL NOT NULL,
	bac             REAL NOT NULL,              -- person-days
	pv              REAL NOT NULL,
	ev              REAL NOT NULL,
	ac              REAL NOT NULL,
	ev_with_actuals REAL NOT NULL,
	spi             REAL,
	cpi             REAL,
	es              REAL,                       -- working days
	spi_t           REAL,
	eac             REAL,                       -- person-days
	forecast_finish TEXT,
	rag             TEXT NOT NULL,
	tasks_late      TEXT NOT NULL DEFAULT '[]', -- JSON array of late task ids
	open_issues     INTEGER NOT NULL,
	raised          INTEGER,
	closed          INTEGER,
	UNIQUE (project, as_of)
);
CREATE TABLE entity (
	id      INTEGER PRIMARY KEY,
	project TEXT NOT NULL,
	kind    TEXT NOT NULL,                      -- wbs, issues, risks
	key     TEXT NOT NULL,
	source  TEXT NOT NULL,                      -- file (and sheet) as the YAML names it: part of key
	wbs_id  TEXT NOT NULL,                      -- tasks: the WBS id the key uses, else ''
	name    TEXT NOT NULL,                      -- tasks: the name first seen
	UNIQUE (project, kind, key)
);
CREATE TABLE task_version (
	entity         INTEGER NOT NULL REFERENCES entity(id),
	as_of          TEXT NOT NULL,              -- the status date of the run that wrote it
	gone           INTEGER NOT NULL DEFAULT 0,
	name           TEXT,                       -- NULL: the entity's name
	summary        INTEGER NOT NULL,
	planned_start  TEXT,
	planned_finish TEXT,
	actual_start   TEXT,
	actual_finish  TEXT,
	planned_effort REAL,
	actual_effort  REAL,
	progress       REAL,
	status         TEXT NOT NULL,
	PRIMARY KEY (entity, as_of)
) WITHOUT ROWID;
CREATE TABLE item_version (
	entity    INTEGER NOT NULL REFERENCES entity(id),
	as_of     TEXT NOT NULL,
	gone      INTEGER NOT NULL DEFAULT 0,
	status    TEXT NOT NULL,
	open      INTEGER NOT NULL,
	raised_on TEXT,
	closed_on TEXT,
	PRIMARY KEY (entity, as_of)
) WITHOUT ROWID;
CREATE TABLE source (
	run       INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	file      TEXT NOT NULL,
	records   INTEGER NOT NULL,
	digest    TEXT NOT NULL,
	unchanged INTEGER NOT NULL,
	PRIMARY KEY (run, file)
) WITHOUT ROWID;
CREATE TABLE milestone (
	run  INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	date TEXT NOT NULL,
	PRIMARY KEY (run, name)
) WITHOUT ROWID;
CREATE TABLE baseline (
	project TEXT NOT NULL,
	name    TEXT NOT NULL,
	as_of   TEXT NOT NULL,
	PRIMARY KEY (project, name)
);
CREATE INDEX run_project ON run (project, as_of);
CREATE VIEW task_at_run AS
	SELECT r.id AS run, r.project, r.as_of, e.key, v.as_of AS changed_on, e.source, e.wbs_id, coalesce(v.name, e.name) AS name, v.summary,
		v.planned_start, v.planned_finish, v.actual_start, v.actual_finish, v.planned_effort, v.actual_effort, v.progress, v.status
	FROM run r
	JOIN entity e ON e.project = r.project AND e.kind = 'wbs'
	JOIN task_version v ON v.entity = e.id AND v.as_of = (
		SELECT max(v2.as_of) FROM task_version v2 WHERE v2.entity = e.id AND v2.as_of <= r.as_of)
	WHERE v.gone = 0;
`,
	// 2: a change counter per project, bumped by triggers whenever one of
	// its runs or baselines is written or removed, so a batch can tell in
	// one lookup whether a project's history moved since its last run
	// (pmo baseline set, pmo history import, pmo report into the same
	// folder). Versions, sources and milestones are only ever written
	// together with their run's row.
	`
CREATE TABLE revision (
	project TEXT PRIMARY KEY,
	serial  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER run_added AFTER INSERT ON run BEGIN
	INSERT INTO revision (project, serial) VALUES (NEW.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
CREATE TRIGGER run_changed AFTER UPDATE ON run BEGIN
	INSERT INTO revision (project, serial) VALUES (NEW.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
CREATE TRIGGER run_removed AFTER DELETE ON run BEGIN
	INSERT INTO revision (project, serial) VALUES (OLD.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
CREATE TRIGGER baseline_added AFTER INSERT ON baseline BEGIN
	INSERT INTO revision (project, serial) VALUES (NEW.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
CREATE TRIGGER baseline_changed AFTER UPDATE ON baseline BEGIN
	INSERT INTO revision (project, serial) VALUES (NEW.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
CREATE TRIGGER baseline_removed AFTER DELETE ON baseline BEGIN
	INSERT INTO revision (project, serial) VALUES (OLD.project, 1) ON CONFLICT (project) DO UPDATE SET serial = serial + 1;
END;
`,
}
