-- Full-text index over activities (custom migration: drizzle-kit does not model FTS5 tables).
-- Accents and case are ignored, so "salarie" finds "Salariés". Maintained by db/activity-store.ts.
CREATE VIRTUAL TABLE `activity_search` USING fts5(
	ref, name, department, owner, purpose, body,
	tokenize = "unicode61 remove_diacritics 2"
);
