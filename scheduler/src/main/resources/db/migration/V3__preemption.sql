-- what becomes of a programme cut off by a higher-priority airing: RESUME, RESTART or DROP
ALTER TABLE programmes ADD COLUMN after_preemption TEXT;
