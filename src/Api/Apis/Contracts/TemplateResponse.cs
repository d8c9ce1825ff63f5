using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A doctor's weekly session as stored; <c>EndsFrom</c> is the first day it makes no session, null while it runs.</summary>
public sealed record TemplateResponse(
    DayOfWeek Weekday, SessionPeriod Period, string Room, int Quota, int SlotMinutes, decimal PhoneWindowShare, decimal DoctorAddOnShare, DateOnly? EndsFrom)
{
    public static TemplateResponse From(ScheduleTemplate t) =>
        new(t.Weekday, t.Period, t.Room, t.Quota, t.SlotMinutes, t.Shares.PhoneWindow, t.Shares.DoctorAddOn, t.EndsFrom);
}
