using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notifications;

namespace Hospital.Grains.Tests.Notifications;

/// <summary>The booking confirmation's exact wording, from one place.</summary>
public sealed class BookingConfirmationTextTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly BookingConfirmationFacts Monday = new(
        "王女士", "心血管内科", "李明", "主任医师", SessionPeriod.Morning, 8, new DateTimeOffset(2026, 12, 7, 9, 30, 0, China), "门诊楼3层B区5诊室",
        new DateTimeOffset(2026, 12, 7, 8, 30, 0, China), new DateTimeOffset(2026, 12, 7, 10, 0, 0, China),
        new DateTimeOffset(2026, 12, 6, 16, 0, 0, China), 0.20m);

    [Fact]
    public void Render_SaysWhoWhenWhereWhatToBringAndHowToCancel()
    {
        Assert.Equal(
            "王女士您好，您已成功预约12月7日（星期一）上午心血管内科李明主任医师的门诊，第8号，预计09:30就诊。" +
            "请于当天08:30至10:00到门诊楼3层B区5诊室报到（在自助机扫描电子就诊凭证的二维码，或在窗口出示就诊码），逾时未报到将记为爽约。" +
            "就诊请携带就诊人的身份证和医保卡。" +
            "如需取消，请在12月6日16:00前在“我的预约”中操作，可全额退费；之后至就诊前取消将扣除挂号费的20%，就诊开始后不能取消。" +
            "祝您早日康复！",
            BookingConfirmationText.Render(Monday));
    }

    [Fact]
    public void Render_PaidAfterFreeCancellationEnded_SaysOnlyTheLateFee()
    {
        var sameDay = Monday with { Period = SessionPeriod.Evening, FreeCancellationUntil = null, LateCancellationFeeRate = 0.125m };

        Assert.Equal(
            "王女士您好，您已成功预约12月7日（星期一）晚间心血管内科李明主任医师的门诊，第8号，预计09:30就诊。" +
            "请于当天08:30至10:00到门诊楼3层B区5诊室报到（在自助机扫描电子就诊凭证的二维码，或在窗口出示就诊码），逾时未报到将记为爽约。" +
            "就诊请携带就诊人的身份证和医保卡。" +
            "如需取消，请在就诊开始前在“我的预约”中操作，将扣除挂号费的12.5%。" +
            "祝您早日康复！",
            BookingConfirmationText.Render(sameDay));
    }

    [Fact]
    public void Render_WithTheLongestNamesTheCatalogAllows_FitsTheOutboxColumn()
    {
        var longest = Monday with
        {
            Salutation = "欧阳小朋友的家长",
            DepartmentName = new string('科', Department.MaxNameLength),
            DoctorName = new string('名', Doctor.MaxNameLength),
            DoctorTitle = DoctorTitle.AssociateChiefPhysician.ToChineseName(),
            SlotNo = 999,
            Location = new string('楼', Room.MaxLocationLength),
        };

        Assert.InRange(BookingConfirmationText.Render(longest).Length, 1, BookingConfirmationText.MaxLength);
    }
}
