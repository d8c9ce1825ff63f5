using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abuse;

namespace Hospital.Api.Apis.Abuse;

/// <summary>
/// After a patient account's booking call, tells <see cref="BookingSourceWatch"/> where it came from and stores the flags it
/// finds. Detection never changes the booking's answer: a flag that cannot be stored is logged with its account and lost.
/// </summary>
internal sealed partial class BookingSourceFilter(BookingSourceWatch watch, IAccountFlagStore flags, ILogger<BookingSourceFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!http.User.IsPatient()) return result;
        foreach (var finding in watch.Record(http.User.Subject(), BookingSource.Of(http)))
        {
            try
            {
                // Stored even when the caller hangs up: a script must not dodge its flag by dropping the connection.
                await flags.RaiseAsync(finding.AccountId, AccountFlagKind.SharedSource, finding.Window, finding.Evidence, finding.At, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogFlagFailed(e, finding.AccountId);
            }
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store a shared-source flag on account {AccountId}")]
    private partial void LogFlagFailed(Exception exception, string accountId);
}
