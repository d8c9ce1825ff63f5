-- Payment orders (issue 20): one per hold, id derived from the appointment id; version-checked writes by the order's grain.
-- slot_booked: the pool booked the slot for this payment (or, once refunded, the refund is done).
CREATE TABLE IF NOT EXISTS payment_orders (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  amount REAL NOT NULL,
  status TEXT NOT NULL,
  trade_no TEXT NULL,
  cashier_url TEXT NULL,
  qr_payload TEXT NULL,
  slot_booked INTEGER NOT NULL,
  pay_before TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_payment_orders_appointment ON payment_orders (appointment_id);

-- Every change of an order: from, to, why, when.
CREATE TABLE IF NOT EXISTS payment_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id TEXT NOT NULL,
  from_status TEXT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_payment_events_order ON payment_events (order_id, id);

-- Nonces of the gateway callbacks seen within the replay window; a nonce seen again is a replay.
CREATE TABLE IF NOT EXISTS payment_callback_nonces (
  nonce TEXT PRIMARY KEY,
  seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_payment_callback_nonces_seen ON payment_callback_nonces (seen_at);
