-- Which transaction wrote each effect: the batch listener's records of one poll share one.
ALTER TABLE effect ADD COLUMN tx BIGINT NOT NULL DEFAULT txid_current();
