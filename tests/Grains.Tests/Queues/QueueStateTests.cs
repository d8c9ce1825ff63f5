using Hospital.Grains.Queues;

namespace Hospital.Grains.Tests.Queues;

public sealed class QueueStateTests
{
    [Fact]
    public void Arrive_OnTimeInSlotOrder_LateAtTheEnd()
    {
        var line = new QueueState();
        line.Arrive(Spot(3));
        line.Arrive(Spot(2, late: true));
        line.Arrive(Spot(1));
        line.Arrive(Spot(5));

        Assert.Equal([1, 3, 5, 2], line.Waiting.Select(s => s.SlotNo));
    }

    [Fact]
    public void SetBackCalling_PutsTheMissedPatientBehindTheNextThreeAndKeepsThatPlace()
    {
        var line = new QueueState();
        foreach (var slot in new[] { 1, 2, 3, 4, 5 }) line.Arrive(Spot(slot));

        line.CallNext();
        line.SetBackCalling();
        line.Arrive(Spot(6));

        Assert.Equal([2, 3, 4, 1, 5, 6], line.Waiting.Select(s => s.SlotNo));
        Assert.True(line.Waiting[3].MissedOnce);
        Assert.Null(line.Calling);
    }

    [Fact]
    public void SetBackCalling_WithFewerThanThreeWaiting_GoesLast()
    {
        var line = new QueueState();
        line.Arrive(Spot(1));
        line.Arrive(Spot(2));

        line.CallNext();
        line.SetBackCalling();

        Assert.Equal([2, 1], line.Waiting.Select(s => s.SlotNo));
    }

    private static QueueSpot Spot(int slotNo, bool late = false) => new() { AppointmentId = $"a{slotNo}", SlotNo = slotNo, Late = late };
}
