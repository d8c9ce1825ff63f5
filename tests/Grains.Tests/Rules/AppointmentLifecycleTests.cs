using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class AppointmentLifecycleTests
{
    private static readonly HashSet<(AppointmentStatus, AppointmentStatus)> s_allowed =
    [
        (AppointmentStatus.Held, AppointmentStatus.Booked),
        (AppointmentStatus.Held, AppointmentStatus.Expired),
        (AppointmentStatus.Held, AppointmentStatus.Abandoned),
        (AppointmentStatus.Held, AppointmentStatus.CancelledByHospital),
        (AppointmentStatus.Booked, AppointmentStatus.CheckedIn),
        (AppointmentStatus.Booked, AppointmentStatus.NoShow),
        (AppointmentStatus.Booked, AppointmentStatus.Cancelled),
        (AppointmentStatus.Booked, AppointmentStatus.Rescheduled),
        (AppointmentStatus.Booked, AppointmentStatus.CancelledByHospital),
        (AppointmentStatus.CheckedIn, AppointmentStatus.InVisit),
        (AppointmentStatus.CheckedIn, AppointmentStatus.NoShow),
        (AppointmentStatus.CheckedIn, AppointmentStatus.CancelledByHospital),
        (AppointmentStatus.InVisit, AppointmentStatus.Completed),
    ];

    private static readonly AppointmentStatus[] s_all = Enum.GetValues<AppointmentStatus>();

    [Fact]
    public void CanTransition_MatchesTheAllowedMovesForEveryPair()
    {
        foreach (var from in s_all)
        {
            foreach (var to in s_all)
                Assert.True(s_allowed.Contains((from, to)) == AppointmentLifecycle.CanTransition(from, to), $"{from} -> {to}");
        }
    }

    [Fact]
    public void AllowedTargets_ListsExactlyTheAllowedMoves()
    {
        foreach (var from in s_all)
        {
            var expected = s_allowed.Where(p => p.Item1 == from).Select(p => p.Item2).Order();
            Assert.Equal(expected, AppointmentLifecycle.AllowedTargets(from).Order());
        }
    }

    [Fact]
    public void EnsureTransition_ThrowsARuleConflictForEveryForbiddenMove()
    {
        foreach (var from in s_all)
        {
            foreach (var to in s_all.Where(to => !s_allowed.Contains((from, to))))
            {
                var exception = Assert.Throws<RuleConflictException>(() => AppointmentLifecycle.EnsureTransition(from, to));
                Assert.Equal("appointment.invalid_transition", exception.Code);
            }
        }

        foreach (var (from, to) in s_allowed) AppointmentLifecycle.EnsureTransition(from, to);
    }

    [Theory]
    [InlineData(AppointmentStatus.Held, false, true)]
    [InlineData(AppointmentStatus.Booked, false, true)]
    [InlineData(AppointmentStatus.CheckedIn, false, true)]
    [InlineData(AppointmentStatus.InVisit, false, true)]
    [InlineData(AppointmentStatus.Completed, true, true)]
    [InlineData(AppointmentStatus.NoShow, true, true)]
    [InlineData(AppointmentStatus.Expired, true, false)]
    [InlineData(AppointmentStatus.Abandoned, true, false)]
    [InlineData(AppointmentStatus.Cancelled, true, false)]
    [InlineData(AppointmentStatus.Rescheduled, true, false)]
    [InlineData(AppointmentStatus.CancelledByHospital, true, false)]
    public void IsTerminalAndOccupiesSlot_AreDefinedForEveryStatus(AppointmentStatus status, bool terminal, bool occupiesSlot)
    {
        Assert.Equal(terminal, AppointmentLifecycle.IsTerminal(status));
        Assert.Equal(occupiesSlot, AppointmentLifecycle.OccupiesSlot(status));
    }
}
