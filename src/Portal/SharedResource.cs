namespace Parasol.Portal;

/// <summary>Marker for the Portal's shared strings in Resources/SharedResource.{pl,en,uk}.resx.</summary>
public sealed class SharedResource;
