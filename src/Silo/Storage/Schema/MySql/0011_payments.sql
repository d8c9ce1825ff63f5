-- Payment orders (issue 20): one per hold, id derived from the appointment id; version-checked writes by the order's grain.
-- slot_booked: the pool booked the slot for this payment (or, once refunded, the refund is done).
CREATE TABLE IF NOT EXISTS payment_orders (
  id VARCHAR(96) NOT NULL PRIMARY KEY,
  appointment_id VARCHAR(96) NOT NULL,
  patient_id VARCHAR(32) NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  status VARCHAR(16) NOT NULL,
  trade_no VARCHAR(64) NULL,
  cashier_url VARCHAR(512) NULL,
  qr_payload VARCHAR(512) NULL,
  slot_booked BOOLEAN NOT NULL,
  pay_before DATETIME(6) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version INT NOT NULL,
  INDEX ix_payment_orders_appointment (appointment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every change of an order: from, to, why, when.
CREATE TABLE IF NOT EXISTS payment_events (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id VARCHAR(96) NOT NULL,
  from_status VARCHAR(16) NULL,
  to_status VARCHAR(16) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  at DATETIME(6) NOT NULL,
  INDEX ix_payment_events_order (order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Nonces of the gateway callbacks seen within the replay window; a nonce seen again is a replay.
CREATE TABLE IF NOT EXISTS payment_callback_nonces (
  nonce VARCHAR(64) NOT NULL PRIMARY KEY,
  seen_at DATETIME(6) NOT NULL,
  INDEX ix_payment_callback_nonces_seen (seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
