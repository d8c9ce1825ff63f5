using Hospital.Grains.Catalog;

namespace Hospital.Api.Infrastructure.Json;

/// <summary>
/// Every response names the hospital's time zone in one header, so a client knows the zone of the bare dates it carries
/// (a calendar day, a session's date), which are the hospital's calendar dates, not the client's.
/// </summary>
public static class HospitalTimeZoneHeader
{
    public const string Name = "Hospital-Time-Zone";

    public static IApplicationBuilder UseHospitalTimeZoneHeader(this IApplicationBuilder app)
    {
        var zone = app.ApplicationServices.GetRequiredService<HospitalTime>().Zone.Id;
        Func<object, Task> addHeader = response =>
        {
            ((HttpResponse)response).Headers[Name] = zone;
            return Task.CompletedTask;
        };
        // Added as the response starts, because the exception handler clears the headers of a response it replaces.
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(addHeader, context.Response);
            return next(context);
        });
    }
}
