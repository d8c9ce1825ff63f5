namespace Hospital.Api.Infrastructure.RateLimits;

/// <summary>
/// ASP.NET Core's rate-limiting middleware, placed so that an app that has stopped can be collected. The middleware
/// creates a limiter that nothing disposes (dotnet/aspnetcore#69061), whose timer runs until the process ends and keeps
/// the middleware reachable, and with it the rest of the pipeline and every service of the app. Here the middleware's
/// next step is a link the app cuts when it stops, and the middleware is built without the caller's execution context,
/// which the timer would keep too. One app per process never notices; a test process that starts and stops hundreds of
/// apps kept every one of them, about 50 MB each.
/// </summary>
public static class StoppableRateLimiter
{
    public static IApplicationBuilder UseStoppableRateLimiter(this IApplicationBuilder app)
    {
        var link = new NextLink();
        var branch = app.New();
        branch.UseRateLimiter();
        branch.Run(link.InvokeAsync);
        RequestDelegate limited;
        using (ExecutionContext.SuppressFlow())
        {
            limited = branch.Build();
        }

        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(link.Cut);
        return app.Use(next =>
        {
            link.Next = next;
            return limited;
        });
    }

    /// <summary>The only reference from the limiter's middleware to the rest of the pipeline.</summary>
    private sealed class NextLink
    {
        public RequestDelegate? Next { private get; set; }

        public Task InvokeAsync(HttpContext context) =>
            Next is { } next ? next(context) : throw new InvalidOperationException("The app has stopped.");

        public void Cut() => Next = null;
    }
}
