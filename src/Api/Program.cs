using Hospital.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();

var app = builder.Build();
app.MapGet("/health/live", () => TypedResults.Ok());
app.Run();

public partial class Program;
