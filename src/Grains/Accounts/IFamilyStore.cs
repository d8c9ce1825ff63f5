using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Grains.Accounts;

/// <summary>The patients on each account (table account_patients) and the bookings accounts made (creation audit rows).</summary>
public interface IFamilyStore
{
    Task<IReadOnlyList<FamilyMember>> LoadMembersAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Links the patient to the account; a link that exists already is left as it is.</summary>
    Task AddMemberAsync(string accountId, FamilyMember member, CancellationToken cancellationToken = default);

    /// <summary>Unlinks the patient; false when it was not linked.</summary>
    Task<bool> RemoveMemberAsync(string accountId, string patientId, CancellationToken cancellationToken = default);

    /// <summary>The appointments <paramref name="actor"/> created (not moved) since <paramref name="since"/>, with when each was held.</summary>
    Task<IReadOnlyList<AccountBooking>> LoadBookingsSinceAsync(string actor, DateTimeOffset since, CancellationToken cancellationToken = default);
}
