using Hospital.Grains.Abstractions.Abuse;

namespace Hospital.Api.Apis.Contracts;

/// <summary>An account's or a patient's freeze after an admin's change: frozen or not, why, by whom (staff:&lt;id&gt;) and when.</summary>
public sealed record FreezeResponse(FrozenSubject Subject, string Id, bool Frozen, string Reason, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static FreezeResponse From(FrozenSubject subject, string id, FreezeState state) =>
        new(subject, id, state.Frozen, state.Reason, state.Actor, state.At);
}
