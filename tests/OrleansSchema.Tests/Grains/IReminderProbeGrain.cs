namespace Hospital.OrleansSchema.Tests.Grains;

/// <summary>Registers, lists and counts reminders through the ADO.NET reminder table under test.</summary>
[Alias("orleans-schema.reminder-probe")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) a reminder that first fires after <paramref name="dueTime"/>.</summary>
    [Alias("register")]
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>The names of this grain's reminders, as the reminder table holds them.</summary>
    [Alias("list")]
    Task<string[]> ListAsync();

    /// <summary>Unregisters the reminder, if it exists.</summary>
    [Alias("unregister")]
    Task UnregisterAsync(string name);

    /// <summary>How many times any reminder of this activation has fired.</summary>
    [Alias("ticks")]
    Task<int> GetTicksAsync();
}
