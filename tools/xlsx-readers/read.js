#!/usr/bin/env node
// Opens each workbook named on the command line with two readers that
// share no code with pmo's writer (excelize): SheetJS (xlsx) and ExcelJS.
// Prints one JSON line per file with the sheet names and the number of
// cells holding a value as each reader sees them, and exits 1 when either
// reader fails on a file or the two disagree on its sheets.
'use strict';
const XLSX = require('xlsx');
const ExcelJS = require('exceljs');

function sheetjs(file) {
  const wb = XLSX.readFile(file, { cellFormula: true, cellStyles: true, cellDates: true });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    let cells = 0;
    for (const key of Object.keys(ws)) {
      if (key[0] !== '!' && ws[key].v !== undefined && ws[key].v !== '') cells++;
    }
    return { name, cells };
  });
}

async function exceljs(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = [];
  wb.eachSheet((ws) => {
    let cells = 0;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== undefined && cell.value !== '') cells++;
      });
    });
    out.push({ name: ws.name, cells });
  });
  return out;
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: read.js FILE.xlsx...');
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    const line = { file };
    try {
      line.sheetjs = sheetjs(file);
    } catch (e) {
      line.sheetjs_error = String(e && e.message ? e.message : e);
    }
    try {
      line.exceljs = await exceljs(file);
    } catch (e) {
      line.exceljs_error = String(e && e.message ? e.message : e);
    }
    if (line.sheetjs && line.exceljs) {
      const a = line.sheetjs.map((s) => s.name).join('\u0000');
      const b = line.exceljs.map((s) => s.name).join('\u0000');
      if (a !== b) line.disagree = 'the readers see different sheets';
    }
    if (line.sheetjs_error || line.exceljs_error || line.disagree) failed++;
    console.log(JSON.stringify(line));
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
