namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// The run's hospital admin: the initial admin of the API's configuration (Auth:InitialAdmin), its initial password, and the
/// password the first run gives it (the first login must change it), which every later run of the same database uses.
/// </summary>
public sealed record StaffCredentials(string StaffId, string InitialPassword, string Password);
