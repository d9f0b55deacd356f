-- Search index change tracking. Filled in by the search work.
SELECT 1;
