// Package sheet reads team spreadsheets (.xlsx, .xlsm, .xls, .ods, .csv) in whatever
// layout they come in and turns them into standard records: it finds the
// table and its header, maps columns to pmo's field vocabulary by scoring,
// works out the task hierarchy, and parses values — reporting, with cell
// positions, everything it could not read. Project plans (MS Project XML,
// GanttProject) are read by their schema in package plan and join here as
// the same tables.
package sheet
