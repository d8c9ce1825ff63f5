-- The sandbox gateway's own records (its side, not our ledger): the orders opened at it, their payments and refunds, kept
-- so that its daily statement can be produced for any past day, after a restart and from any node. An order keeps how
-- insurance and the patient share it, and each refund the part it goes back to; a refund's paid_out counts the times
-- money went back (never more than once), and its refunded_at is its last attempt.
CREATE TABLE IF NOT EXISTS sandbox_gateway_orders (
  id TEXT PRIMARY KEY,
  amount REAL NOT NULL,
  pooled_fund_amount REAL NOT NULL,
  personal_account_amount REAL NOT NULL,
  self_pay_amount REAL NOT NULL,
  description TEXT NOT NULL,
  state TEXT NOT NULL,
  trade_no TEXT NULL,
  created_at TEXT NOT NULL,
  paid_at TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_sandbox_gateway_orders_paid ON sandbox_gateway_orders (paid_at);

CREATE TABLE IF NOT EXISTS sandbox_gateway_refunds (
  refund_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  part TEXT NOT NULL,
  amount REAL NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  paid_out INTEGER NOT NULL,
  refunded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_sandbox_gateway_refunds_order ON sandbox_gateway_refunds (order_id);
CREATE INDEX IF NOT EXISTS ix_sandbox_gateway_refunds_at ON sandbox_gateway_refunds (refunded_at);

-- Our ledger's payments and refunds of a day, as the reconciliation reads them.
CREATE INDEX IF NOT EXISTS ix_payment_events_status_at ON payment_events (to_status, at);

-- Daily reconciliation (对账) reports: every run of a hospital day is a new version; the highest version is the day's current report.
CREATE TABLE IF NOT EXISTS reconciliation_reports (
  day TEXT NOT NULL,
  version INTEGER NOT NULL,
  run_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  report TEXT NOT NULL,
  PRIMARY KEY (day, version)
);

-- The daily job's claim of a day: one node runs it; a claim not done within its lease may be taken over.
CREATE TABLE IF NOT EXISTS reconciliation_daily_runs (
  day TEXT PRIMARY KEY,
  claimed_at TEXT NOT NULL,
  done_at TEXT NULL
);
