using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notifications;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Tests.Notifications;

/// <summary>What the confirmation looks up: the patient's salutation, the room's directions (else the department's) and the cancellation terms as of payment.</summary>
public sealed class BookingConfirmationsTests
{
    private static readonly HospitalTime Time = HospitalTime.China;
    private static readonly DateTimeOffset SlotStart = Time.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 30));
    private static readonly SessionDefinition Session = new("D0002-20261207-AM", 2, 1, new DateOnly(2026, 12, 7), SessionPeriod.Morning, "3B-05", 50m, 1,
        Time.At(new DateOnly(2026, 11, 30), new TimeOnly(7, 0)), [new SlotDefinition(1, SlotStart, SlotStart.AddMinutes(10), BookingChannel.App)]);
    private static readonly AppointmentView Booked = new($"{Session.SessionId}.3f9a1c2b7d4e5f60", Session.SessionId, 1, SlotStart.ToUniversalTime(), "P1",
        BookingChannel.App, AppointmentStatus.Booked, "booked", 50m, SlotStart.AddDays(-2), null, SlotStart.AddDays(-2), null, 0, null);

    [Fact]
    public async Task ForAsync_PaidBeforeTheCutoff_AddressesThePatientAndGivesTheRoomsDirections()
    {
        var notice = await Confirmations(withRoom: true).ForAsync(Booked, SlotStart.AddDays(-2));

        Assert.NotNull(notice);
        Assert.Equal(("P1", Booked.Id, BookingConfirmations.Kind), (notice.PatientId, notice.AppointmentId, notice.Kind));
        Assert.StartsWith("王先生您好，您已成功预约12月7日（星期一）上午心血管内科李明主任医师的门诊，第1号，预计09:30就诊。请于当天08:30至10:00到门诊楼3层B区5诊室报到", notice.Message);
        Assert.Contains("请在12月6日16:00前", notice.Message);
    }

    [Fact]
    public async Task ForAsync_WithoutTheRoomInTheCatalog_PaidAfterTheCutoff_GivesTheDepartmentAndTheLateFeeOnly()
    {
        var notice = await Confirmations(withRoom: false).ForAsync(Booked, SlotStart.AddHours(-3));

        Assert.Contains("到门诊楼3层B区报到", notice!.Message);
        Assert.Contains("如需取消，请在就诊开始前在“我的预约”中操作，将扣除挂号费的20%。", notice.Message);
    }

    [Fact]
    public async Task ForAsync_OfASessionNotInTheCatalog_SendsNothing() =>
        Assert.Null(await Confirmations(withRoom: true).ForAsync(Booked with { SessionId = "D0002-20261208-AM" }, SlotStart.AddDays(-2)));

    private static BookingConfirmations Confirmations(bool withRoom)
    {
        var catalog = new CatalogCache();
        catalog.Replace(new HospitalCatalog(
            [new Department(1, "心血管内科", "门诊楼3层B区", "")],
            [new Doctor(2, 1, "李明", DoctorTitle.ChiefPhysician, [], 50m, "", 5)],
            withRoom ? [new Room("3B-05", 1, "门诊楼3层B区5诊室")] : [],
            [], new Dictionary<int, ReleasePolicy>()), [Session]);
        return new BookingConfirmations(catalog, new OnePatient(), Options.Create(new CheckInRulesOptions()), Options.Create(new CancellationRulesOptions()), Time);
    }

    private sealed class OnePatient : IPatientStore
    {
        private static readonly StoredPatient Patient = new("P1", "王建国", "fp", "1****************1", "138****5678", "", new DateOnly(1960, 5, 1), Sex.Male,
            DateTimeOffset.UnixEpoch);

        public Task<StoredPatient?> FindAsync(string patientId, CancellationToken cancellationToken = default) =>
            Task.FromResult(patientId == Patient.Id ? Patient : null);

        public Task<StoredPatient> AddOrGetAsync(StoredPatient patient, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredPatient?> FindByIdNumberAsync(string idNumberFingerprint, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PatientAppointment>> LoadAppointmentsAsync(string patientId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
