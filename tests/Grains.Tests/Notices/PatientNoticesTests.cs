using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;

namespace Hospital.Grains.Tests.Notices;

/// <summary>The rendered words of every notice, in full: a patient reads exactly these.</summary>
public sealed class PatientNoticesTests
{
    private static readonly VisitPlace Visit = new("心血管内科", "张医生", "门诊楼2层A区1诊室", new DateOnly(2026, 11, 24),
        HospitalTime.China.At(new DateOnly(2026, 11, 24), new TimeOnly(8, 30)), 7);

    [Fact]
    public void Suspended_ForCancellations_SaysHowManyAndFromWhenThePatientMayBookAgain()
    {
        Assert.Equal("您本月已取消预约 3 次，按医院规定，本月内暂停新的预约，2026年12月1日起可以再次预约。如有疑问，请联系医院客服。",
            PatientNotices.Suspended(new Suspension(SuspensionCause.Cancellations, new DateOnly(2026, 12, 1), 3)));
    }

    [Fact]
    public void Suspended_ForNoShows_SaysWhichNoShowOfTheYearAndFromWhenThePatientMayBookAgain()
    {
        Assert.Equal("您今年已有 2 次预约后未按时签到就诊（爽约），按医院规定暂停新的预约，2027年1月23日起可以再次预约。如有疑问，请联系医院客服。",
            PatientNotices.Suspended(new Suspension(SuspensionCause.NoShows, new DateOnly(2027, 1, 23), 2)));
    }

    [Fact]
    public void NoShow_NamesTheVisitAndTheSuspensionItCaused()
    {
        Assert.Equal("您预约的2026年11月24日 08:30 心血管内科（张医生，7 号）未在签到时间内签到，已记为爽约。"
            + "您今年已有 1 次预约后未按时签到就诊（爽约），按医院规定暂停新的预约，2026年12月24日起可以再次预约。如有疑问，请联系医院客服。",
            PatientNotices.NoShow(Visit, new Suspension(SuspensionCause.NoShows, new DateOnly(2026, 12, 24), 1)));
    }

    [Fact]
    public void NoShow_WithoutASuspension_OnlyRecordsTheMissedVisit()
    {
        Assert.Equal("您预约的2026年11月24日 08:30 心血管内科（张医生，7 号）未在签到时间内签到，已记为爽约。", PatientNotices.NoShow(Visit, null));
    }

    [Fact]
    public void SuspensionLifted_TellsThePatientTheyMayBookAgain()
    {
        Assert.Equal("医院已解除您的预约限制，您现在可以正常预约。如有疑问，请联系医院客服。", PatientNotices.SuspensionLifted());
    }

    [Fact]
    public void ReleaseOpening_SaysWhichDateOpensTomorrowAndAtWhatTime()
    {
        Assert.Equal("您关注的心血管内科2026年12月1日的号源将于明天（2026年11月24日）07:00开放预约，请届时在 App 中预约。",
            PatientNotices.ReleaseOpening("心血管内科", new DateOnly(2026, 12, 1), HospitalTime.China.At(new DateOnly(2026, 11, 24), new TimeOnly(7, 0))));
    }

    [Theory]
    [InlineData(true, 0, null, "正在叫您的号，请到诊室就诊。")]
    [InlineData(false, 0, 8, "下一位就是您，请在诊室门口等候。")]
    [InlineData(false, 3, 24, "前面还有 3 位，预计 24 分钟。")]
    [InlineData(false, 3, null, "前面还有 3 位。")]
    public void QueuePosition_SaysTheCallTheNextTurnOrHowManyAreBeforeAndTheExpectedWait(bool called, int ahead, int? minutes, string expected)
    {
        Assert.Equal(expected, PatientNotices.QueuePosition(called, ahead, minutes));
    }

    [Fact]
    public void DayBeforeReminder_SaysWhereWhenWhatToBringWhenToArriveAndUntilWhenCancellingIsFree()
    {
        var text = PatientNotices.DayBeforeReminder(Visit, Visit.SlotTime.AddMinutes(-60),
            HospitalTime.China.At(new DateOnly(2026, 11, 23), new TimeOnly(16, 0)));

        Assert.Equal("就诊提醒：您预约了2026年11月24日 08:30 心血管内科 张医生（7 号），地点：门诊楼2层A区1诊室。请于 07:30 后、08:30 前到达签到，按号序就诊。"
            + "请携带本人身份证、医保卡（如有）和既往病历、检查报告。"
            + "如不能前来，请在2026年11月23日 16:00前在“我的预约”中取消，可全额退款；逾期取消将按规定收费，未签到记为爽约。", text);
        Assert.True(text.Length <= 512, "the outbox's message column holds 512 characters");
    }

    [Theory]
    [InlineData(25.00, "很抱歉，您预约的2026年11月24日上午门诊因故停诊（医生临时出诊），医院已为您取消预约。已支付的挂号费 25.00 元将按原支付方式全额退回。如有疑问，请联系医院客服。")]
    [InlineData(null, "很抱歉，您预约的2026年11月24日上午门诊因故停诊（医生临时出诊），医院已为您取消预约。如有疑问，请联系医院客服。")]
    public void SessionStopped_SaysTheVisitWasCancelledAndTheRefundWhenItWasPaid(double? refund, string expected)
    {
        Assert.Equal(expected, PatientNotices.SessionStopped(Visit.Date, SessionPeriod.Morning, "医生临时出诊", (decimal?)refund));
    }

    [Fact]
    public void WaitlistNotices_SayWhatHappenedToTheSlotAndWhatToDo()
    {
        var payBy = HospitalTime.China.At(new DateOnly(2026, 11, 20), new TimeOnly(9, 45));

        Assert.Equal(
        [
            "候补成功：2026年11月24日下午的 7 号已为您保留，请在 09:45 前完成支付，逾期将顺延给下一位候补的患者。",
            "为您保留的2026年11月24日下午候补号源未在时限内支付，已顺延给下一位候补的患者。",
            "2026年11月24日下午的候补号源到来时，您的预约不符合医院的预约规则（如当日已有该科室的预约、预约次数已满或预约受限），已顺延给下一位候补的患者。如有疑问，请联系医院客服。",
            "您已有2026年11月24日下午该门诊的预约，已自动为您退出候补。",
            "2026年11月24日下午的门诊因故停诊（医生临时出诊），您的候补已结束。如有疑问，请联系医院客服。",
        ],
        [
            PatientNotices.WaitlistOffered(Visit.Date, SessionPeriod.Afternoon, 7, payBy),
            PatientNotices.WaitlistLapsed(Visit.Date, SessionPeriod.Afternoon),
            PatientNotices.WaitlistOfferDeclined(Visit.Date, SessionPeriod.Afternoon),
            PatientNotices.WaitlistNoLongerNeeded(Visit.Date, SessionPeriod.Afternoon),
            PatientNotices.WaitlistClosed(Visit.Date, SessionPeriod.Afternoon, "医生临时出诊"),
        ]);
    }

    [Fact]
    public void LatePaymentRefunded_SaysNoAppointmentWasMadeAndTheMoneyGoesBackTheWayItCame()
    {
        Assert.Equal("您支付的挂号费 25.00 元到账时，号源保留时间已过，未能为您预约。款项将按原支付方式全额退回（医保支付部分退回医保）。如有疑问，请联系医院客服。",
            PatientNotices.LatePaymentRefunded(25m));
    }
}
