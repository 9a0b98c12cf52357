-- Index-only scans (the capped counts of a filtered list, "Statistiques") read the heap for every
-- page changed since the last vacuum. By default autovacuum waits for 20 % of a table to change:
-- 400,000 rows at 2 M applications, days of decisions. Measured on the 2 M bench after 220,000
-- status changes: a year of the biggest employer's statistics by month 535 ms through the heap,
-- 130 ms index-only once vacuumed (README, "Performances").
ALTER TABLE "JobApplication" SET (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.02
);
ALTER TABLE "ApplicationEvent" SET (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.02
);
