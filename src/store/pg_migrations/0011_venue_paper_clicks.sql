-- Readers' clicks on [PDF] and [FAQ] of venue papers count too (issue #14): the foreign keys to
-- papers refused a venue paper's id ("2024.naacl-long.431@ACL"). The store checks instead that
-- a click names a stored arXiv paper or a stored venue paper (pg_paper_writes.cc).
ALTER TABLE paper_clicks DROP CONSTRAINT paper_clicks_paper_id_fkey;
ALTER TABLE paper_click_readers DROP CONSTRAINT paper_click_readers_paper_id_fkey;
