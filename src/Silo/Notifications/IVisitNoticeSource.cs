namespace Hospital.Silo.Notifications;

/// <summary>One kind of notice the visit notice sweep writes: finds in the database which are due now and words them.</summary>
public interface IVisitNoticeSource
{
    /// <summary>The notices due at <paramref name="now"/> (hospital time) that were not written yet, each with its dedupe key.</summary>
    Task<IReadOnlyList<KeyedNotice>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
