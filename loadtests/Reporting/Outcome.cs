namespace Hospital.LoadTests.Reporting;

/// <summary>How one HTTP request ended, as the goal counts it: only sold-out and 503-with-Retry-After are expected refusals.</summary>
public enum Outcome
{
    /// <summary>A 2xx answer.</summary>
    Success,

    /// <summary>409 <c>slot.sold_out</c> or <c>slot.taken</c>: the session had nothing left.</summary>
    SoldOut,

    /// <summary>409 <c>session.not_released</c>: asked before the release time.</summary>
    NotReleased,

    /// <summary>503 with a Retry-After header: the server shed load and said when to come back.</summary>
    Overloaded,

    /// <summary>Any other 4xx answer with a problem code (a rule said no, e.g. <c>patient.already_booked</c>).</summary>
    Rejected,

    /// <summary>5xx (including 503 without Retry-After), a broken connection or a client timeout.</summary>
    Error,
}
