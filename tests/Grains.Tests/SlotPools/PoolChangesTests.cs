using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>A transition may change only the lifecycle fields, because storage updates only those.</summary>
public sealed class PoolChangesTests
{
    private static readonly PoolAppointment Held = PoolFactory.Create().Hold(PoolFactory.Hold("a"), PoolFactory.Now, TimeSpan.FromMinutes(15)).Changes!.Created[0];

    [Fact]
    public void Transition_OfLifecycleFields_IsRecordedWithItsAudit()
    {
        var changes = new PoolChanges();
        var booked = Held with { Status = AppointmentStatus.Booked, BookedAt = PoolFactory.Now, PaymentRef = "pay-1", UpdatedAt = PoolFactory.Now.AddMinutes(1) };

        changes.Transition(Held, booked, "patient", "paid");

        Assert.Equal([booked], changes.Updated);
        Assert.Equal((AppointmentStatus?)AppointmentStatus.Held, Assert.Single(changes.Audits).From);
    }

    [Fact]
    public void Transition_ThatChangesAFieldFixedAtCreation_IsRefused()
    {
        var changes = new PoolChanges();
        var extended = Held with { Status = AppointmentStatus.Booked, ExpiresAt = Held.ExpiresAt.AddMinutes(15) };

        Assert.Throws<InvalidOperationException>(() => changes.Transition(Held, extended, "patient", "paid"));
        Assert.Empty(changes.Updated);
        Assert.Empty(changes.Audits);
    }
}
