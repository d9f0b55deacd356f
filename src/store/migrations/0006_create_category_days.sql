-- Harvest state (store/harvest_state.h). Filled in by the harvester work.
SELECT 1;
