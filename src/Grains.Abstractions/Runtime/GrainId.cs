namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Identity of one virtual actor: the grain interface it is reached through and its key.</summary>
public readonly record struct GrainId(Type Interface, string Key)
{
    public override string ToString() => $"{Interface.Name}/{Key}";
}
