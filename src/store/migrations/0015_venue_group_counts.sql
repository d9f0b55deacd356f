-- The home page counts every edition's papers and accepted papers, and an edition's page its
-- groups (sqlite_venue_reads.cc), on every render: with status in the index those counts read
-- the index alone, not each paper's row (issue 19: the home page's largest cost).
CREATE INDEX venue_papers_group_counts ON venue_papers (edition, group_name, status);
