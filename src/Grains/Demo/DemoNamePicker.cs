namespace Hospital.Grains.Demo;

/// <summary>Draws full names (surname + given name) without repeating one, so patients can tell doctors apart.</summary>
internal sealed class DemoNamePicker(Random random)
{
    private readonly HashSet<string> _used = [];

    public string Next()
    {
        while (true)
        {
            var name = DemoNames.Surnames[random.Next(DemoNames.Surnames.Count)] + DemoNames.GivenNames[random.Next(DemoNames.GivenNames.Count)];
            if (_used.Add(name)) return name;
        }
    }
}
