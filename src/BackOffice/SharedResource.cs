namespace Parasol.BackOffice;

/// <summary>Marker for the back office's shared strings in Resources/SharedResource.{pl,en,uk}.resx.</summary>
public sealed class SharedResource;
