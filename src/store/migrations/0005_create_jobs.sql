-- The persistent job queue (store/job_queue.h). Filled in by the job-queue work.
SELECT 1;
