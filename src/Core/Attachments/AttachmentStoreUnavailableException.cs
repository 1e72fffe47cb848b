namespace Parasol.Core.Attachments;

/// <summary>The store could not keep the bytes (disk full, read-only, server unreachable); nothing was kept.</summary>
public sealed class AttachmentStoreUnavailableException(Exception inner)
    : Exception("The attachment store could not save the file.", inner);
