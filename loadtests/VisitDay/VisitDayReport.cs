namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// What the database says after a visit day, over its sessions. Every figure but the first five must be 0 (<c>Late</c>:
/// patients planned to come after their slot started):
/// <c>LostCheckIns</c>: acknowledged check-ins whose appointment is not CheckedIn or further; <c>NotVisited</c>: checked in
/// but not Completed at the end; <c>DuplicateVisits</c>: appointments checked in, started or completed more than once in
/// the audit trail, or patients with two live appointments in one session; <c>PhantomVisits</c>: appointments the runner
/// never checked in that left Booked; <c>QueueMismatches</c>: CheckedIn appointments missing from their queue, or queued
/// ones that are not CheckedIn.
/// </summary>
public sealed record VisitDayReport(
    int Booked, int CheckInsAcknowledged, int Late, int NeverCame, int Completed, int LostCheckIns, int NotVisited, int DuplicateVisits, int PhantomVisits,
    int QueueMismatches, IReadOnlyList<string> Details)
{
    public bool Passed => LostCheckIns == 0 && NotVisited == 0 && DuplicateVisits == 0 && PhantomVisits == 0 && QueueMismatches == 0;
}
