-- The console's process detail lists the deliveries of the process's events.
CREATE INDEX ix_webhook_delivery_event ON webhook_delivery (event_id);
