-- Medical insurance split (医保结算) and refunds part by part (issue 20, points 3-4).
-- The split of an order's amount: pooled_fund_amount (统筹) + personal_account_amount (个人账户) + self_pay_amount (自付) = amount.
-- Orders from before this version were all self-pay.
ALTER TABLE payment_orders ADD COLUMN insurance_type TEXT NOT NULL DEFAULT 'SelfPay';
ALTER TABLE payment_orders ADD COLUMN fee_type TEXT NOT NULL DEFAULT 'General';
ALTER TABLE payment_orders ADD COLUMN pooled_fund_amount REAL NOT NULL DEFAULT 0;
ALTER TABLE payment_orders ADD COLUMN personal_account_amount REAL NOT NULL DEFAULT 0;
ALTER TABLE payment_orders ADD COLUMN self_pay_amount REAL NOT NULL DEFAULT 0;
UPDATE payment_orders SET self_pay_amount = amount;

-- One row per part of a refund (refund_id: the refunds row, e.g. rf-{appointment} for a cancellation); the row's id is the
-- gateway's refund id. part: PooledFund | PersonalAccount | SelfPay. status: Requested | Processing | Succeeded | Failed.
-- attempts: submissions to the gateway; retry_at: when a failed part is submitted again; surfaced_at: set when its attempts
-- are spent and it waits for an admin. Written by the order's grain with the order row (its version checks the write).
CREATE TABLE IF NOT EXISTS payment_refund_parts (
  id TEXT PRIMARY KEY,
  refund_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  part TEXT NOT NULL,
  amount REAL NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  retry_at TEXT NULL,
  surfaced_at TEXT NULL,
  last_error TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_payment_refund_parts_order ON payment_refund_parts (order_id);
CREATE INDEX IF NOT EXISTS ix_payment_refund_parts_refund ON payment_refund_parts (refund_id);
CREATE INDEX IF NOT EXISTS ix_payment_refund_parts_status ON payment_refund_parts (status);

-- Every change of a refund part: from, to, who (system, gateway:sandbox, staff:{id}), why, when.
CREATE TABLE IF NOT EXISTS payment_refund_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  refund_part_id TEXT NOT NULL,
  from_status TEXT NULL,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_payment_refund_events_part ON payment_refund_events (refund_part_id, id);
CREATE INDEX IF NOT EXISTS ix_refunds_payment ON refunds (payment_id);
