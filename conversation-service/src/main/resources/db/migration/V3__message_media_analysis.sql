-- What the AI agent saw in a message's images (decoded barcodes, a description), so humans see it too.
ALTER TABLE message ADD COLUMN media_analysis TEXT;
