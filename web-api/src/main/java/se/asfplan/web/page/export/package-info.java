/**
 * Tables the pages show, written for download: CSV for Swedish Excel and .xlsx, both neutralising every text cell
 * that a spreadsheet would read as a formula. One table model ({@link se.asfplan.web.page.export.ExportTable}) serves
 * every format, so any page can offer its tables for download the same way.
 */
package se.asfplan.web.page.export;
